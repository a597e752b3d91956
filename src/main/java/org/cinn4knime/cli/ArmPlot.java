package org.cinn4knime.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws sampled arm configurations of the inverse-kinematics task as a PNG (Java2D, works headless): each design
 * x = (x0, x1, x2, x3) is a polyline from the base (0, x0) on the vertical rail through segments of lengths 0.5, 0.5
 * and 1.0 at the cumulative angles x1, x1+x2, x1+x2+x3; the wanted end point is marked with a red cross.
 */
final class ArmPlot {

    /** Segment lengths of the arm. */
    static final double[] SEGMENTS = {0.5, 0.5, 1.0};

    static final int WIDTH = 800;
    static final int HEIGHT = 700;
    private static final int MARGIN = 60;

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

    /** Renders the arms of {@code designs} reaching for {@code target} (y0, y1). */
    static BufferedImage render(final double[][] designs, final double[] target, final String title) {
        // world window: every joint and the target, same scale on both axes
        double minX = Math.min(0, target[0]);
        double maxX = Math.max(0, target[0]);
        double minY = target[1];
        double maxY = target[1];
        for (final double[] d : designs) {
            final double[][] j = joints(d);
            for (int k = 0; k < j[0].length; k++) {
                minX = Math.min(minX, j[0][k]);
                maxX = Math.max(maxX, j[0][k]);
                minY = Math.min(minY, j[1][k]);
                maxY = Math.max(maxY, j[1][k]);
            }
        }
        final double pad = 0.1;
        minX -= pad;
        maxX += pad;
        minY -= pad;
        maxY += pad;
        final double scale = Math.min((WIDTH - 2.0 * MARGIN) / (maxX - minX), (HEIGHT - 2.0 * MARGIN) / (maxY - minY));
        final double originX = MARGIN + ((WIDTH - 2.0 * MARGIN) - scale * (maxX - minX)) / 2 - scale * minX;
        final double originY = HEIGHT - MARGIN - ((HEIGHT - 2.0 * MARGIN) - scale * (maxY - minY)) / 2 + scale * minY;

        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);

            // grid every 0.5 units with labels
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setStroke(new BasicStroke(1f));
            for (double gx = Math.ceil(minX * 2) / 2; gx <= maxX; gx += 0.5) {
                final double sx = originX + scale * gx;
                g.setColor(new Color(230, 230, 230));
                g.draw(new Line2D.Double(sx, MARGIN / 2.0, sx, HEIGHT - MARGIN / 2.0));
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.1f", gx + 0.0), (float) sx - 8, HEIGHT - MARGIN / 4f);
            }
            for (double gy = Math.ceil(minY * 2) / 2; gy <= maxY; gy += 0.5) {
                final double sy = originY - scale * gy;
                g.setColor(new Color(230, 230, 230));
                g.draw(new Line2D.Double(MARGIN / 2.0, sy, WIDTH - MARGIN / 2.0, sy));
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.1f", gy + 0.0), 4f, (float) sy + 4);
            }
            // the rail the base slides on
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(3f));
            g.draw(new Line2D.Double(originX, MARGIN / 2.0, originX, HEIGHT - MARGIN / 2.0));

            // arms, translucent so that where many agree is dark
            final float alpha = (float) Math.max(0.04, Math.min(0.6, 8.0 / Math.max(1, designs.length)));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(0.1f, 0.3f, 0.8f, alpha));
            for (final double[] d : designs) {
                final double[][] j = joints(d);
                final Path2D.Double arm = new Path2D.Double();
                arm.moveTo(originX + scale * j[0][0], originY - scale * j[1][0]);
                for (int k = 1; k < j[0].length; k++) {
                    arm.lineTo(originX + scale * j[0][k], originY - scale * j[1][k]);
                }
                g.draw(arm);
                g.fill(new Ellipse2D.Double(originX + scale * j[0][0] - 3, originY - scale * j[1][0] - 3, 6, 6));
            }

            // the target
            final double tx = originX + scale * target[0];
            final double ty = originY - scale * target[1];
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(3f));
            g.draw(new Line2D.Double(tx - 10, ty - 10, tx + 10, ty + 10));
            g.draw(new Line2D.Double(tx - 10, ty + 10, tx + 10, ty - 10));

            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, MARGIN / 2f, MARGIN / 2f - 8);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes the PNG atomically. */
    static void write(final Path file, final double[][] designs, final double[] target, final String title)
        throws CliException, IOException {
        final BufferedImage image = render(designs, target, title);
        try (AtomicOutput out = AtomicOutput.create(file)) {
            if (!ImageIO.write(image, "png", out.stream())) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
            out.commit();
        }
    }
}
