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
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.Nd4jRuntime;
import org.cinn4knime.engine.Posteriors;
import org.cinn4knime.engine.ProgressListener;
import org.cinn4knime.engine.ScoreReport;
import org.cinn4knime.engine.Scorer;
import org.cinn4knime.engine.TrainingData;
import org.cinn4knime.engine.TrainingResult;
import org.cinn4knime.engine.TrainingSettings;
import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.engine.stats.PosteriorCalibration;
import org.cinn4knime.engine.nn.Adam;
import org.cinn4knime.engine.nn.Blas;
import org.cinn4knime.engine.nn.FlowNet;
import org.cinn4knime.engine.parallel.DataParallel;
import org.cinn4knime.engine.parallel.Shards;
import org.cinn4knime.engine.parallel.WorkerPool;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverse-kinematics benchmark (issues 3, 8, 9): 6 blocks, subnets 2×128 ReLU, batch 500, float.
 *
 * <pre>
 * java -cp cinn4knime-cli.jar org.cinn4knime.bench.IkBenchmark [--quick] [--threads T]
 *     [--quality [GLOW|SINGLE|SPLINE ...]] [--bins K] [--tail-bound B] [--lr L]
 * </pre>
 *
 * Speed mode (default; {@code --quick} uses less data): training samples/s for GLOW, SINGLE and SPLINE blocks (same
 * blocks, width and batch; SPLINE with the default 10 bins on [−5, 5]) and sampling designs/s on 1 and T threads
 * (default: the machine's cores), in ABBA order, with the ratio; the training step alone in alternating 1/T-thread
 * pairs; each figure also as a fraction of the speed that the network's matrix products alone allow on this machine,
 * measured in the same run with the same shapes (so figures from busy machines stay comparable); spline speed also as
 * a ratio to GLOW in the same run; how the products alone scale on T threads.
 *
 * <p>Quality mode ({@code --quality}; many minutes per kind; default kinds GLOW and SPLINE): 100k training rows, 60
 * epochs, lr 1e-3 ×0.1 at epochs 40 and 52, then on held-out rows: NLL per dimension, re-simulation error mean
 * ‖f(x̂) − y*‖ and the calibration error (median over α of |fraction of true x inside the central α-interval of the
 * samples − α|, pooled over dimensions), with the median, 90 % and 99 % quantiles of the re-simulation error; with
 * several kinds, training speed and figures as ratios to the first. {@code --bins}, {@code --tail-bound} and
 * {@code --lr} change the spline bins, the tail bound and the initial learning rate of the quality runs.
 */
public final class IkBenchmark {
    private IkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        boolean quality = a.contains("--quality");
        int ti = a.indexOf("--threads");
        int threads = ti >= 0 && ti + 1 < a.size() ? Integer.parseInt(a.get(ti + 1)) : Nd4jRuntime.defaultThreads();
        Nd4jRuntime.start(threads);
        System.out.println("cINN inverse-kinematics benchmark: 6 blocks, subnets 2x128 ReLU, batch 500, float");
        if (quality) {
            List<CouplingType> kinds = new java.util.ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                String s = a.get(i);
                if (s.equals("--threads") || s.equals("--bins") || s.equals("--tail-bound") || s.equals("--lr")) {
                    i++; // its value
                } else if (!s.startsWith("--")) {
                    kinds.add(CouplingType.valueOf(s.toUpperCase(Locale.ROOT)));
                }
            }
            if (kinds.isEmpty()) {
                kinds = List.of(CouplingType.GLOW, CouplingType.SPLINE);
            }
            double[] first = null;
            for (CouplingType t : kinds) {
                double[] q = quality(t, threads, option(a, "--bins", 0), option(a, "--tail-bound", 0),
                        option(a, "--lr", 1e-3));
                if (first == null) {
                    first = q;
                } else {
                    System.out.printf(Locale.ROOT, "%s / %s in the same run: training speed %.2f, re-simulation "
                            + "error %.2f, calibration error %.2f%n", t, kinds.get(0), q[0] / first[0],
                            q[1] / first[1], q[2] / first[2]);
                }
            }
        } else {
            speed(quick, threads);
        }
    }

    /** The number after {@code name}, or {@code absent}. */
    static double option(List<String> a, String name, double absent) {
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? Double.parseDouble(a.get(i + 1)) : absent;
    }

    static CinnArchitecture arch(CouplingType t) {
        return CinnArchitecture.defaults().withBlocks(6).withCoupling(t).withSubnetLayers(2).withSubnetWidth(128);
    }

    static TrainingData ikData(int n, long seed) {
        double[][] x = InverseKinematics.samplePrior(n, seed);
        return new TrainingData(InverseKinematics.X_NAMES, x, InverseKinematics.Y_NAMES,
                InverseKinematics.forward(x), null);
    }

    /**
     * Speed on 1 and on T threads (T = the machine's cores unless {@code --threads T}): training samples/s for GLOW,
     * SINGLE and SPLINE blocks and sampling designs/s, each measured in four runs in ABBA order (1, T, T, 1 threads)
     * so that a drifting machine load cancels, the ratio T-thread/1-thread, and each figure as a fraction of the
     * physical limit measured in the same minutes: the same-shape matrix products called directly through the BLAS
     * on one core (× T for T threads). Also checks that 1 and T threads give the same model and the same designs,
     * and compares the two one-thread product paths (ND4J's Mmul op against the direct BLAS call).
     */
    static void speed(boolean quick, int threads) throws CinnException {
        int rows = quick ? 20_000 : 50_000;
        int epochs = quick ? 4 : 6;
        TrainingData data = ikData(rows, 1);
        System.out.printf(Locale.ROOT, "threads: 1 and %d (machine cores %d); load average at start %s%n", threads,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        CinnModel[] models = new CinnModel[2];
        double glow = 0;
        for (CouplingType t : List.of(CouplingType.GLOW, CouplingType.SINGLE, CouplingType.SPLINE)) {
            // ABBA order (1, T, T, 1 threads): a machine that drifts linearly during the four runs affects both
            // means alike, so the ratio compares like with like on a noisy machine
            double[] one = trainingRate(data, arch(t), epochs, 1, models, 0);
            double[] all = trainingRate(data, arch(t), epochs, threads, models, 1);
            double[] all2 = trainingRate(data, arch(t), epochs, threads, null, 0);
            double[] one2 = trainingRate(data, arch(t), epochs, 1, null, 0);
            printHalves(one, all, all2, one2);
            one = mean(one, one2);
            all = mean(all, all2);
            print("training " + t, "samples/s", one, all, threads);
            pairedSteps(arch(t), threads, quick ? 9 : 25);
            if (t == CouplingType.SPLINE) {
                System.out.printf(Locale.ROOT, "  training SPLINE / GLOW speed in the same run: %.2f (1 thread)%n",
                        one[0] / glow);
            }
            if (t == CouplingType.GLOW) {
                glow = one[0];
                double[][] test = InverseKinematics.samplePrior(2000, 3);
                double[][] ty = InverseKinematics.forward(test);
                boolean same = Arrays.equals(models[0].logDensity(test, ty), models[1].logDensity(test, ty));
                System.out.printf(Locale.ROOT, "  same model on 1 and %d threads (log-densities of 2,000 rows bit "
                        + "for bit): %s%n", threads, same ? "yes" : "NO");
            }
        }
        CinnModel model = CinnTrainer.train(data, arch(CouplingType.GLOW), TrainingSettings.defaults().withEpochs(1)
                .withValidationFraction(0).withThreads(threads), null).model();
        double[][] targets = InverseKinematics.forward(InverseKinematics.samplePrior(10, 2));
        int per = quick ? 5_000 : 20_000;
        double[] one = samplingRate(model, targets, per, 1);
        double[] all = samplingRate(model, targets, per, threads);
        double[] all2 = samplingRate(model, targets, per, threads);
        double[] one2 = samplingRate(model, targets, per, 1);
        printHalves(one, all, all2, one2);
        print("sampling GLOW", "designs/s", mean(one, one2), mean(all, all2), threads);
        double[] d1 = designs(model, targets, 1);
        double[] dt = designs(model, targets, threads);
        System.out.printf(Locale.ROOT, "  same designs on 1 and %d threads (%d values bit for bit): %s%n", threads,
                d1.length, Arrays.equals(d1, dt) ? "yes" : "NO");
        productPaths(data, model, targets, per, epochs);
        blasScaling(threads);
        System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
    }

    /**
     * The training step alone (loss and gradient of a batch of 500 IK rows over its shards, Adam, parameter copy),
     * on one and on T threads in alternating bursts of 40 steps, each pair measured within a second or two: the
     * median and quartiles of the per-pair ratios are robust to the load drifting on a shared machine, which full
     * training runs tens of seconds apart are not.
     */
    static void pairedSteps(CinnArchitecture arch, int threads, int pairs) throws CinnException {
        int d = 4;
        int c = 2;
        int batch = 500;
        int steps = 40;
        int[][] perms = FlowNet.randomPermutations(d, arch.blocks(), 1);
        double[][] x = InverseKinematics.samplePrior(batch, 21);
        double[][] y = InverseKinematics.forward(x);
        double[] xs = new double[d * batch];
        double[] ys = new double[c * batch];
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < d; j++) {
                xs[j * batch + r] = x[r][j];
            }
            for (int j = 0; j < c; j++) {
                ys[j * batch + r] = y[r][j] * 2; // IK targets span about ±0.5; roughly standardised
            }
        }
        DataParallel.BatchLoader loader = (net, ws, from, rows) -> {
            double[] xb = new double[d * rows];
            double[] yb = new double[c * rows];
            for (int j = 0; j < d; j++) {
                System.arraycopy(xs, j * batch + from, xb, j * rows, rows);
            }
            for (int j = 0; j < c; j++) {
                System.arraycopy(ys, j * batch + from, yb, j * rows, rows);
            }
            net.setInput(ws, xb);
            net.setCondition(ws, yb);
        };
        int[] counts = {1, threads};
        DataParallel[] dps = new DataParallel[2];
        double[][] params = new double[2][];
        Adam[] adams = new Adam[2];
        FlowNet[] nets = new FlowNet[2];
        double[] ratio = new double[pairs];
        double[][] ms = new double[2][pairs];
        try {
            for (int k = 0; k < 2; k++) {
                nets[k] = new FlowNet(d, c, arch, perms);
                params[k] = nets[k].initialParameters(1);
                nets[k].setParameters(params[k]);
                dps[k] = new DataParallel(counts[k], nets[k], () -> new FlowNet(d, c, arch, perms));
                dps[k].setParameters(params[k]);
                adams[k] = new Adam(params[k].length, 0.9, 0.999, 1e-5, 10);
            }
            double[] grad = new double[params[0].length];
            for (int p = -2; p < pairs; p++) { // two warm-up pairs
                double[] t = new double[2];
                for (int k = 0; k < 2; k++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < steps; i++) {
                        dps[k].lossAndGradient(0, batch, loader, grad);
                        dps[k].adamStep(adams[k].begin(dps[k].gradientNorm(), 1e-6, nets[k]), params[k], grad);
                        dps[k].setParameters(params[k]);
                    }
                    t[k] = (System.nanoTime() - t0) / 1e6 / steps;
                }
                if (p >= 0) {
                    ratio[p] = t[0] / t[1];
                    ms[0][p] = t[0];
                    ms[1][p] = t[1];
                }
            }
        } catch (WorkerPool.TaskException e) {
            throw new CinnException(e.getMessage(), e);
        } finally {
            for (DataParallel dp : dps) {
                if (dp != null) {
                    dp.close();
                }
            }
        }
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "  training step alone, %d alternating pairs of 40 steps: median %.2f ms on 1 "
                + "thread, %.2f ms on %d; ratio per pair median %.2f (quartiles %.2f-%.2f)%n", pairs, median(ms[0]),
                median(ms[1]), threads, median(ratio), ratio[pairs / 4], ratio[(3 * pairs) / 4]);
    }

    /** The element-wise mean of two {rate, limit, fraction} results. */
    static double[] mean(double[] a, double[] b) {
        double[] m = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            m[i] = 0.5 * (a[i] + b[i]);
        }
        return m;
    }

    /** Prints the T-thread/1-thread ratio of each half of an ABBA sequence of runs (1, T, T, 1 threads). */
    static void printHalves(double[] one, double[] all, double[] all2, double[] one2) {
        System.out.printf(Locale.ROOT, "  runs in the order 1, T, T, 1 threads: %.0f, %.0f, %.0f, %.0f/s; ratio in "
                + "the first half %.2f, in the second %.2f%n", one[0], all[0], all2[0], one2[0], all[0] / one[0],
                all2[0] / one2[0]);
    }

    /**
     * Prints one figure (1 thread and T threads each the mean of the two runs of the ABBA sequence), the ratio,
     * and each as a fraction of its BLAS limit.
     */
    static void print(String what, String unit, double[] one, double[] all, int threads) {
        System.out.printf(Locale.ROOT, "%-15s: 1 thread %8.0f %s (%.2f of the BLAS limit %8.0f/s); %d threads "
                + "%8.0f %s (%.2f of %d x the limit = %8.0f/s); ratio %.2f%n", what, one[0], unit, one[2], one[1],
                threads, all[0], unit, all[2], threads, all[1], all[0] / one[0]);
    }

    /**
     * How the BLAS limit itself scales: one training batch's products (the shards of a batch of 500) called directly
     * on one thread, and on T threads at once (each with its own arrays), in ABBA order. "× T" in the limits above
     * assumes perfect scaling; this shows what the cores deliver when all of them multiply at once.
     */
    static void blasScaling(int threads) throws CinnException {
        FlowNet net = new FlowNet(4, 2, arch(CouplingType.GLOW), FlowNet.randomPermutations(4, 6, 1));
        List<int[]> shapes = net.gemmShapes(Shards.from(500, Shards.count(500), 1), true);
        Runnable[] products = new Runnable[threads];
        for (int i = 0; i < threads; i++) {
            products[i] = blasOnly(shapes);
        }
        double one = passesPerSecond(products[0], 1.0);
        double all = concurrentPassesPerSecond(products, 1.0);
        double all2 = concurrentPassesPerSecond(products, 1.0);
        double one2 = passesPerSecond(products[0], 1.0);
        System.out.printf(Locale.ROOT, "BLAS products alone (one shard's training products per pass), ABBA: 1 thread "
                + "%.0f / %.0f passes/s, %d threads at once %.0f / %.0f passes/s in all; scaling %.2f (not %d)%n",
                one, one2, threads, all, all2, (all + all2) / (one + one2), threads);
    }

    /** Runs each pass on its own thread at once for about {@code seconds}; returns the passes per second of all. */
    static double concurrentPassesPerSecond(Runnable[] passes, double seconds) throws CinnException {
        double[] rates = new double[passes.length];
        Thread[] threads = new Thread[passes.length];
        for (int i = 0; i < passes.length; i++) {
            int k = i;
            threads[i] = new Thread(() -> rates[k] = passesPerSecond(passes[k], seconds), "blas-" + i);
            threads[i].start();
        }
        double sum = 0;
        for (int i = 0; i < passes.length; i++) {
            try {
                threads[i].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CinnException("Interrupted", e);
            }
            sum += rates[i];
        }
        return sum;
    }

    /** One-thread speed with the products through ND4J's Mmul op and through the direct BLAS call, alternating. */
    static void productPaths(TrainingData data, CinnModel model, double[][] targets, int per, int epochs)
            throws CinnException {
        boolean before = Blas.enabled();
        double[][] train = new double[2][2];
        double[][] sample = new double[2][2];
        try {
            for (int rep = 0; rep < 2; rep++) {
                for (int path = 0; path < 2; path++) {
                    Blas.setEnabled(path == 1);
                    train[path][rep] = trainingRate(data, arch(CouplingType.GLOW), epochs, 1, null, 0)[0];
                    // a fresh copy of the model builds fresh networks (and so picks up the product path)
                    sample[path][rep] = samplingRate(copy(model), targets, per, 1)[0];
                }
            }
        } finally {
            Blas.setEnabled(before);
        }
        System.out.printf(Locale.ROOT, "products, 1 thread, ND4J Mmul op vs direct BLAS call (2 alternating runs "
                + "each): training GLOW %.0f / %.0f vs %.0f / %.0f samples/s; sampling %.0f / %.0f vs %.0f / %.0f "
                + "designs/s (in use: %s)%n", train[0][0], train[0][1], train[1][0], train[1][1], sample[0][0],
                sample[0][1], sample[1][0], sample[1][1], before ? "direct BLAS" : "ND4J Mmul");
    }

    static CinnModel copy(CinnModel m) throws CinnException {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("bench", ".cinn");
            try {
                ModelFile.save(m, f);
                return ModelFile.load(f);
            } finally {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new CinnException(e.getMessage(), e);
        }
    }

    static String loadAverage() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    /** All designs (and log-densities) of one sampling run, flattened in sink order. */
    static double[] designs(CinnModel model, double[][] targets, int threads) throws CinnException {
        List<double[]> rows = new java.util.ArrayList<>();
        model.sample(targets, 0, 1000, 1.0, 9L, true, threads, c -> {
            for (int i = 0; i < c.size(); i++) {
                double[] r = Arrays.copyOf(c.designs()[i], c.designs()[i].length + 1);
                r[r.length - 1] = c.logDensity()[i];
                rows.add(r);
            }
        }, null);
        return rows.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * Sampling designs/s on {@code threads} threads (median of 5 runs), each run followed by a measurement of the
     * BLAS limit (the inverse pass's products on one core, × threads).
     *
     * @return median designs/s, median limit, median fraction
     */
    static double[] samplingRate(CinnModel model, double[][] targets, int per, int threads) throws CinnException {
        FlowNet net = new FlowNet(4, 2, arch(CouplingType.GLOW), FlowNet.randomPermutations(4, 6, 1));
        Runnable products = blasOnly(net.gemmShapes(CinnModel.CHUNK_ROWS, false));
        model.sample(targets, 0, 1000, 1.0, 1L, false, threads, c -> { }, null); // warm-up
        double[] rates = new double[5];
        double[] bounds = new double[5];
        double[] fractions = new double[5];
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            long[] count = {0};
            model.sample(targets, 0, per, 1.0, rep, false, threads, c -> count[0] += c.size(), null);
            rates[rep] = count[0] / ((System.nanoTime() - t0) / 1e9);
            bounds[rep] = threads * CinnModel.CHUNK_ROWS * passesPerSecond(products, 0.3);
            fractions[rep] = rates[rep] / bounds[rep];
        }
        return new double[] {median(rates), median(bounds), median(fractions)};
    }

    /**
     * The given products ({M, N, K, transposeA, transposeB} as {@link FlowNet#gemmShapes}) called directly through
     * the BLAS on scratch arrays: the physical limit of one core for the network's arithmetic.
     */
    static Runnable blasOnly(List<int[]> shapes) {
        List<Blas.Gemm> calls = new java.util.ArrayList<>();
        for (int[] s : shapes) {
            INDArray a = Nd4j.rand(DataType.FLOAT, s[3] == 1 ? s[2] : s[0], s[3] == 1 ? s[0] : s[2]);
            INDArray b = Nd4j.rand(DataType.FLOAT, s[4] == 1 ? s[1] : s[2], s[4] == 1 ? s[2] : s[1]);
            calls.add(Blas.prepare(a, b, Nd4j.create(DataType.FLOAT, s[0], s[1]), s[3] == 1, s[4] == 1, 0.0));
        }
        Blas.Gemm[] c = calls.toArray(new Blas.Gemm[0]);
        return () -> {
            for (Blas.Gemm g : c) {
                g.run();
            }
        };
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
     * Training samples/s of the real trainer on {@code threads} threads, per epoch after the first (warm-up), each
     * epoch followed by a measurement of the BLAS limit (the products of one batch's shards, called directly on one
     * core, × threads), so that both see the same machine load.
     *
     * @param models if not null, receives the trained model at {@code slot}
     * @return median samples/s, median limit, median per-epoch fraction
     */
    static double[] trainingRate(TrainingData data, CinnArchitecture arch, int epochs, int threads,
            CinnModel[] models, int slot) throws CinnException {
        int batch = 500;
        FlowNet net = new FlowNet(4, 2, arch, FlowNet.randomPermutations(4, arch.blocks(), 1));
        List<int[]> shapes = new java.util.ArrayList<>();
        int shards = Shards.count(batch);
        for (int s = 0; s < shards; s++) {
            shapes.addAll(net.gemmShapes(Shards.from(batch, shards, s + 1) - Shards.from(batch, shards, s), true));
        }
        Runnable products = blasOnly(shapes);
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
                    bounds[e - 2] = threads * batch * passesPerSecond(products, 0.5);
                    fractions[e - 2] = rates[e - 2] / bounds[e - 2];
                }
                start[0] = System.nanoTime();
            }
        };
        CinnModel m = CinnTrainer.train(data, arch, TrainingSettings.defaults().withEpochs(epochs)
                .withValidationFraction(0).withBatchSize(batch).withThreads(threads), pl).model();
        if (models != null) {
            models[slot] = m;
        }
        return new double[] {median(rates), median(bounds), median(fractions)};
    }

    /**
     * Trains and evaluates one kind; returns {training samples/s, re-simulation error, calibration error}. Spline
     * bins and tail bound 0 mean the declared defaults; lr is the initial learning rate (the recipe's is 1e-3).
     */
    static double[] quality(CouplingType kind, int threads, double bins, double tailBound, double lr)
            throws CinnException {
        CinnArchitecture arch = arch(kind);
        if (bins > 0) {
            arch = arch.withBins((int) bins);
        }
        if (tailBound > 0) {
            arch = arch.withTailBound(tailBound);
        }
        System.out.printf(Locale.ROOT, "quality run: %s on %d thread(s); %s; lr %.1e; load average %s%n", kind,
                threads, arch.summary(), lr, loadAverage());
        TrainingData data = ikData(100_000, 11);
        TrainingSettings s = TrainingSettings.defaults().withEpochs(60).withBatchSize(500).withLearningRate(lr)
                .withLrDecayFactor(0.1).withLrDecayAt(40 / 60.0, 52 / 60.0).withValidationFraction(0)
                .withPatience(0).withGradientClipNorm(10).withWeightDecay(1e-5).withThreads(threads);
        long t0 = System.nanoTime();
        TrainingResult r = CinnTrainer.train(data, arch, s, new ProgressListener() {
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
        int nt = 5000; // 20,000 pooled values: the noise of a fraction stays below 0.004
        int per = 100;
        double[][] tx = Arrays.copyOf(test.x(), nt);
        double[][] ty = Arrays.copyOf(test.y(), nt);
        double[][][] samples = Posteriors.sample(m, ty, per, 5L, threads);
        double resim = Posteriors.resimulationError(samples, ty, InverseKinematics::forward);
        double[] errors = new double[nt * per];
        for (int r0 = 0; r0 < nt; r0++) {
            for (int i = 0; i < per; i++) {
                double[] yy = InverseKinematics.forward(samples[r0][i]);
                errors[r0 * per + i] = Math.hypot(yy[0] - ty[r0][0], yy[1] - ty[r0][1]);
            }
        }
        Arrays.sort(errors);
        System.out.printf(Locale.ROOT, "re-simulation error quantiles: median %.4f, 90%% %.4f, 99%% %.4f, max %.4f%n",
                errors[errors.length / 2], errors[errors.length * 9 / 10], errors[errors.length * 99 / 100],
                errors[errors.length - 1]);
        double[] inside = PosteriorCalibration.insideFractions(tx, samples);
        double cal = PosteriorCalibration.error(inside);
        double[] inside7 = PosteriorCalibration.insideFractions(tx, samples, PosteriorCalibration.Quantiles.TYPE_7);
        System.out.printf(Locale.ROOT, "true x inside the central 50%% / 90%% interval of %d samples per target "
                + "(%d targets): %.4f / %.4f (calibrated: 0.5 / 0.9); with the type-7 quantiles of 0.1.x %.4f / "
                + "%.4f (calibrated: %.4f / %.4f), calibration error %.4f%n", per, nt, inside[49], inside[89],
                inside7[49], inside7[89], 0.5 * (per - 1) / (per + 1), 0.9 * (per - 1) / (per + 1),
                PosteriorCalibration.error(inside7));
        System.out.printf(Locale.ROOT, "re-simulation error %.4f, calibration error (median over alpha) %.4f%n", resim,
                cal);
        System.out.println("FrEIA reference on this task (GLOW): -2.09 nats/dim, re-simulation 0.0056-0.0063, "
                + "calibration 0.006-0.010 (type-7 quantiles, 1,000 targets)");
        return new double[] {60 * 100_000 / secs, resim, cal};
    }
}
