package org.cinn4knime.nodes.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.cinn4knime.chart.XyChartTest;
import org.cinn4knime.engine.EpochStats;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class LossCurveImageTest {

    private static int countColor(final BufferedImage img, final Color c) {
        return XyChartTest.count(img, c);
    }

    @Test
    void drawsBothCurvesHeadless() {
        final List<EpochStats> h = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            h.add(new EpochStats(e, 2 - 0.3 * e, 2.2 - 0.25 * e, 1e-3, e == 20));
        }
        final BufferedImage img = LossCurveImage.render(h, 20, 400, 300);
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        assertTrue(countColor(img, LossCurveImage.TRAIN_COLOR) > 100, "training curve drawn");
        assertTrue(countColor(img, LossCurveImage.VALIDATION_COLOR) > 100, "validation curve drawn");
    }

    @Test
    void withoutValidationOnlyTheTrainingCurveAppearsAndNaNIsNoProblem() {
        final List<EpochStats> h = List.of(new EpochStats(1, 1.0, Double.NaN, 1e-3, false),
            new EpochStats(2, Double.NaN, Double.NaN, 1e-3, false), new EpochStats(3, -1.0, Double.NaN, 1e-3, true));
        final BufferedImage img = LossCurveImage.render(h, 3, 300, 200);
        assertTrue(countColor(img, LossCurveImage.TRAIN_COLOR) > 10);
        // the legend square is the only validation-coloured thing
        assertTrue(countColor(img, LossCurveImage.VALIDATION_COLOR) <= 100);
    }

    @Test
    void axesCoverTheLossesAndTheEpochs() {
        final List<EpochStats> h = new ArrayList<>();
        for (int e = 1; e <= 30; e++) {
            h.add(new EpochStats(e, 5 - 0.4 * e, 5.5 - 0.35 * e, 1e-3, false));
        }
        final XYPlot plot = LossCurveImage.chart(h, 30).build().getXYPlot();
        final Range x = plot.getDomainAxis().getRange();
        final Range y = plot.getRangeAxis().getRange();
        assertTrue(x.contains(1) && x.contains(30), x::toString);
        assertTrue(y.contains(5 - 0.4 * 30) && y.contains(5.5 - 0.35), y::toString);
        assertEquals(3, plot.getLegendItems().getItemCount(), "training, validation, best epoch");
        assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "zero line: losses cross 0");
    }

    @Test
    void differentHistoriesGiveDifferentPictures() {
        final List<EpochStats> a = List.of(new EpochStats(1, 1.0, 1.1, 1e-3, true), new EpochStats(2, 0.5, 0.9, 1e-3, true));
        final List<EpochStats> b = List.of(new EpochStats(1, 1.0, 1.1, 1e-3, true), new EpochStats(2, 0.2, 1.3, 1e-3, false));
        final BufferedImage ia = LossCurveImage.render(a, 2, 300, 200);
        final BufferedImage ib = LossCurveImage.render(b, 1, 300, 200);
        boolean differ = false;
        for (int x = 0; x < 300 && !differ; x++) {
            for (int y = 0; y < 200 && !differ; y++) {
                differ = ia.getRGB(x, y) != ib.getRGB(x, y);
            }
        }
        assertTrue(differ);
    }

    @Test
    void emptyHistoryGivesAPlainImage() {
        final BufferedImage img = LossCurveImage.render(List.of(), 0, 10, 10);
        assertEquals(200, img.getWidth(), "minimum size");
        assertFalse(countColor(img, LossCurveImage.TRAIN_COLOR) > 0);
    }
}
