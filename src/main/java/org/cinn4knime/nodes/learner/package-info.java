/**
 * The cINN Learner node: trains a conditional invertible neural network on a table of designs x and targets y.
 * Out 0: the model ({@link org.cinn4knime.nodes.port.CinnPortObject}); out 1: the training history.
 */
package org.cinn4knime.nodes.learner;
