/**
 * The cINN model port: {@link org.cinn4knime.nodes.port.CinnPortObject} carries a trained
 * {@link org.cinn4knime.engine.CinnModel}, saved through the engine's {@link org.cinn4knime.engine.ModelFile} format
 * (never Java serialization); {@link org.cinn4knime.nodes.port.CinnPortObjectSpec} carries what downstream nodes need
 * in {@code configure}: the x and y column names and types, the architecture, and a training summary.
 */
package org.cinn4knime.nodes.port;
