package org.cinn4knime.cli;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.cinn4knime.chart.XyChart;

/**
 * The demo's picture of sampled arm configurations of the inverse-kinematics task, drawn with {@link XyChart}: each
 * design x = (x0, x1, x2, x3) is a polyline from the base (0, x0) on the vertical rail (grey line at 0) through
 * segments of lengths 0.5, 0.5 and 1.0 at the cumulative angles x1, x1+x2, x1+x2+x3; the wanted end point is a red
 * cross. Both axes have the same scale, so the arms' lengths and angles look true.
 */
final class ArmPlot {

    /** Segment lengths of the arm. */
    static final double[] SEGMENTS = {0.5, 0.5, 1.0};

    static final int WIDTH = 800;
    static final int HEIGHT = 700;

    private ArmPlot() {
    }

    /** The joint positions {(0, x0), p1, p2, end} of one design, as {xs[], ys[]}. */
    static double[][] joints(final double[] design) {
        final double[] px = new double[SEGMENTS.length + 1];
        final double[] py = new double[SEGMENTS.length + 1];
        py[0] = design[0];
        double angle = 0;
        for (int s = 0; s < SEGMENTS.length; s++) {
            angle += design[s + 1];
            px[s + 1] = px[s] + SEGMENTS[s] * Math.cos(angle);
            py[s + 1] = py[s] + SEGMENTS[s] * Math.sin(angle);
        }
        return new double[][]{px, py};
    }

    /** The chart of the arms of {@code designs} reaching for {@code target} (y0, y1). */
    static XyChart chart(final double[][] designs, final double[] target, final String title) {
        final int perArm = SEGMENTS.length + 2; // the joints and a NaN that ends the polyline
        final double[] ax = new double[designs.length * perArm];
        final double[] ay = new double[designs.length * perArm];
        Arrays.fill(ay, Double.NaN);
        final double[] bx = new double[designs.length];
        final double[] by = new double[designs.length];
        for (int d = 0; d < designs.length; d++) {
            final double[][] j = joints(designs[d]);
            System.arraycopy(j[0], 0, ax, d * perArm, j[0].length);
            System.arraycopy(j[1], 0, ay, d * perArm, j[1].length);
            ax[d * perArm + j[0].length] = j[0][j[0].length - 1];
            by[d] = j[1][0];
        }
        // translucent, so that where many arms agree is dark
        final float alpha = (float)Math.max(0.04, Math.min(0.6, 8.0 / Math.max(1, designs.length)));
        final Color arm = new Color(0.1f, 0.3f, 0.8f, alpha);
        return new XyChart(title, "horizontal position", "vertical position").equalScale()
            .verticalLine(0, Color.GRAY, 3f)
            .line(CinnCli.count(designs.length, "sampled arm"), ax, ay, arm, 1.5f)
            .points("bases on the rail", bx, by, arm, XyChart.dot(6))
            .points(String.format(Locale.ROOT, "target (%.2f, %.2f)", target[0], target[1]), new double[]{target[0]},
                new double[]{target[1]}, Color.RED, XyChart.cross(18));
    }

    /** Renders the arms of {@code designs} reaching for {@code target} (y0, y1) into a WIDTH × HEIGHT image. */
    static BufferedImage render(final double[][] designs, final double[] target, final String title) {
        return chart(designs, target, title).render(WIDTH, HEIGHT);
    }

    /** Renders and writes the PNG atomically. */
    static void write(final Path file, final double[][] designs, final double[] target, final String title)
        throws CliException, IOException {
        chart(designs, target, title).writePng(AtomicOutput.checkWritable(file), WIDTH, HEIGHT);
    }
}
