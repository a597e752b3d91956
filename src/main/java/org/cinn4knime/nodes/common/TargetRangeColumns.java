package org.cinn4knime.nodes.common;

/**
 * Names of the columns with which the Sampler and the Scorer flag rows whose target lies outside the training targets
 * (see {@code org.cinn4knime.engine.TargetRange}); one declaration for both nodes.
 */
public final class TargetRangeColumns {

    /** Boolean column: true when the row's target lies within the training targets' range and near them. */
    public static final String IN_RANGE = "Target in training range";

    /** Double column: the distance to the nearest training targets relative to the threshold (above 1: too far). */
    public static final String DISTANCE = "Target distance";

    private TargetRangeColumns() {
    }
}
