package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cinn4knime.engine.domain.ColumnDomain;
import org.cinn4knime.engine.domain.DomainSpec;
import org.cinn4knime.engine.stats.Gaussian;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 2–5: targets outside the training data are flagged, robust scaling, checks that name the culprit,
 * defaults for small tables.
 */
class TargetsAndScalingTest {
    static final String[] XN = {"a", "b"};
    static final String[] YN = {"t"};

    /** y uniform in [−1.0, 1.5]; a = y + 0.1·e1, b = 0.5·e2. */
    static double[][][] linearData(int n, long seed) {
        Gaussian g = new Gaussian(seed);
        java.util.SplittableRandom u = new java.util.SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int r = 0; r < n; r++) {
            y[r][0] = -1.0 + 2.5 * u.nextDouble();
            x[r][0] = y[r][0] + 0.1 * g.next();
            x[r][1] = 0.5 * g.next();
        }
        y[0][0] = -1.0;
        y[1][0] = 1.5;
        return new double[][][] {x, y};
    }

    static CinnArchitecture arch() {
        return CinnArchitecture.defaults().withBlocks(3).withSubnetWidth(32);
    }

    static TrainingSettings settings() {
        return TrainingSettings.defaults().withEpochs(15).withBatchSize(200).withLearningRate(3e-3).withPatience(0);
    }

    static CinnModel linearModel;

    @BeforeAll
    static void train() throws Exception {
        double[][][] d = linearData(3000, 1);
        linearModel = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null), arch(), settings(), null).model();
    }

    static List<double[]> designs(CinnModel m, double[][] targets, int n, long seed) throws CinnException {
        List<double[]> out = new ArrayList<>();
        m.sample(targets, n, 1.0, seed, false, c -> out.addAll(Arrays.asList(c.designs())), null);
        return out;
    }

    // --------------------------------------------------------------------------------- targets outside the data

    /**
     * Two rows of two columns always lie on a line: no "exactly dependent" warning for them (the few-rows warning
     * covers such a table); three rows on a line do get it.
     */
    @Test
    void exactDependenceNeedsMoreRowsThanColumns() {
        String[] names = {"a", "b"};
        boolean[] skip = new boolean[2];
        List<String> two = DataChecks.designWarnings(new double[][] {{1, 0.3}, {2, 0.7}}, new int[] {0, 1}, names,
                skip, java.util.Set.of());
        assertTrue(two.stream().noneMatch(w -> w.contains("exactly dependent")), two.toString());
        List<String> three = DataChecks.designWarnings(new double[][] {{1, 0.3}, {2, 0.7}, {3, 1.1}},
                new int[] {0, 1, 2}, names, skip, java.util.Set.of());
        assertTrue(three.stream().anyMatch(w -> w.contains("exactly dependent")), three.toString());
    }

    /**
     * A target so far out that the network overflows (1e300) is refused naming its row, as sampling refuses it,
     * instead of a NaN log-density that made the mean NLL of the whole table NaN; rows before it stay scored.
     */
    @Test
    void scoringRefusesARowWhoseLogDensityIsNotFiniteNamingIt() throws Exception {
        try (Scorer sc = linearModel.newScorer()) {
            double[][] ok = sc.add(new double[][] {{0.2, 0.1}}, new double[][] {{0.2}});
            assertTrue(Double.isFinite(ok[0][0]));
            CinnDataException e = assertThrows(CinnDataException.class,
                    () -> sc.add(new double[][] {{0.1, 0.0}, {0.2, 0.1}}, new double[][] {{0.1}, {1e300}}));
            assertTrue(e.getMessage().contains("Row number 3") && e.getMessage().contains("training targets"),
                    e.getMessage());
            assertTrue(Double.isFinite(sc.finish().meanNll()), "the summary of the rows scored before");
        }
    }

    @Test
    void targetFarOutsideTheTrainingRangeIsFlaggedAndNoOther() {
        TargetRange tr = linearModel.targetRange();
        assertFalse(tr.isDerived());
        assertArrayEquals(new double[] {-1.0}, tr.min());
        assertArrayEquals(new double[] {1.5}, tr.max());
        double[][] targets = {{0.0}, {-0.9}, {1.4}, {50.0}, {0.7}};
        TargetRange.Check[] c = tr.check(targets);
        for (int r = 0; r < targets.length; r++) {
            assertEquals(r != 3, c[r].inRange(), "row " + r + ": " + c[r]);
        }
        assertTrue(c[3].reason().contains("'t'") && c[3].reason().contains("50"), c[3].reason());
        assertTrue(c[3].distance() > 10, "distance of 50 from −1 … 1.5: " + c[3].distance());
        assertTrue(c[0].distance() < 1, "distance of an ordinary target: " + c[0].distance());
        TargetRange.Tally tally = tr.tally("target rows", "flag");
        List<String> asked = new ArrayList<>();
        for (int r = 0; r < targets.length; r++) {
            String name = String.valueOf(r + 1);
            assertEquals(c[r], tally.check(targets[r], () -> {
                asked.add(name);
                return name;
            }));
        }
        assertEquals(List.of("4"), asked, "only the first flagged row is named");
        assertEquals(5, tally.checked());
        assertEquals(1, tally.flagged());
        assertEquals("1 of 5 target rows lie outside the training targets (first: row 4: " + c[3].reason()
                + "); the model extrapolates there, so its designs and log-densities for them are not trustworthy "
                + "(column 'flag' is false).", tally.warning());
        TargetRange.Tally none = tr.tally("rows", "flag");
        none.add(c[0], () -> "1");
        assertEquals(null, none.warning());
        // a format-1 model's derived range says so in the same warning
        TargetRange legacy = TargetRange.fromStandardisation(List.of("t"), new double[] {0}, new double[] {1});
        TargetRange.Tally old = legacy.tally("rows", "flag");
        old.check(new double[] {9}, () -> "7");
        assertTrue(old.rangeIsDerived() && old.warning().startsWith("1 of 1 rows lie outside the training targets "
                + "(first: row 7: 't' = 9") && old.warning().endsWith(" " + TargetRange.DERIVED_NOTE), old.warning());
    }

    @Test
    void antiCorrelatedCombinationInsideTheBoxIsFlagged() {
        Gaussian g = new Gaussian(5);
        double[][] y = new double[3000][2];
        for (double[] r : y) {
            r[0] = g.next();
            r[1] = 2 * r[0] + 0.2 * g.next() + 10; // strongly correlated with the first
        }
        double[] scale = {1, 2};
        TargetRange tr = TargetRange.fromTrainingTargets(List.of("p", "q"), y, scale, 1);
        assertEquals(TargetRange.MAX_REFERENCE, tr.reference().length);
        TargetRange.Check along = tr.check(new double[] {1.0, 12.0});
        TargetRange.Check anti = tr.check(new double[] {1.0, 8.0}); // inside both columns' ranges
        assertTrue(along.inRange(), along.toString());
        assertFalse(anti.inRange(), anti.toString());
        assertTrue(anti.reason().contains("no training target is near"), anti.reason());
        // the training targets themselves: (about) none flagged
        int flagged = 0;
        for (double[] r : y) {
            flagged += tr.check(r).inRange() ? 0 : 1;
        }
        assertTrue(flagged <= 15, flagged + " of 3000 training targets flagged"); // by design about 0.2 %
    }

    @Test
    void tenTrainingRowsWithTheDefaultsAndATargetOf50() throws Exception {
        double[][][] d = linearData(10, 7);
        TrainingResult r = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null), arch(),
                TrainingSettings.defaults().withEpochs(5), null);
        assertEquals(9, r.model().trainingSettings().batchSize(), "batch adapted to the 9 training rows");
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Batch size 9 was chosen for the 9 training rows")),
                r.notes().toString());
        TargetRange.Check[] c = r.model().targetRange().check(new double[][] {{50}, {0.2}});
        assertFalse(c[0].inRange());
        assertTrue(c[1].inRange(), c[1].toString());
    }

    @Test
    void targetRangeSurvivesTheModelFileAndFormat1DerivesIt() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ModelFile.write(linearModel, bos);
        CinnModel back = ModelFile.read(new ByteArrayInputStream(bos.toByteArray()));
        assertEquals(ModelFile.FORMAT_VERSION, 2);
        double[][] probe = {{0.0}, {50}, {-1.1}, {-1.2}, {1.55}};
        TargetRange.Check[] a = linearModel.targetRange().check(probe);
        TargetRange.Check[] b = back.targetRange().check(probe);
        for (int i = 0; i < probe.length; i++) {
            assertEquals(a[i], b[i]);
        }
        assertTrue(a[2].inRange() && !a[3].inRange(), "5 % margin: −1.1 inside, −1.2 outside");
        CinnModel golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + ModelFileTest.GOLDEN_V1[0] + ".cinn")) {
            golden = ModelFile.read(in);
        }
        TargetRange g = golden.targetRange();
        assertTrue(g.isDerived());
        double[] mean = golden.standardisation().yMean();
        double[] sd = golden.standardisation().yStd();
        assertTrue(g.check(mean).inRange());
        double[] far = mean.clone();
        far[1] += 4.01 * sd[1];
        TargetRange.Check fc = g.check(far);
        assertFalse(fc.inRange());
        assertTrue(fc.reason().contains("format-1"), fc.reason());
        assertEquals(4.01 / 4, fc.distance(), 1e-9);
    }

    @Test
    void brokenTargetsMembersAreNamed() throws Exception {
        byte[] file = ModelFileTest.bytes(linearModel);
        String m = ModelFileTest.readError(ModelFileTest.withJson(file, j -> {
            j.getAsJsonObject("targets").getAsJsonArray("scale").set(0, new com.google.gson.JsonPrimitive(0));
            return j;
        }));
        assertTrue(m.contains("'targets.scale'") && m.contains("positive"), m);
        m = ModelFileTest.readError(ModelFileTest.withJson(file, j -> {
            j.getAsJsonObject("targets").getAsJsonArray("reference").set(3, new com.google.gson.JsonArray());
            return j;
        }));
        assertTrue(m.contains("'targets.reference[3]'") && m.contains("0 values; 1 expected"), m);
        m = ModelFileTest.readError(ModelFileTest.withJson(file, j -> {
            j.getAsJsonObject("targets").addProperty("neighbours", 5000);
            return j;
        }));
        assertTrue(m.contains("'targets'") && m.contains("5000 neighbours"), m);
        m = ModelFileTest.readError(ModelFileTest.withJson(file, j -> {
            j.getAsJsonObject("targets").remove("threshold");
            return j;
        }));
        assertTrue(m.contains("'targets.threshold'") && m.contains("missing"), m);
    }

    // --------------------------------------------------------------------------------------- robust scaling

    /** Mean over targets of the posterior sd of design column a. */
    static double posteriorWidth(CinnModel m) throws CinnException {
        double[][] targets = {{-0.5}, {0.0}, {0.5}, {1.0}};
        List<double[]> ds = designs(m, targets, 2000, 3);
        double sum = 0;
        for (int t = 0; t < targets.length; t++) {
            double mean = 0;
            double ss = 0;
            for (int i = 0; i < 2000; i++) {
                mean += ds.get(t * 2000 + i)[0];
            }
            mean /= 2000;
            for (int i = 0; i < 2000; i++) {
                double e = ds.get(t * 2000 + i)[0] - mean;
                ss += e * e;
            }
            sum += Math.sqrt(ss / 1999);
        }
        return sum / targets.length;
    }

    @Test
    void fourteenTargetRowsThousandfoldTooLargeBarelyWidenPosteriors() throws Exception {
        double[][][] clean = linearData(4000, 11);
        double[][][] dirty = linearData(4000, 11);
        String[] ids = new String[4000];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = "Row" + r;
        }
        for (int r = 100; r < 4000; r += 280) { // 14 rows: a unit slip
            dirty[1][r][0] *= 1000;
        }
        TrainingSettings s = settings().withEpochs(20);
        double wClean = posteriorWidth(CinnTrainer.train(new TrainingData(XN, clean[0], YN, clean[1], ids), arch(),
                s, null).model());
        TrainingResult rd = CinnTrainer.train(new TrainingData(XN, dirty[0], YN, dirty[1], ids), arch(), s, null);
        double wDirty = posteriorWidth(rd.model());
        System.out.printf(Locale.ROOT, "posterior sd of a: clean %.4f, with 14 outlier rows %.4f (ratio %.3f)%n",
                wClean, wDirty, wDirty / wClean);
        assertTrue(wDirty <= 1.10 * wClean, "posterior sd " + wDirty + " vs " + wClean);
        assertTrue(wClean < 0.13, "the clean posterior sd is near the true 0.1: " + wClean);
        String w = rd.warnings().stream().filter(m -> m.contains("gross outlier")).findFirst().orElse(null);
        assertNotNull(w, rd.warnings().toString());
        assertTrue(w.contains("'t'") && w.contains("14 gross outliers") && w.contains("'Row"), w);
    }

    /**
     * The outlier warnings are about the data: the same table gives the same warnings whichever rows the seed holds
     * out for validation (before, an outlier that fell into the validation rows was not named).
     */
    @Test
    void outlierWarningsDoNotDependOnTheValidationSplit() throws Exception {
        double[][][] d = linearData(60, 41);
        d[0][7][1] = 400; // design column 'b' (sd 0.5)
        d[1][9][0] = 2000; // target column 't' (range 2.5)
        TrainingSettings s = TrainingSettings.defaults().withEpochs(1).withValidationFraction(0.5).withPatience(0);
        CinnArchitecture small = CinnArchitecture.defaults().withBlocks(1).withSubnetWidth(8);
        for (long seed = 1; seed <= 4; seed++) {
            List<String> w = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null), small,
                    s.withSeed(seed), DomainSpec.NONE, null).warnings();
            assertTrue(w.stream().anyMatch(m -> m.contains("design column 'b' has 1 gross outlier")
                    && m.contains("row number 8")), "seed " + seed + ": " + w);
            assertTrue(w.stream().anyMatch(m -> m.contains("target column 't' has 1 gross outlier")
                    && m.contains("row number 10")), "seed " + seed + ": " + w);
        }
    }

    @Test
    void medianAndRobustSpreadWithFallbacks() throws Exception {
        double[][] v = {{1}, {2}, {3}, {4}, {1000}};
        int[] rows = {0, 1, 2, 3, 4};
        double[] cs = Standardisation.robustCentreSpread(v, rows, 0, "c", "design");
        assertEquals(3, cs[0]);
        assertEquals(1.4826, cs[1], 1e-12); // MAD 1
        // 3 of 5 rows are 0: MAD = 0 → IQR / 1.349 (R-7 quartiles 0 and 1)
        double[][] pm = {{0}, {0}, {0}, {1}, {2}};
        cs = Standardisation.robustCentreSpread(pm, rows, 0, "c", "design");
        assertEquals(1 / 1.349, cs[1], 1e-12);
        // 4 of 5 rows are 0: IQR = 0 too → standard deviation
        double[][] pm2 = {{0}, {0}, {0}, {0}, {5}};
        cs = Standardisation.robustCentreSpread(pm2, rows, 0, "c", "design");
        assertEquals(Math.sqrt(5), cs[1], 1e-12);
        CinnDataException e = org.junit.jupiter.api.Assertions.assertThrows(CinnDataException.class,
                () -> Standardisation.robustCentreSpread(new double[][] {{7}, {7}, {7}, {7}, {7}}, rows, 0, "k",
                        "design"));
        assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("constant"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------ named culprits

    @Test
    void faradsTrainLikePicofarads() throws Exception {
        double[][][] d = linearData(1500, 21);
        double[][] farads = new double[d[0].length][];
        double[][] pico = new double[d[0].length][];
        for (int r = 0; r < farads.length; r++) {
            double c = (3 + d[0][r][1]) * 1e-13; // 1e-13 … 5e-13 F
            farads[r] = new double[] {d[0][r][0], c};
            pico[r] = new double[] {d[0][r][0], c * 1e12};
        }
        CinnArchitecture a = arch().withPrecision(Precision.DOUBLE);
        TrainingSettings s = settings().withEpochs(3);
        // with the inferred column domains: C gets the lower bound 0 in both units (its values stay below ½, so no
        // upper bound 1), and its log transform differs between the units only by a shift that standardisation removes
        DomainSpec inferred = DomainSpec.INFER;
        TrainingResult rf = CinnTrainer.train(new TrainingData(new String[] {"a", "C"}, farads, YN, d[1], null), a, s,
                inferred, null);
        TrainingResult rp = CinnTrainer.train(new TrainingData(new String[] {"a", "C"}, pico, YN, d[1], null), a, s,
                inferred, null);
        CinnModel mf = rf.model();
        CinnModel mp = rp.model();
        for (CinnModel m : List.of(mf, mp)) {
            ColumnDomain c = m.domains().column(1);
            assertTrue(c.hasLower() && c.lower() == 0 && !c.hasUpper(), "C is inferred ≥ 0 only: " + c.describe());
        }
        double[][] targets = {{0.0}, {1.0}};
        List<double[]> df = designs(mf, targets, 200, 5);
        List<double[]> dp = designs(mp, targets, 200, 5);
        double worst = 0;
        for (int i = 0; i < df.size(); i++) {
            worst = Math.max(worst, Math.abs(df.get(i)[0] - dp.get(i)[0]));
            worst = Math.max(worst, Math.abs(df.get(i)[1] * 1e12 - dp.get(i)[1]) / 0.5);
        }
        System.out.println("faradsTrainLikePicofarads: largest design difference " + worst);
        assertTrue(worst < 1e-6, "largest difference of the designs (in units of the column's sd): " + worst);
    }

    @Test
    void exactlyDependentDesignColumnsAreNamed() throws Exception {
        Gaussian g = new Gaussian(3);
        int n = 800;
        double[][] x = new double[n][3];
        double[][] y = new double[n][1];
        for (int r = 0; r < n; r++) {
            y[r][0] = g.next();
            x[r][0] = 5 + y[r][0] + 0.3 * g.next();
            x[r][1] = 2 + 0.5 * g.next();
            x[r][2] = x[r][0] + x[r][1]; // total = w1 + w2
        }
        List<String> events = new ArrayList<>();
        ProgressListener pl = new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void dataWarning(String message) {
                events.add("warning: " + message);
            }

            @Override
            public void epochFinished(EpochStats stats) {
                events.add("epoch " + stats.epoch());
            }
        };
        TrainingResult r = CinnTrainer.train(new TrainingData(new String[] {"w1", "w2", "total"}, x, YN, y, null),
                arch(), settings().withEpochs(1), pl);
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("warning: The design columns") && events.get(1).equals("epoch 1"),
                "the warning comes before training: " + events);
        String w = r.warnings().stream().filter(m -> m.contains("exactly dependent")).findFirst().orElse(null);
        assertNotNull(w, r.warnings().toString());
        assertTrue(w.contains("'w1'") && w.contains("'w2'") && w.contains("'total'") && w.contains("Remove"), w);
        assertTrue(w.contains("'total' = 1.000·'w1' + 1.000·'w2' in every"), w);
        // independent columns: no such warning
        assertTrue(linearModel.info().warnings().stream().noneMatch(m -> m.contains("dependent")));
    }

    @Test
    void discreteColumnsAreNamedUnlessWholeNumber() {
        SplittableRandomRows rows = new SplittableRandomRows(400);
        List<String> w = DataChecks.discreteColumns(rows.x, rows.idx, new String[] {"flag", "layers", "temp"},
                java.util.Set.of());
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).contains("'flag'") && w.get(0).contains("only 2 distinct whole numbers"), w.get(0));
        assertTrue(w.get(1).contains("'layers'"), w.get(1));
        assertEquals(1, DataChecks.discreteColumns(rows.x, rows.idx, new String[] {"flag", "layers", "temp"},
                java.util.Set.of("layers")).size());
    }

    @Test
    void discreteColumnsOfHalfStepsGetAdviceThatWorks() throws Exception {
        int n = 100;
        double[][] x = new double[n][2];
        int[] idx = new int[n];
        for (int r = 0; r < n; r++) {
            idx[r] = r;
            x[r][0] = r % 2 == 0 ? 0 : 0.5;
            x[r][1] = r % 3 == 0 ? 0.1 : r % 3 == 1 ? Math.sqrt(2) : Math.PI;
        }
        List<String> w = DataChecks.discreteColumns(x, idx, new String[] {"dop", "odd"}, java.util.Set.of());
        assertEquals(2, w.size(), w.toString());
        assertFalse(w.get(0).contains("whole-number column"), "'integer dop' fails on 0.5: " + w.get(0));
        assertTrue(w.get(0).contains("'dop'") && w.get(0).contains("treated as continuous")
                && w.get(0).contains("multiply it by 2 "), w.get(0));
        assertTrue(w.get(1).contains("recode them as whole numbers"), w.get(1));
        // the advice works: twice the column is whole, and an integer declaration accepts it
        double[][] twice = new double[n][];
        for (int r = 0; r < n; r++) {
            twice[r] = new double[] {2 * x[r][0]};
        }
        org.cinn4knime.engine.domain.Domains d = org.cinn4knime.engine.domain.Domains.fit(
                new TrainingData(new String[] {"dop"}, twice, new String[] {"y"}, twice, null),
                org.cinn4knime.engine.domain.DomainSpec.parse("integer dop")).domains();
        assertTrue(d.isWholeNumber(0));
    }

    /** 0/1 column, whole numbers 1..14, continuous column. */
    static final class SplittableRandomRows {
        final double[][] x;
        final int[] idx;

        SplittableRandomRows(int n) {
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(2);
            x = new double[n][3];
            idx = new int[n];
            for (int r = 0; r < n; r++) {
                idx[r] = r;
                x[r][0] = rnd.nextInt(2);
                x[r][1] = 1 + rnd.nextInt(14);
                x[r][2] = 20 + 10 * rnd.nextDouble();
            }
        }
    }

    // ---------------------------------------------------------------------------------------- small tables

    @Test
    void batchAdaptsOnlyWhenLeftAtTheDefault() {
        List<String> notes = new ArrayList<>();
        assertEquals(60, SmallTables.batchSize(500, 482, notes)); // biomass: 536 rows, 10 % validation
        assertTrue(notes.get(0).contains("Batch size 60") && notes.get(0).contains("482 training rows"), notes.get(0));
        assertEquals(16, SmallTables.batchSize(500, 45, notes));
        assertEquals(500, SmallTables.batchSize(500, 45_000, notes));
        assertEquals(2, notes.size(), "no note when nothing was adapted");
        assertEquals(200, SmallTables.batchSize(200, 90, notes), "an explicit batch is kept");
        assertEquals(2, notes.size());
        assertEquals(2, SmallTables.batchSize(500, 2, notes));
        assertTrue(notes.get(2).contains("about 1 optimiser step)"), notes.get(2));
        assertTrue(notes.get(0).contains("about 9 optimiser steps)"), notes.get(0));
    }

    @Test
    void twoRowTableTrainsWithAWarningToJudgeItOnOtherRows() throws Exception {
        double[][][] d = linearData(2, 5);
        TrainingResult r = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null),
                CinnArchitecture.defaults(), TrainingSettings.defaults().withEpochs(2), null);
        String w = r.warnings().stream().filter(m -> m.startsWith("Only 2 training rows")).findFirst().orElse(null);
        assertNotNull(w, r.warnings().toString());
        assertTrue(w.contains("(and 0 validation rows)") && w.contains("6 blocks, subnets 2×128")
                && w.contains("memorise") && w.contains("score a separate table"), w);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("about 1 optimiser step)")), r.notes().toString());
        assertNull(SmallTables.fewRowsWarning(SmallTables.FEW_ROWS, 2, CinnArchitecture.defaults()));
        assertNotNull(SmallTables.fewRowsWarning(SmallTables.FEW_ROWS - 1, 2, CinnArchitecture.defaults()));
    }

    @Test
    void fiftyRowTableTrainsWithTheDefaults() throws Exception {
        double[][][] d = linearData(50, 31);
        TrainingResult r = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null),
                CinnArchitecture.defaults(), TrainingSettings.defaults().withEpochs(10), null);
        assertEquals(16, r.model().trainingSettings().batchSize());
        assertEquals(10, r.history().size());
        assertTrue(r.warnings().stream().noneMatch(m -> m.contains("memorise")), r.warnings().toString());
        for (EpochStats e : r.history()) {
            assertTrue(Double.isFinite(e.trainLoss()) && Double.isFinite(e.validationLoss()), e.toString());
        }
    }
}
