package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.engine.nn.FlowNet;
import org.cinn4knime.engine.stats.Gaussian;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on a conditional density with a known answer, repeatability, diagnostics and every bad input. */
class TrainerTest {
    // x | y ~ N(A y + b, L Lᵀ), in user units far from standardised ones
    static final double[][] A = {{2.0, -1.0}, {0.5, 1.5}};
    static final double[] B = {10.0, -3.0};
    static final double[][] L = {{0.3, 0.0}, {0.2, 0.4}};
    static final String[] XN = {"a", "b"};
    static final String[] YN = {"u", "v"};

    static CinnModel gaussModel;
    static TrainingResult gaussResult;

    static double[][][] gaussData(int n, long seed) {
        Gaussian g = new Gaussian(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int r = 0; r < n; r++) {
            y[r][0] = 5 + 3 * g.next();
            y[r][1] = -2 + 0.5 * g.next();
            double e0 = g.next();
            double e1 = g.next();
            for (int i = 0; i < 2; i++) {
                x[r][i] = A[i][0] * y[r][0] + A[i][1] * y[r][1] + B[i] + L[i][0] * e0 + L[i][1] * e1;
            }
        }
        return new double[][][] {x, y};
    }

    /** True mean NLL of rows under the generating density. */
    static double trueNll(double[][] x, double[][] y) {
        double logDetL = Math.log(L[0][0] * L[1][1]);
        double sum = 0;
        for (int r = 0; r < x.length; r++) {
            double r0 = x[r][0] - (A[0][0] * y[r][0] + A[0][1] * y[r][1] + B[0]);
            double r1 = x[r][1] - (A[1][0] * y[r][0] + A[1][1] * y[r][1] + B[1]);
            double e0 = r0 / L[0][0];
            double e1 = (r1 - L[1][0] * e0) / L[1][1];
            sum += 0.5 * (e0 * e0 + e1 * e1) + logDetL + Math.log(2 * Math.PI);
        }
        return sum / x.length;
    }

    static TrainingSettings small() {
        return TrainingSettings.defaults().withEpochs(12).withBatchSize(200).withLearningRate(3e-3).withPatience(0);
    }

    static CinnArchitecture smallArch() {
        return CinnArchitecture.defaults().withBlocks(3).withSubnetWidth(32);
    }

    @BeforeAll
    static void trainGauss() throws Exception {
        double[][][] d = gaussData(4000, 1);
        gaussResult = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null), smallArch(), small(), null);
        gaussModel = gaussResult.model();
    }

    @Test
    void learnsKnownConditionalDensity() throws Exception {
        double[][][] test = gaussData(3000, 99);
        double truth = trueNll(test[0], test[1]);
        Scorer sc = gaussModel.newScorer();
        sc.add(test[0], test[1]);
        ScoreReport rep = sc.finish();
        // an (almost) untrained model of the same shape, for contrast
        double[][][] d = gaussData(4000, 1);
        CinnModel untrained = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null), smallArch(),
                small().withEpochs(1).withLearningRate(1e-12), null).model();
        Scorer su = untrained.newScorer();
        su.add(test[0], test[1]);
        double before = su.finish().meanNll();
        assertTrue(before > truth + 1.0, "untrained " + before + " vs truth " + truth);
        assertEquals(truth, rep.meanNll(), 0.08, "held-out NLL vs the true NLL");
        assertEquals(rep.meanNll() / 2, rep.nllPerDim(), 1e-12);
        assertEquals(rep.nllPerDim() / Math.log(2), rep.bitsPerDim(), 1e-12);
        assertTrue(rep.calibrationError() < 0.03, "calibration error " + rep.calibrationError());
        assertEquals(19, rep.calibrationLevels().length);
        assertEquals(0.05, rep.calibrationLevels()[0], 1e-12);
        assertEquals(0.95, rep.calibrationLevels()[18], 1e-12);
        double err = 0;
        for (int i = 0; i < 19; i++) {
            err += Math.abs(rep.calibrationFractions()[i] - rep.calibrationLevels()[i]) / 19;
            if (i > 0) {
                assertTrue(rep.calibrationFractions()[i] >= rep.calibrationFractions()[i - 1]);
            }
        }
        assertEquals(err, rep.calibrationError(), 1e-12);
        assertEquals(3000, rep.rows());
        for (int j = 0; j < 2; j++) {
            assertEquals(0.0, rep.zMean()[j], 0.1);
            assertEquals(1.0, rep.zStd()[j], 0.1);
        }
        // the history is per epoch and the loss fell
        List<EpochStats> h = gaussResult.history();
        assertEquals(12, h.size());
        assertTrue(h.get(h.size() - 1).validationLoss() < h.get(0).validationLoss());
    }

    @Test
    void samplesFollowTheConditionalDensityAndDoNotDependOnChunking() throws Exception {
        double[][] targets = {{5, -2}, {8, -1.5}};
        int per = 3000; // row 0 spans two chunks of CinnModel.CHUNK_ROWS
        List<SampleChunk> chunks = new ArrayList<>();
        gaussModel.sample(targets, per, 1.0, 7L, true, chunks::add, null);
        int total = chunks.stream().mapToInt(SampleChunk::size).sum();
        assertEquals(2 * per, total);
        assertTrue(chunks.stream().allMatch(c -> c.size() <= CinnModel.CHUNK_ROWS));
        double[][] designs = new double[total][];
        double[] logp = new double[total];
        int[] rowOf = new int[total];
        int k = 0;
        for (SampleChunk c : chunks) {
            for (int i = 0; i < c.size(); i++) {
                designs[k] = c.designs()[i];
                logp[k] = c.logDensity()[i];
                rowOf[k] = c.targetRow()[i];
                assertEquals(k % per, c.sampleIndex()[i]);
                k++;
            }
        }
        // sampling the rows in slices with their first row index gives exactly the same designs
        List<SampleChunk> slice = new ArrayList<>();
        gaussModel.sample(new double[][] {targets[1]}, 1, per, 1.0, 7L, true, slice::add, null);
        int s0 = 0;
        for (SampleChunk c : slice) {
            for (int i = 0; i < c.size(); i++) {
                assertEquals(0, c.targetRow()[i], "targetRow indexes the slice");
                assertArrayEquals(designs[per + s0], c.designs()[i], 1e-4); // float: chunk shapes differ
                s0++;
            }
        }
        assertEquals(per, s0);
        assertThrows(CinnException.class, () -> gaussModel.sample(targets, -1, 1, 1.0, 7L, false, c -> { }, null));
        // reconstruct the latent draws of row 1 from its own seed and invert them directly
        Gaussian g = new Gaussian(Gaussian.derive(7L, 1));
        double[][] z = new double[per][2];
        double[][] ys = new double[per][];
        for (int i = 0; i < per; i++) {
            z[i][0] = g.next();
            z[i][1] = g.next();
            ys[i] = targets[1];
        }
        double[][] direct = gaussModel.inverse(z, ys);
        for (int i = 0; i < per; i++) {
            assertArrayEquals(direct[i], designs[per + i], 1e-4); // float model: batch shapes change rounding
        }
        // log-densities of the sampler equal the forward pass
        double[][] yAll = new double[total][];
        for (int i = 0; i < total; i++) {
            yAll[i] = targets[rowOf[i]];
        }
        double[] lp = gaussModel.logDensity(designs, yAll);
        for (int i = 0; i < total; i += 97) {
            assertEquals(lp[i], logp[i], 1e-3);
        }
        // conditional mean ≈ A y + b
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < 2; j++) {
                double mean = 0;
                for (int i = 0; i < per; i++) {
                    mean += designs[r * per + i][j];
                }
                mean /= per;
                double expect = A[j][0] * targets[r][0] + A[j][1] * targets[r][1] + B[j];
                assertEquals(expect, mean, 0.15, "mean of x" + j + " for target " + r);
            }
        }
    }

    @Test
    void samplingAndScoringAtOnceGiveTheResultsOfSequentialCalls() throws Exception {
        double[][] targets = {{5, -2}, {8, -1.5}, {2, -2.5}};
        double[][][] rows = gaussData(5000, 21);
        List<double[]> seqDesigns = sampleDesigns(gaussModel, targets, null);
        Scorer seq = gaussModel.newScorer();
        double[][] seqScores = seq.add(rows[0], rows[1]);
        ScoreReport seqReport = seq.finish();
        // the sampler's sink waits (on its first chunk of the first run) until the scorer has finished once: with a
        // model-wide lock for the whole sampling run the scorer would wait for the sampler and this would time out
        CountDownLatch scored = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<List<double[]>>> sampler = pool.submit(() -> {
                List<List<double[]>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(sampleDesigns(gaussModel, targets, scored));
                }
                return runs;
            });
            Future<List<double[][]>> scorer = pool.submit(() -> {
                List<double[][]> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Scorer sc = gaussModel.newScorer();
                    runs.add(sc.add(rows[0], rows[1]));
                    ScoreReport rep = sc.finish();
                    assertEquals(seqReport.meanNll(), rep.meanNll());
                    assertArrayEquals(seqReport.calibrationFractions(), rep.calibrationFractions());
                    assertArrayEquals(seqReport.zStd(), rep.zStd());
                    scored.countDown();
                }
                return runs;
            });
            for (double[][] run : scorer.get(5, TimeUnit.MINUTES)) {
                assertTrue(Arrays.deepEquals(seqScores, run), "concurrent scores differ from sequential ones");
            }
            for (List<double[]> run : sampler.get(5, TimeUnit.MINUTES)) {
                assertEquals(seqDesigns.size(), run.size());
                for (int i = 0; i < run.size(); i++) {
                    assertArrayEquals(seqDesigns.get(i), run.get(i), "design " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Designs and log-densities (appended to each design) of 1500 draws per target; waits for {@code gate}. */
    private static List<double[]> sampleDesigns(CinnModel m, double[][] targets, CountDownLatch gate)
            throws CinnException {
        List<double[]> out = new ArrayList<>();
        m.sample(targets, 1500, 1.0, 3L, true, c -> {
            try {
                if (gate != null && !gate.await(60, TimeUnit.SECONDS)) {
                    throw new CinnException("The scorer did not finish while the sampler was running.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CinnException("interrupted", e);
            }
            for (int i = 0; i < c.size(); i++) {
                double[] v = Arrays.copyOf(c.designs()[i], c.designs()[i].length + 1);
                v[v.length - 1] = c.logDensity()[i];
                out.add(v);
            }
        }, null);
        return out;
    }

    @Test
    void temperatureShrinksTheSpread() throws Exception {
        double[][] targets = {{5, -2}};
        double[] spread = new double[2];
        double[] temps = {1.0, 0.5};
        for (int t = 0; t < 2; t++) {
            List<double[]> xs = new ArrayList<>();
            gaussModel.sample(targets, 2000, temps[t], 3L, false, c -> xs.addAll(Arrays.asList(c.designs())), null);
            double m = xs.stream().mapToDouble(v -> v[0]).average().orElseThrow();
            spread[t] = Math.sqrt(xs.stream().mapToDouble(v -> (v[0] - m) * (v[0] - m)).average().orElseThrow());
        }
        assertEquals(0.5, spread[1] / spread[0], 0.08);
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() throws Exception {
        double[][] x = InverseKinematics.samplePrior(600, 5);
        double[][] y = InverseKinematics.forward(x);
        TrainingData data = new TrainingData(InverseKinematics.X_NAMES, x, InverseKinematics.Y_NAMES, y, null);
        TrainingSettings s = small().withEpochs(2).withBatchSize(100);
        CinnModel m1 = CinnTrainer.train(data, smallArch(), s, null).model();
        CinnModel m2 = CinnTrainer.train(data, smallArch(), s, null).model();
        CinnModel m3 = CinnTrainer.train(data, smallArch(), s.withSeed(43), null).model();
        assertArrayEquals(m1.parameters(), m2.parameters());
        assertFalse(Arrays.equals(m1.parameters(), m3.parameters()));
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        m1.sample(new double[][] {{1, 0.5}}, 100, 1, 9L, false, c -> a.addAll(Arrays.asList(c.designs())), null);
        m2.sample(new double[][] {{1, 0.5}}, 100, 1, 9L, false, c -> b.addAll(Arrays.asList(c.designs())), null);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertEquals(m1.info().dataFingerprint(), m2.info().dataFingerprint());
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() throws Exception {
        double[][][] d = gaussData(300, 4);
        TrainingData data = new TrainingData(XN, d[0], YN, d[1], null);
        TrainingSettings s = TrainingSettings.defaults().withEpochs(300).withBatchSize(30).withLearningRate(1e-2)
                .withLrDecayAt().withPatience(3).withValidationFraction(0.3).withWeightDecay(0);
        TrainingResult r = CinnTrainer.train(data, CinnArchitecture.defaults().withBlocks(4).withSubnetWidth(64)
                .withPrecision(Precision.DOUBLE), s, null);
        assertTrue(r.stopReason().startsWith("early stopping after 3 epochs"), r.stopReason());
        assertEquals(r.bestEpoch() + 3, r.history().size());
        EpochStats best = r.history().get(r.bestEpoch() - 1);
        assertTrue(best.best());
        // recompute the validation loss of the returned model on the validation rows of the seeded split
        int n = 300;
        int nVal = 90;
        int[] order = Permutations.random(n, new SplittableRandom(s.seed() ^ 0x7A11DA7AL));
        int[] val = Arrays.copyOf(order, nVal);
        Arrays.sort(val);
        double[][] xv = new double[nVal][];
        double[][] yv = new double[nVal][];
        for (int i = 0; i < nVal; i++) {
            xv[i] = d[0][val[i]];
            yv[i] = d[1][val[i]];
        }
        Scorer sc = r.model().newScorer();
        sc.add(xv, yv);
        double meanNll = sc.finish().meanNll();
        // lossToNll turns the training objective into the Scorer's NLL in user units
        assertEquals(meanNll, r.model().lossToNll(best.validationLoss()), 1e-9);
        Standardisation st = r.model().standardisation();
        // column a is positive in every row: its inferred lower bound 0 adds the mean log-Jacobian of log(a)
        double logJ = r.model().domains() == null ? 0 : r.model().domains().validationLogJacobian();
        assertTrue(logJ != 0);
        assertEquals(best.validationLoss() + Math.log(2 * Math.PI) - st.xLogDet() - logJ,
                r.model().lossToNll(best.validationLoss()), 1e-12);
        EpochStats last = r.history().get(r.history().size() - 1);
        assertTrue(Math.abs(r.model().lossToNll(last.validationLoss()) - meanNll) > 1e-6,
                "the last epoch's weights were not kept");
    }

    @Test
    void actNormInitialisesOnARandomSubsetNotOnTheFirstRowsOfASortedTable() throws Exception {
        double[][][] d = gaussData(600, 11);
        Integer[] idx = new Integer[600];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(d[0][a][0], d[0][b][0]));
        double[][] x = new double[600][];
        double[][] y = new double[600][];
        for (int i = 0; i < idx.length; i++) {
            x[i] = d[0][idx[i]];
            y[i] = d[1][idx[i]];
        }
        // one epoch at a negligible learning rate: the ActNorm parameters stay at their data-dependent init
        CinnArchitecture arch = smallArch().withActNorm(true).withPrecision(Precision.DOUBLE);
        CinnModel m = CinnTrainer.train(new TrainingData(XN, x, YN, y, null), arch, small().withEpochs(1)
                .withBatchSize(100).withValidationFraction(0).withLearningRate(1e-12).withWeightDecay(0), null)
                .model();
        FlowNet net = new FlowNet(2, 2, arch, m.permutations());
        int off = net.actNormOffset(0);
        double[] p = m.parameters();
        for (int j = 0; j < 2; j++) {
            // standardised training data has mean 0 and sd 1; the init batch's mean is -b, its sd exp(-ls).
            // The 100 lowest of 600 rows sorted by column a would give a mean near -1.6 and an sd near 0.45.
            assertEquals(0.0, -p[off + j], 0.35, "init mean of column " + XN[j]);
            assertEquals(0.0, p[off + 2 + j], 0.35, "init log sd of column " + XN[j]);
        }
    }

    /** The per-run test hook: the loss of these optimiser steps (0-based over the run) is replaced by NaN. */
    private static java.util.function.LongPredicate nanAt(long... steps) {
        return step -> java.util.Arrays.stream(steps).anyMatch(v -> v == step);
    }

    @Test
    void nonFiniteLossRollsBackAndGoesOn() throws Exception {
        double[][][] d = gaussData(1000, 6);
        TrainingResult r = CinnTrainer.train(new TrainingData(XN, d[0], YN, d[1], null), smallArch(),
                small().withEpochs(3), null, null, nanAt(7));
        assertEquals(3, r.history().size());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("non-finite loss") && w.contains("rolled back")
                && w.contains("epoch 2")), r.warnings().toString());
        assertEquals(3e-4, r.history().get(1).learningRate(), 1e-12);
        for (double v : r.model().parameters()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void thirdNonFiniteLossStopsWithTheKeptWeights() throws Exception {
        double[][][] d = gaussData(1000, 6);
        TrainingData data = new TrainingData(XN, d[0], YN, d[1], null);
        // 900 training rows, 5 batches per epoch: epoch 1 is steps 0-4; epoch 2 fails at its third batch (step 7)
        // and, repeated, at its first batch twice (steps 8 and 9)
        TrainingResult r = CinnTrainer.train(data, smallArch(), small().withEpochs(4), null, null, nanAt(7, 8, 9));
        assertEquals(1, r.history().size());
        assertEquals(1, r.bestEpoch());
        assertEquals("stopped after repeated non-finite loss (NaN or infinity)", r.stopReason());
        assertEquals(3, r.warnings().size(), r.warnings().toString());
        String last = r.warnings().get(2);
        assertTrue(last.contains("for the third time") && last.contains("kept the weights of the epoch with the "
                + "best validation loss (epoch 1)"), last);
        // clipping is on by default (norm 10): the advice is to lower its norm, not to enable it
        for (String w : r.warnings()) {
            assertTrue(w.contains("lower the gradient clipping norm (now 10)") && !w.contains("enable"), w);
        }
        for (double v : r.model().parameters()) {
            assertTrue(Double.isFinite(v));
        }
        // without validation rows (5 batches of 200): epochs 1-2 are steps 0-9, epoch 3 fails at 12, 13 and 14;
        // the model holds the last finished epoch, and the best flags agree with bestEpoch
        // (and with clipping switched off, so the advice is to enable it)
        TrainingResult nv = CinnTrainer.train(data, smallArch(), small().withEpochs(4).withValidationFraction(0)
                .withGradientClipNorm(0), null, null, nanAt(12, 13, 14));
        for (String w : nv.warnings()) {
            assertTrue(w.contains("enable gradient clipping") && !w.contains("clipping norm"), w);
        }
        assertEquals(2, nv.history().size());
        assertEquals(2, nv.bestEpoch());
        assertTrue(nv.warnings().get(2).contains("kept the weights of the last finished epoch (epoch 2)"),
                nv.warnings().get(2));
        assertTrue(nv.history().stream().allMatch(EpochStats::best), "without validation every epoch is the kept "
                + "one so far: " + nv.history());
        assertTrue(Double.isNaN(nv.model().info().bestValidationLoss()));
    }

    @Test
    void lossHealthMessages() throws Exception {
        double[][] x = InverseKinematics.samplePrior(2000, 8);
        double[][] y = InverseKinematics.forward(x);
        TrainingData data = new TrainingData(InverseKinematics.X_NAMES, x, InverseKinematics.Y_NAMES, y, null);
        TrainingResult r = CinnTrainer.train(data, smallArch(), small().withEpochs(6).withInstabilityThresholdPerDim(
                5.0), null);
        assertTrue(r.notes().stream().anyMatch(w -> w.startsWith("The loss went negative")
                && w.contains("normal")), r.notes().toString());
        assertFalse(r.warnings().stream().anyMatch(w -> w.contains("went negative")),
                "a negative loss is a note, never a warning: " + r.warnings());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("Instability threshold per dimension")),
                r.warnings().toString());
        TrainingResult r2 = CinnTrainer.train(data, smallArch(), small().withEpochs(2), null);
        assertFalse(r2.warnings().stream().anyMatch(w -> w.contains("instability")), r2.warnings().toString());
        assertEquals(r2.history().stream().anyMatch(e -> e.trainLoss() < 0), !r2.notes().isEmpty(),
                "the negative-loss note appears exactly when the loss went negative: " + r2.notes());
    }

    @Test
    void cancelTakesEffectWithinOneBatch() throws Exception {
        double[][][] d = gaussData(2000, 2);
        AtomicInteger batches = new AtomicInteger();
        ProgressListener pl = new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                assertTrue(fraction >= 0 && fraction <= 1);
                batches.incrementAndGet();
            }

            @Override
            public boolean isCancelRequested() {
                return batches.get() >= 3;
            }
        };
        CancelledException e = assertThrows(CancelledException.class, () -> CinnTrainer.train(
                new TrainingData(XN, d[0], YN, d[1], null), smallArch(), small(), pl));
        assertEquals(3, batches.get());
        assertTrue(e.getMessage().contains("cancelled"));
    }

    // ------------------------------------------------------------------------------------------ bad input

    private static String trainError(TrainingData data, TrainingSettings s) {
        CinnException e = assertThrows(CinnException.class, () -> CinnTrainer.train(data, smallArch(), s, null));
        return e.getMessage();
    }

    @Test
    void badTrainingInputsAreNamed() {
        double[][][] d = gaussData(1000, 3);
        assertTrue(trainError(new TrainingData(XN, new double[0][], YN, new double[0][], null), small())
                .contains("no rows"));
        double[][] xNan = Arrays.stream(d[0]).map(double[]::clone).toArray(double[][]::new);
        xNan[4][1] = Double.NaN;
        xNan[9][1] = Double.POSITIVE_INFINITY;
        String[] ids = new String[1000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "Row" + i;
        }
        String m = trainError(new TrainingData(XN, xNan, YN, d[1], ids), small());
        assertTrue(m.contains("'b'") && m.contains("'Row4'") && m.contains("1 more"), m);
        double[][] yConst = Arrays.stream(d[1]).map(double[]::clone).toArray(double[][]::new);
        for (double[] r : yConst) {
            r[1] = 3.5;
        }
        m = trainError(new TrainingData(XN, d[0], YN, yConst, null), small());
        assertTrue(m.contains("'v'") && m.contains("constant"), m);
        m = trainError(new TrainingData(XN, Arrays.copyOf(d[0], 100), YN, Arrays.copyOf(d[1], 100), null), small());
        assertTrue(m.contains("90 training rows") && m.contains("batch size 200"), m);
        m = trainError(new TrainingData(new String[] {"a", "u"}, d[0], YN, d[1], null), small());
        assertTrue(m.contains("'u'") && m.contains("twice"), m);
        m = trainError(new TrainingData(new String[] {"a"}, d[0], YN, d[1], null), small());
        assertTrue(m.contains("2 design values") && m.contains("1 design columns"), m);
        m = trainError(new TrainingData(XN, d[0], new String[0], d[1], null), small());
        assertTrue(m.contains("No target (y) columns"), m);
        m = trainError(new TrainingData(XN, d[0], YN, d[1], null), small().withLearningRate(-1));
        assertTrue(m.contains("Learning rate"), m);
        m = trainError(new TrainingData(XN, d[0], YN, Arrays.copyOf(d[1], 999), null), small());
        assertTrue(m.contains("1000 rows") && m.contains("999"), m);
        m = trainError(new TrainingData(XN, new double[][] {{1, 2}}, YN, new double[][] {{1, 2}}, null), small());
        assertTrue(m.contains("only 1 row"), m);
    }

    @Test
    void dimensionMismatchAtUseIsNamed() {
        CinnDataException e = assertThrows(CinnDataException.class,
                () -> gaussModel.sample(new double[][] {{1, 2, 3}}, 5, 1, 1, false, c -> { }, null));
        assertTrue(e.getMessage().contains("expects 2") && e.getMessage().contains("u, v"), e.getMessage());
        e = assertThrows(CinnDataException.class,
                () -> gaussModel.forward(new double[][] {{1}}, new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("expects 2") && e.getMessage().contains("a, b"), e.getMessage());
        e = assertThrows(CinnDataException.class,
                () -> gaussModel.forward(new double[][] {{1, Double.NaN}}, new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("row number 1"), e.getMessage());
        CinnException t = assertThrows(CinnException.class,
                () -> gaussModel.sample(new double[][] {{1, 2}}, 5, 0, 1, false, c -> { }, null));
        assertTrue(t.getMessage().contains("Temperature"), t.getMessage());
    }

    @Test
    void oneDimensionalDesignUsesAConditionalElementwiseTransform() throws Exception {
        Gaussian g = new Gaussian(21);
        int n = 3000;
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[i][0] = g.next();
            x[i][0] = 2 * y[i][0] + 0.5 * g.next();
        }
        TrainingResult r = CinnTrainer.train(new TrainingData(new String[] {"x"}, x, new String[] {"y"}, y, null),
                smallArch().withBlocks(2), small().withEpochs(10), null);
        double[][] tx = new double[1000][1];
        double[][] ty = new double[1000][1];
        double truth = 0;
        for (int i = 0; i < 1000; i++) {
            ty[i][0] = g.next();
            double e = g.next();
            tx[i][0] = 2 * ty[i][0] + 0.5 * e;
            truth += 0.5 * e * e + Math.log(0.5) + 0.5 * Math.log(2 * Math.PI);
        }
        truth /= 1000;
        Scorer sc = r.model().newScorer();
        sc.add(tx, ty);
        assertEquals(truth, sc.finish().meanNll(), 0.08);
    }
}
