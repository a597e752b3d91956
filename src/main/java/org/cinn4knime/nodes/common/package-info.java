/**
 * Pieces shared by the cINN Learner, Sampler and Scorer nodes: the node model and settings base classes, column
 * checks, missing-value policy, unique output names, the bridge from KNIME's progress/cancel to the engine's
 * {@link org.cinn4knime.engine.ProgressListener}, and settings models that every node offers (seed, threads).
 */
package org.cinn4knime.nodes.common;
