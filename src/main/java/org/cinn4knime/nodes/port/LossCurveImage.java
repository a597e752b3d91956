package org.cinn4knime.nodes.port;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.cinn4knime.engine.EpochStats;

/**
 * Draws the training history (training and validation loss per epoch) into an image. Pure Java2D on an off-screen
 * image: works headless, needs no display.
 */
public final class LossCurveImage {

    /** Colour of the training-loss line. */
    public static final Color TRAIN_COLOR = new Color(0x1f, 0x77, 0xb4);

    /** Colour of the validation-loss line. */
    public static final Color VALIDATION_COLOR = new Color(0xff, 0x7f, 0x0e);

    private static final int MARGIN_LEFT = 70;

    private static final int MARGIN_RIGHT = 20;

    private static final int MARGIN_TOP = 30;

    private static final int MARGIN_BOTTOM = 40;

    private LossCurveImage() {
    }

    /**
     * @param history the epochs, in order
     * @param width image width in pixels (at least 200)
     * @param height image height in pixels (at least 150)
     * @return the picture: white background, axes, the training loss in blue, the validation loss in orange, the best
     *         epoch marked
     */
    public static BufferedImage render(final List<EpochStats> history, final int width, final int height) {
        final BufferedImage img = new BufferedImage(Math.max(200, width), Math.max(150, height),
            BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            if (history.isEmpty()) {
                g.drawString("No training history.", MARGIN_LEFT, img.getHeight() / 2);
                return img;
            }
            draw(g, history, img.getWidth(), img.getHeight());
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void draw(final Graphics2D g, final List<EpochStats> history, final int w, final int h) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (EpochStats s : history) {
            for (double v : new double[]{s.trainLoss(), s.validationLoss()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            g.drawString("The losses are not finite.", MARGIN_LEFT, h / 2);
            return;
        }
        if (hi - lo < 1e-12) {
            hi = lo + 1;
        }
        final int plotW = w - MARGIN_LEFT - MARGIN_RIGHT;
        final int plotH = h - MARGIN_TOP - MARGIN_BOTTOM;
        final int epochs = history.size();
        final double yLo = lo;
        final double yHi = hi;
        final java.util.function.IntToDoubleFunction xOf =
            i -> MARGIN_LEFT + (epochs == 1 ? plotW / 2.0 : plotW * (double)i / (epochs - 1));
        final java.util.function.DoubleUnaryOperator yOf = v -> MARGIN_TOP + plotH * (yHi - v) / (yHi - yLo);

        g.drawRect(MARGIN_LEFT, MARGIN_TOP, plotW, plotH);
        g.drawString(String.format(Locale.ROOT, "%.3g", yHi), 4, MARGIN_TOP + 4);
        g.drawString(String.format(Locale.ROOT, "%.3g", yLo), 4, MARGIN_TOP + plotH + 4);
        g.drawString("epoch 1", MARGIN_LEFT, h - MARGIN_BOTTOM + 16);
        final String last = "epoch " + history.get(epochs - 1).epoch();
        g.drawString(last, w - MARGIN_RIGHT - g.getFontMetrics().stringWidth(last), h - MARGIN_BOTTOM + 16);
        g.drawString("Loss per row (nats; lower is better, negative is normal)", MARGIN_LEFT, 18);
        if (yLo < 0 && yHi > 0) { // zero line
            g.setColor(Color.LIGHT_GRAY);
            final int y0 = (int)Math.round(yOf.applyAsDouble(0));
            g.drawLine(MARGIN_LEFT, y0, MARGIN_LEFT + plotW, y0);
        }
        g.setStroke(new BasicStroke(2f));
        line(g, history, EpochStats::trainLoss, xOf, yOf, TRAIN_COLOR);
        line(g, history, EpochStats::validationLoss, xOf, yOf, VALIDATION_COLOR);
        for (int i = 0; i < epochs; i++) {
            final EpochStats s = history.get(i);
            final double v = Double.isFinite(s.validationLoss()) ? s.validationLoss() : s.trainLoss();
            if (s.best() && Double.isFinite(v)) {
                g.setColor(Color.BLACK);
                final int x = (int)Math.round(xOf.applyAsDouble(i));
                final int y = (int)Math.round(yOf.applyAsDouble(v));
                g.drawOval(x - 5, y - 5, 10, 10);
            }
        }
        g.setStroke(new BasicStroke(1f));
        final int legendY = h - 12;
        g.setColor(TRAIN_COLOR);
        g.fillRect(MARGIN_LEFT, legendY - 8, 10, 10);
        g.setColor(Color.BLACK);
        g.drawString("training", MARGIN_LEFT + 14, legendY + 1);
        g.setColor(VALIDATION_COLOR);
        g.fillRect(MARGIN_LEFT + 80, legendY - 8, 10, 10);
        g.setColor(Color.BLACK);
        g.drawString("validation", MARGIN_LEFT + 94, legendY + 1);
        g.drawOval(MARGIN_LEFT + 170, legendY - 8, 10, 10);
        g.drawString("best epoch", MARGIN_LEFT + 184, legendY + 1);
    }

    private static void line(final Graphics2D g, final List<EpochStats> history, final ToDoubleFunction<EpochStats> f,
        final java.util.function.IntToDoubleFunction xOf, final java.util.function.DoubleUnaryOperator yOf,
        final Color color) {
        final Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < history.size(); i++) {
            final double v = f.applyAsDouble(history.get(i));
            if (!Double.isFinite(v)) {
                started = false;
                continue;
            }
            final double x = xOf.applyAsDouble(i);
            final double y = yOf.applyAsDouble(v);
            if (started) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                started = true;
            }
        }
        g.setColor(color);
        g.draw(path);
        if (history.size() == 1 && Double.isFinite(f.applyAsDouble(history.get(0)))) {
            final int x = (int)Math.round(xOf.applyAsDouble(0));
            final int y = (int)Math.round(yOf.applyAsDouble(f.applyAsDouble(history.get(0))));
            g.fillOval(x - 3, y - 3, 6, 6);
        }
    }
}
