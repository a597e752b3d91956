package org.cinn4knime.nodes.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.cinn4knime.engine.EpochStats;
import org.junit.jupiter.api.Test;

class LossCurveImageTest {

    private static int countColor(final BufferedImage img, final Color c) {
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

    @Test
    void drawsBothCurvesHeadless() {
        final List<EpochStats> h = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            h.add(new EpochStats(e, 2 - 0.3 * e, 2.2 - 0.25 * e, 1e-3, e == 20));
        }
        final BufferedImage img = LossCurveImage.render(h, 400, 300);
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        assertTrue(countColor(img, LossCurveImage.TRAIN_COLOR) > 100, "training curve drawn");
        assertTrue(countColor(img, LossCurveImage.VALIDATION_COLOR) > 100, "validation curve drawn");
    }

    @Test
    void withoutValidationOnlyTheTrainingCurveAppearsAndNaNIsNoProblem() {
        final List<EpochStats> h = List.of(new EpochStats(1, 1.0, Double.NaN, 1e-3, false),
            new EpochStats(2, Double.NaN, Double.NaN, 1e-3, false), new EpochStats(3, -1.0, Double.NaN, 1e-3, true));
        final BufferedImage img = LossCurveImage.render(h, 300, 200);
        assertTrue(countColor(img, LossCurveImage.TRAIN_COLOR) > 10);
        // the legend square is the only validation-coloured thing
        assertTrue(countColor(img, LossCurveImage.VALIDATION_COLOR) <= 100);
    }

    @Test
    void emptyHistoryGivesAPlainImage() {
        final BufferedImage img = LossCurveImage.render(List.of(), 10, 10);
        assertEquals(200, img.getWidth(), "minimum size");
        assertFalse(countColor(img, LossCurveImage.TRAIN_COLOR) > 0);
    }
}
