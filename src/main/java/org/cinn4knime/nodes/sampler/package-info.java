/**
 * The cINN Sampler node: generates designs x for wanted targets y with a trained model, streaming the rows as they
 * are generated.
 */
package org.cinn4knime.nodes.sampler;
