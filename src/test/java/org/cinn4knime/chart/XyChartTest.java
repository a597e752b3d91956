package org.cinn4knime.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared chart helper: PNGs written headless, axis ranges that cover the data, gaps at NaN. */
public class XyChartTest {

    @TempDir
    Path m_dir;

    /** @return how many pixels of {@code img} have exactly the colour {@code c} (also for the pictures' own tests) */
    public static int count(final BufferedImage img, final Color c) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static XyChart parabola(final double shift) {
        final double[] x = new double[21];
        final double[] y = new double[21];
        for (int i = 0; i < x.length; i++) {
            x[i] = i - 10;
            y[i] = x[i] * x[i] + shift;
        }
        return new XyChart("parabola", "x", "y").line("y = x² + " + shift, x, y, XyChart.BLUE);
    }

    @Test
    void writesADecodablePngOfTheAskedSizeHeadless() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "the tests run with java.awt.headless=true (surefire argLine)");
        final Path png = m_dir.resolve("p.png");
        parabola(0).writePng(png, 640, 480);
        final BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "not a PNG");
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        assertTrue(count(img, XyChart.BLUE) > 200, "the line is drawn");
        try (Stream<Path> s = Files.list(m_dir)) {
            assertEquals(List.of("p.png"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                "no temporary file left");
        }
    }

    @Test
    void differentDataGiveDifferentPictures() throws Exception {
        final Path a = m_dir.resolve("a.png");
        final Path b = m_dir.resolve("b.png");
        parabola(0).writePng(a, 300, 200);
        parabola(0).writePng(b, 300, 200);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "same data, same picture");
        parabola(50).writePng(b, 300, 200);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    }

    @Test
    void axisRangesCoverTheFiniteDataWithoutForcingZeroIn() {
        final XyChart chart = new XyChart("", "x", "y")
            .line("a", new double[]{5, 6, 7, 8}, new double[]{100, Double.NaN, 103, 101}, Color.RED)
            .points("b", new double[]{9}, new double[]{104}, Color.BLACK, XyChart.dot(5));
        final XYPlot plot = chart.build().getXYPlot();
        final Range x = plot.getDomainAxis().getRange();
        final Range y = plot.getRangeAxis().getRange();
        assertTrue(x.contains(5) && x.contains(9), x::toString);
        assertTrue(y.contains(100) && y.contains(104), y::toString);
        assertTrue(y.getLowerBound() > 50, "zero is not forced into the range: " + y);
        assertTrue(x.getLowerBound() > 2, "zero is not forced into the range: " + x);
    }

    @Test
    void legendNamesTheSeriesAndReferenceLinesDoNotWidenTheRange() {
        final JFreeChart chart = new XyChart("t", "x", "y")
            .line("training", new double[]{1, 2}, new double[]{3, 4}, XyChart.BLUE)
            .line("training", new double[]{1, 2}, new double[]{5, 6}, XyChart.ORANGE) // same name twice is fine
            .horizontalLine(-100, Color.GRAY, 1f).verticalLine(50, Color.GRAY, 1f).build();
        final XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getLegendItems().getItemCount());
        assertEquals("training", plot.getLegendItems().get(0).getLabel());
        assertFalse(plot.getRangeAxis().getRange().contains(-100));
        assertFalse(plot.getDomainAxis().getRange().contains(50));
    }

    @Test
    void translucentSeriesKeepTheirColourButGetAnOpaqueLegendEntry() {
        final Color faint = new Color(10, 20, 200, 20);
        final XYPlot plot = new XyChart("", "x", "y").line("many arms", new double[]{0, 1}, new double[]{0, 1}, faint)
            .build().getXYPlot();
        assertEquals(faint, plot.getRenderer().getSeriesPaint(0));
        assertEquals(new Color(10, 20, 200), plot.getLegendItems().get(0).getLinePaint());
    }

    @Test
    void equalScaleGivesBothAxesTheSameUnitsPerPixel() {
        final XyChart chart = new XyChart("", "x", "y").equalScale()
            .line("wide", new double[]{0, 10}, new double[]{0, 1}, XyChart.BLUE);
        final BufferedImage img = chart.render(500, 500);
        // a 10 × 1 line drawn at equal scale is nearly horizontal: its pixels span far more columns than rows
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight() * 3 / 4; y++) { // above the legend
                if ((img.getRGB(x, y) & 0xffffff) == (XyChart.BLUE.getRGB() & 0xffffff)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(maxX > minX, "line drawn");
        final double slope = (maxY - minY) / (double)(maxX - minX);
        assertTrue(slope < 0.2, "drawn slope " + slope + " should be about 1/10");
    }

    @Test
    void mismatchedArraysAreRefused() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new XyChart("", "x", "y").line("a", new double[2], new double[3], Color.RED));
        assertTrue(e.getMessage().contains("x has 2 values but y has 3"), e.getMessage());
    }
}
