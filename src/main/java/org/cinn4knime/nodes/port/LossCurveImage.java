package org.cinn4knime.nodes.port;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.cinn4knime.chart.XyChart;
import org.cinn4knime.engine.EpochStats;

/**
 * The port view's picture of the training history: training and validation loss per epoch, the epoch whose weights
 * the model keeps marked with a ring, drawn with JFreeChart through {@link XyChart} (axes with ticks, grid, legend;
 * works headless).
 */
public final class LossCurveImage {

    /** Colour of the training-loss line. */
    public static final Color TRAIN_COLOR = XyChart.BLUE;

    /** Colour of the validation-loss line. */
    public static final Color VALIDATION_COLOR = XyChart.ORANGE;

    /** Smallest picture drawn, in pixels. */
    static final int MIN_WIDTH = 200;

    /** Smallest picture drawn, in pixels. */
    static final int MIN_HEIGHT = 150;

    private LossCurveImage() {
    }

    /**
     * @param history the epochs, in order
     * @param bestEpoch the 1-based epoch whose weights the model keeps (marked with a ring); 0 for none
     * @return the chart: the training loss in blue, the validation loss in orange (left out without validation rows),
     *         x = epoch, y = loss per row in nats on the standardised data
     */
    public static XyChart chart(final List<EpochStats> history, final int bestEpoch) {
        final XyChart chart = new XyChart("Loss per row (standardised data; lower is better, negative is normal)",
            "epoch", "loss (nats per row)").integerX();
        final int n = history.size();
        final double[] epochs = new double[n];
        final double[] train = new double[n];
        final double[] validation = new double[n];
        boolean anyTrain = false;
        boolean anyValidation = false;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            final EpochStats s = history.get(i);
            epochs[i] = s.epoch();
            train[i] = s.trainLoss();
            validation[i] = s.validationLoss();
            for (final double v : new double[]{train[i], validation[i]}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            anyTrain |= Double.isFinite(train[i]);
            anyValidation |= Double.isFinite(validation[i]);
        }
        chart.noDataMessage(n == 0 ? "No training history." : "The losses are not finite.");
        if (anyTrain) {
            chart.line("training", epochs, train, TRAIN_COLOR);
        }
        if (anyValidation) {
            chart.line("validation", epochs, validation, VALIDATION_COLOR);
        }
        for (final EpochStats s : history) {
            final double v = Double.isFinite(s.validationLoss()) ? s.validationLoss() : s.trainLoss();
            if (s.epoch() == bestEpoch && Double.isFinite(v)) {
                chart.points("best epoch (" + bestEpoch + ")", new double[]{s.epoch()}, new double[]{v}, Color.BLACK,
                    XyChart.ring(11));
            }
        }
        if (lo < 0 && hi > 0) {
            chart.horizontalLine(0, Color.GRAY, 1f);
        }
        return chart;
    }

    /**
     * @param history the epochs, in order
     * @param bestEpoch the 1-based epoch whose weights the model keeps (marked with a ring); 0 for none
     * @param width image width in pixels (at least 200)
     * @param height image height in pixels (at least 150)
     * @return the picture of {@link #chart}
     */
    public static BufferedImage render(final List<EpochStats> history, final int bestEpoch, final int width,
        final int height) {
        return chart(history, bestEpoch).render(Math.max(MIN_WIDTH, width), Math.max(MIN_HEIGHT, height));
    }
}
