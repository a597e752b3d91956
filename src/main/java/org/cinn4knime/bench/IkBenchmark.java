package org.cinn4knime.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CinnException;
import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.CinnTrainer;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.EpochStats;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.ProgressListener;
import org.cinn4knime.engine.ScoreReport;
import org.cinn4knime.engine.Scorer;
import org.cinn4knime.engine.TrainingData;
import org.cinn4knime.engine.TrainingResult;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.engine.stats.PosteriorCalibration;
import org.cinn4knime.engine.nn.FlowNet;

/**
 * Inverse-kinematics benchmark (issue 3): 6 blocks, subnets 2×128 ReLU, batch 500, float, 1 thread.
 *
 * <pre>
 * java -cp cinn4knime-cli.jar org.cinn4knime.bench.IkBenchmark [--quick] [--quality [GLOW|SINGLE|SPLINE ...]]
 * </pre>
 *
 * Speed mode (default; {@code --quick} uses less data): training samples/s for GLOW, SINGLE and SPLINE blocks (same
 * blocks, width and batch; SPLINE with 8 bins on [−3, 3]) and sampling designs/s, each also as a fraction of the speed
 * that the network's matrix products alone allow on this machine, measured in the same run with the same shapes (so
 * figures from busy machines stay comparable); spline speed also as a ratio to GLOW in the same run.
 *
 * <p>Quality mode ({@code --quality}; many minutes per kind; default kinds GLOW and SPLINE): 100k training rows, 60
 * epochs, lr 1e-3 ×0.1 at epochs 40 and 52, then on held-out rows: NLL per dimension, re-simulation error mean
 * ‖f(x̂) − y*‖ and the calibration error (median over α of |fraction of true x inside the central α-interval of the
 * samples − α|, pooled over dimensions); with several kinds, training speed and figures as ratios to the first.
 */
public final class IkBenchmark {
    private IkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        boolean quality = a.contains("--quality");
        Nd4jRuntime.start(1);
        System.out.println("cINN inverse-kinematics benchmark: 6 blocks, subnets 2x128 ReLU, batch 500, float, 1 thread");
        if (quality) {
            List<CouplingType> kinds = new java.util.ArrayList<>();
            for (String s : a) {
                if (!s.startsWith("--")) {
                    kinds.add(CouplingType.valueOf(s.toUpperCase(Locale.ROOT)));
                }
            }
            if (kinds.isEmpty()) {
                kinds = List.of(CouplingType.GLOW, CouplingType.SPLINE);
            }
            double[] first = null;
            for (CouplingType t : kinds) {
                double[] q = quality(t);
                if (first == null) {
                    first = q;
                } else {
                    System.out.printf(Locale.ROOT, "%s / %s in the same run: training speed %.2f, re-simulation "
                            + "error %.2f, calibration error %.2f%n", t, kinds.get(0), q[0] / first[0],
                            q[1] / first[1], q[2] / first[2]);
                }
            }
        } else {
            speed(quick);
        }
    }

    static CinnArchitecture arch(CouplingType t) {
        return CinnArchitecture.defaults().withBlocks(6).withCoupling(t).withSubnetLayers(2).withSubnetWidth(128);
    }

    static TrainingData ikData(int n, long seed) {
        double[][] x = InverseKinematics.samplePrior(n, seed);
        return new TrainingData(InverseKinematics.X_NAMES, x, InverseKinematics.Y_NAMES,
                InverseKinematics.forward(x), null);
    }

    static void speed(boolean quick) throws CinnException {
        int rows = quick ? 20_000 : 50_000;
        int epochs = quick ? 4 : 6;
        TrainingData data = ikData(rows, 1);
        double glow = 0;
        for (CouplingType t : List.of(CouplingType.GLOW, CouplingType.SINGLE, CouplingType.SPLINE)) {
            double[] r = trainingRate(data, arch(t), epochs);
            System.out.printf(Locale.ROOT, "training %-6s: %8.0f samples/s  (gemm-only bound %8.0f/s in the same "
                    + "minutes; fraction %.2f)%n", t, r[0], r[1], r[2]);
            if (t == CouplingType.GLOW) {
                glow = r[0];
            } else if (t == CouplingType.SPLINE) {
                System.out.printf(Locale.ROOT, "training SPLINE / GLOW speed in the same run: %.2f%n", r[0] / glow);
            }
        }
        CinnModel model = CinnTrainer.train(data, arch(CouplingType.GLOW), TrainingSettings.defaults().withEpochs(1)
                .withValidationFraction(0), null).model();
        double[][] targets = InverseKinematics.forward(InverseKinematics.samplePrior(10, 2));
        int per = quick ? 5_000 : 20_000;
        FlowNet net = new FlowNet(4, 2, arch(CouplingType.GLOW), FlowNet.randomPermutations(4, 6, 1));
        Runnable gemms = net.gemmOnlyPass(CinnModel.CHUNK_ROWS, false);
        model.sample(targets, 1000, 1.0, 1L, false, c -> { }, null); // warm-up
        double[] rates = new double[5];
        double[] bounds = new double[5];
        double[] fractions = new double[5];
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            long[] count = {0};
            model.sample(targets, per, 1.0, rep, false, c -> count[0] += c.size(), null);
            rates[rep] = count[0] / ((System.nanoTime() - t0) / 1e9);
            bounds[rep] = CinnModel.CHUNK_ROWS * passesPerSecond(gemms, 0.3);
            fractions[rep] = rates[rep] / bounds[rep];
        }
        System.out.printf(Locale.ROOT, "sampling GLOW : %8.0f designs/s (gemm-only bound %8.0f/s in the same "
                + "minutes; fraction %.2f)%n", median(rates), median(bounds), median(fractions));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** Runs the pass repeatedly for about {@code seconds}; returns passes per second. */
    static double passesPerSecond(Runnable pass, double seconds) {
        int reps = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            pass.run();
            reps++;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < seconds * 1e9 || reps < 3);
        return reps / (elapsed / 1e9);
    }

    /**
     * Training samples/s of the real trainer, per epoch after the first (warm-up), each epoch followed by a
     * measurement of the gemm-only bound, so that both see the same machine load.
     *
     * @return median samples/s, median bound, median per-epoch fraction
     */
    static double[] trainingRate(TrainingData data, CinnArchitecture arch, int epochs) throws CinnException {
        FlowNet net = new FlowNet(4, 2, arch, FlowNet.randomPermutations(4, arch.blocks(), 1));
        Runnable gemms = net.gemmOnlyPass(500, true);
        double[] rates = new double[epochs - 1];
        double[] bounds = new double[epochs - 1];
        double[] fractions = new double[epochs - 1];
        long[] start = {0};
        ProgressListener pl = new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void epochFinished(EpochStats stats) {
                long now = System.nanoTime();
                int e = stats.epoch();
                if (e >= 2) {
                    rates[e - 2] = data.rows() / ((now - start[0]) / 1e9);
                    bounds[e - 2] = 500 * passesPerSecond(gemms, 0.5);
                    fractions[e - 2] = rates[e - 2] / bounds[e - 2];
                }
                start[0] = System.nanoTime();
            }
        };
        CinnTrainer.train(data, arch, TrainingSettings.defaults().withEpochs(epochs).withValidationFraction(0)
                .withBatchSize(500), pl);
        return new double[] {median(rates), median(bounds), median(fractions)};
    }

    /** Trains and evaluates one kind; returns {training samples/s, re-simulation error, calibration error}. */
    static double[] quality(CouplingType kind) throws CinnException {
        System.out.println("quality run: " + kind);
        TrainingData data = ikData(100_000, 11);
        TrainingSettings s = TrainingSettings.defaults().withEpochs(60).withBatchSize(500).withLearningRate(1e-3)
                .withLrDecayFactor(0.1).withLrDecayAt(40 / 60.0, 52 / 60.0).withValidationFraction(0)
                .withPatience(0).withGradientClipNorm(10).withWeightDecay(1e-5);
        long t0 = System.nanoTime();
        TrainingResult r = CinnTrainer.train(data, arch(kind), s, new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void epochFinished(EpochStats st) {
                if (st.epoch() % 10 == 0) {
                    System.out.printf(Locale.ROOT, "  epoch %d train loss %.4f%n", st.epoch(), st.trainLoss());
                }
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "trained 60 epochs on 100k rows in %.0f s (%.0f samples/s)%n", secs,
                60 * 100_000 / secs);
        CinnModel m = r.model();
        TrainingData test = ikData(10_000, 12);
        double[][] zt = m.forward(test.x(), test.y()).z();
        double[][] back = m.inverse(zt, test.y());
        double roundTrip = 0;
        for (int i = 0; i < back.length; i++) {
            for (int j = 0; j < 4; j++) {
                roundTrip = Math.max(roundTrip, Math.abs(back[i][j] - test.x()[i][j]));
            }
        }
        System.out.printf(Locale.ROOT, "float round trip max |x - f^-1(f(x))| on 10k held-out rows: %.2e%n",
                roundTrip);
        Scorer sc = m.newScorer();
        sc.add(test.x(), test.y());
        ScoreReport rep = sc.finish();
        System.out.printf(Locale.ROOT, "held-out NLL: %.4f nats/row, %.4f nats/dim (incl. D/2 log 2pi); "
                + "without the constant %.4f nats/row, %.4f nats/dim; flow calibration error %.4f%n", rep.meanNll(),
                rep.nllPerDim(), rep.meanNll() - 2 * Math.log(2 * Math.PI),
                (rep.meanNll() - 2 * Math.log(2 * Math.PI)) / 4, rep.calibrationError());
        int nt = 1000;
        int per = 100;
        double[][] tx = Arrays.copyOf(test.x(), nt);
        double[][] ty = Arrays.copyOf(test.y(), nt);
        double[][][] samples = new double[nt][per][];
        m.sample(ty, per, 1.0, 5L, false, c -> {
            for (int i = 0; i < c.size(); i++) {
                samples[c.targetRow()[i]][c.sampleIndex()[i]] = c.designs()[i];
            }
        }, null);
        double resim = 0;
        for (int r0 = 0; r0 < nt; r0++) {
            for (int i = 0; i < per; i++) {
                double[] yy = InverseKinematics.forward(samples[r0][i]);
                resim += Math.hypot(yy[0] - ty[r0][0], yy[1] - ty[r0][1]);
            }
        }
        resim /= (double) nt * per;
        double cal = PosteriorCalibration.error(tx, samples);
        System.out.printf(Locale.ROOT, "re-simulation error %.4f, calibration error (median over alpha) %.4f%n", resim,
                cal);
        System.out.println("FrEIA reference on this task (GLOW): -2.09 nats/dim, re-simulation 0.0056-0.0063, "
                + "calibration 0.006-0.010");
        return new double[] {60 * 100_000 / secs, resim, cal};
    }
}
