package org.cinn4knime.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.cinn4knime.engine.AtomicFile;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The project's one chart helper: an x–y chart of named line and point series drawn by JFreeChart (axes with ticks
 * and labels, grid, legend below the plot), rendered off-screen so it works headless ({@code java.awt.headless=true}).
 * Used by the port view's loss curve and the command line's pictures; build one, add series, then {@link #render} or
 * {@link #writePng}:
 *
 * <pre>
 * new XyChart("Loss", "epoch", "nats per row").integerX()
 *     .line("training", epochs, train, XyChart.BLUE)
 *     .points("best epoch", new double[]{best}, new double[]{loss}, Color.BLACK, XyChart.ring(10))
 *     .writePng(file, 800, 500);
 * </pre>
 *
 * A NaN in a series' y (or x) leaves a gap: the line stops before it and starts again after it, so several
 * polylines (e.g. many sampled arms) fit in one series and one legend entry. Axis ranges follow the finite data with
 * a small margin and do not force zero in. Not thread-safe; the chart is built anew on every render.
 */
public final class XyChart {

    /** Matplotlib's first colours, for series that should look alike across our pictures. */
    public static final Color BLUE = new Color(0x1f, 0x77, 0xb4);

    /** Second colour of the palette. */
    public static final Color ORANGE = new Color(0xff, 0x7f, 0x0e);

    /** Third colour of the palette. */
    public static final Color GREEN = new Color(0x2c, 0xa0, 0x2c);

    /** Fourth colour of the palette. */
    public static final Color RED = new Color(0xd6, 0x27, 0x28);

    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

    private final String m_title;

    private final String m_xLabel;

    private final String m_yLabel;

    private final List<Series> m_series = new ArrayList<>();

    private final List<ReferenceLine> m_referenceLines = new ArrayList<>();

    private String m_noDataMessage = "No data.";

    private boolean m_integerX;

    private boolean m_equalScale;

    private record Series(String name, double[] x, double[] y, Color color, float width, Shape shape) {
    }

    private record ReferenceLine(boolean vertical, double at, Color color, float width) {
    }

    /**
     * @param title the title above the plot; empty for none
     * @param xLabel the x-axis label (with units)
     * @param yLabel the y-axis label (with units)
     */
    public XyChart(final String title, final String xLabel, final String yLabel) {
        m_title = Objects.requireNonNull(title, "title");
        m_xLabel = Objects.requireNonNull(xLabel, "xLabel");
        m_yLabel = Objects.requireNonNull(yLabel, "yLabel");
    }

    /**
     * Adds a line series of width 2.
     *
     * @see #line(String, double[], double[], Color, float)
     */
    public XyChart line(final String name, final double[] x, final double[] y, final Color color) {
        return line(name, x, y, color, 2f);
    }

    /**
     * Adds a line series: the points joined in the given order (not sorted by x); a NaN ends a polyline. A series with
     * a single finite point shows it as a dot.
     *
     * @param name the legend entry
     * @param x the x values, as long as {@code y}
     * @param y the y values
     * @param color the line colour (may be translucent)
     * @param width the line width in pixels
     * @return this chart
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public XyChart line(final String name, final double[] x, final double[] y, final Color color, final float width) {
        m_series.add(new Series(name, check(x, y), y.clone(), color, width, null));
        return this;
    }

    /**
     * Adds a series of unconnected points.
     *
     * @param name the legend entry
     * @param x the x values, as long as {@code y}
     * @param y the y values; NaN points are left out
     * @param color the colour
     * @param shape the marker, centred on (0, 0) in pixels (see {@link #dot}, {@link #ring}, {@link #cross})
     * @return this chart
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public XyChart points(final String name, final double[] x, final double[] y, final Color color,
        final Shape shape) {
        m_series.add(new Series(name, check(x, y), y.clone(), color, 1.5f, Objects.requireNonNull(shape, "shape")));
        return this;
    }

    /**
     * Draws a horizontal reference line across the plot (for instance y = 0), not part of the legend and not widening
     * the axis range.
     *
     * @param y where, in data units
     * @param color the colour
     * @param width the line width in pixels
     * @return this chart
     */
    public XyChart horizontalLine(final double y, final Color color, final float width) {
        m_referenceLines.add(new ReferenceLine(false, y, color, width));
        return this;
    }

    /**
     * Draws a vertical reference line across the plot (for instance a rail at x = 0), not part of the legend and not
     * widening the axis range.
     *
     * @param x where, in data units
     * @param color the colour
     * @param width the line width in pixels
     * @return this chart
     */
    public XyChart verticalLine(final double x, final Color color, final float width) {
        m_referenceLines.add(new ReferenceLine(true, x, color, width));
        return this;
    }

    /** The text shown in the plot area when no series has been added (default "No data."). */
    public XyChart noDataMessage(final String message) {
        m_noDataMessage = Objects.requireNonNull(message, "message");
        return this;
    }

    /** Ticks on whole numbers only on the x axis (epochs, counts). */
    public XyChart integerX() {
        m_integerX = true;
        return this;
    }

    /** The same data units per pixel on both axes, so that lengths and angles look true (maps, arm geometry). */
    public XyChart equalScale() {
        m_equalScale = true;
        return this;
    }

    private static double[] check(final double[] x, final double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        return x.clone();
    }

    /** A filled circle of the given diameter in pixels. */
    public static Shape dot(final double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    /** An open circle of the given diameter in pixels (drawn as outline). */
    public static Shape ring(final double size) {
        return new BasicStroke(1.5f).createStrokedShape(dot(size));
    }

    /** A diagonal cross (×) of the given size in pixels. */
    public static Shape cross(final double size) {
        final java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        final double h = size / 2;
        p.moveTo(-h, -h);
        p.lineTo(h, h);
        p.moveTo(-h, h);
        p.lineTo(h, -h);
        return new BasicStroke((float)Math.max(2, size / 6)).createStrokedShape(p);
    }

    /**
     * Builds the JFreeChart for these series, with axis ranges from the data (before any {@link #equalScale()}
     * adjustment, which needs the picture's size: see {@link #render}).
     *
     * @return a new chart; the caller may change it further
     */
    public JFreeChart build() {
        final XYSeriesCollection data = new XYSeriesCollection();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int i = 0; i < m_series.size(); i++) {
            final Series s = m_series.get(i);
            final XYSeries xy = new XYSeries(i + ": " + s.name(), false, true);
            int finite = 0;
            for (int k = 0; k < s.x().length; k++) {
                final boolean ok = Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k]);
                xy.add(ok ? s.x()[k] : lastFiniteX(s.x(), k), ok ? s.y()[k] : Double.NaN);
                finite += ok ? 1 : 0;
            }
            data.addSeries(xy);
            renderer.setSeriesPaint(i, s.color());
            renderer.setSeriesStroke(i, new BasicStroke(s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            if (s.shape() == null) {
                renderer.setSeriesLinesVisible(i, true);
                renderer.setSeriesShapesVisible(i, finite < 2);
                renderer.setSeriesShape(i, dot(6));
            } else {
                renderer.setSeriesLinesVisible(i, false);
                renderer.setSeriesShapesVisible(i, true);
                renderer.setSeriesShape(i, s.shape());
            }
        }
        renderer.setDrawSeriesLineAsPath(false); // segment by segment: NaN leaves a gap
        renderer.setLegendItemLabelGenerator((dataset, series) -> m_series.get(series).name());

        final NumberAxis xAxis = axis(m_xLabel);
        if (m_integerX) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        final NumberAxis yAxis = axis(m_yLabel);
        final XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(Color.GRAY);
        for (final ReferenceLine r : m_referenceLines) {
            final ValueMarker marker = new ValueMarker(r.at(), r.color(), new BasicStroke(r.width()));
            if (r.vertical()) {
                plot.addDomainMarker(marker);
            } else {
                plot.addRangeMarker(marker);
            }
        }
        plot.setNoDataMessage(m_noDataMessage);
        // the legend shows translucent series (many overlaid lines) in their full colour, so it stays readable
        final LegendItemCollection legendItems = new LegendItemCollection();
        for (final Iterator<LegendItem> it = plot.getLegendItems().iterator(); it.hasNext();) {
            final LegendItem item = it.next();
            item.setFillPaint(opaque(item.getFillPaint()));
            item.setLinePaint(opaque(item.getLinePaint()));
            item.setOutlinePaint(opaque(item.getOutlinePaint()));
            legendItems.add(item);
        }
        plot.setFixedLegendItems(legendItems);
        final JFreeChart chart =
            new JFreeChart(m_title.isEmpty() ? null : m_title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        final LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    private static Paint opaque(final Paint paint) {
        return paint instanceof Color c && c.getAlpha() < 255 ? new Color(c.getRed(), c.getGreen(), c.getBlue()) : paint;
    }

    private static double lastFiniteX(final double[] x, final int k) {
        for (int j = k; j >= 0; j--) {
            if (Double.isFinite(x[j])) {
                return x[j];
            }
        }
        return 0;
    }

    private static NumberAxis axis(final String label) {
        final NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeStickyZero(false);
        a.setStandardTickUnits(new NumberTickUnitSource());
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return a;
    }

    /**
     * Draws the chart into a new image.
     *
     * @param width the image width in pixels (at least 1)
     * @param height the image height in pixels (at least 1)
     * @return an RGB image of exactly that size
     */
    public BufferedImage render(final int width, final int height) {
        final JFreeChart chart = build();
        if (m_equalScale) {
            equaliseScale(chart, width, height);
        }
        return draw(chart, width, height, null);
    }

    private static BufferedImage draw(final JFreeChart chart, final int width, final int height,
        final ChartRenderingInfo info) {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Widens the axis whose pixels stand for fewer data units, so that both have the same units per pixel. */
    private static void equaliseScale(final JFreeChart chart, final int width, final int height) {
        final ChartRenderingInfo info = new ChartRenderingInfo();
        draw(chart, width, height, info); // lays out the chart: where the data area is at this size
        final Rectangle2D area = info.getPlotInfo().getDataArea();
        final XYPlot plot = chart.getXYPlot();
        final Range xr = plot.getDomainAxis().getRange();
        final Range yr = plot.getRangeAxis().getRange();
        final double unitsPerPixel = Math.max(xr.getLength() / area.getWidth(), yr.getLength() / area.getHeight());
        plot.getDomainAxis().setRange(xr.getCentralValue() - unitsPerPixel * area.getWidth() / 2,
            xr.getCentralValue() + unitsPerPixel * area.getWidth() / 2);
        plot.getRangeAxis().setRange(yr.getCentralValue() - unitsPerPixel * area.getHeight() / 2,
            yr.getCentralValue() + unitsPerPixel * area.getHeight() / 2);
    }

    /**
     * Renders the chart and writes it as PNG, atomically ({@link AtomicFile}: the file appears only when complete).
     *
     * @param file the PNG file; its folder must exist
     * @param width the image width in pixels
     * @param height the image height in pixels
     * @throws IOException if the file cannot be written
     */
    public void writePng(final Path file, final int width, final int height) throws IOException {
        final BufferedImage image = render(width, height);
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }
}
