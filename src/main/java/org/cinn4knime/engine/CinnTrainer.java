package org.cinn4knime.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;

import org.cinn4knime.engine.domain.DomainSpec;
import org.cinn4knime.engine.domain.Domains;
import org.cinn4knime.engine.nn.Adam;
import org.cinn4knime.engine.nn.FlowNet;
import org.cinn4knime.engine.parallel.DataParallel;
import org.cinn4knime.engine.parallel.Shards;
import org.cinn4knime.engine.parallel.WorkerPool;

/** Trains a cINN by maximum likelihood (see issue 3 and {@code docs/engine-api.md}). */
public final class CinnTrainer {
    /** Rollbacks after a non-finite loss before training gives up. */
    static final int MAX_ROLLBACKS = 3;

    private CinnTrainer() {
    }

    /**
     * The rows held out for validation: the validation fraction of the rows, rounded to the nearest whole row (front
     * ends use it to check a batch size against the training rows before training).
     *
     * @param fraction the validation fraction, in [0, 1)
     * @param rows the table's rows
     */
    public static int validationRows(double fraction, int rows) {
        return (int) Math.round(fraction * rows);
    }

    /** "first" … "tenth" for 1 … 10, else "n-th" (the counts of the trainer's messages). */
    static String ordinal(int n) {
        String[] words = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth"};
        return n >= 1 && n <= words.length ? words[n - 1] : n + "-th";
    }

    /** Trains with the column domains inferred from the data ({@link DomainSpec#INFER}). */
    public static TrainingResult train(TrainingData data, CinnArchitecture arch, TrainingSettings settings,
            ProgressListener listener) throws CinnException {
        return train(data, arch, settings, DomainSpec.INFER, listener);
    }

    /**
     * Trains a cINN of the design columns given the targets.
     *
     * @param domains the user's column-domain declarations over the inference ({@link DomainSpec#NONE}: the raw
     *        columns, as before domains existed); see {@link Domains#fit}
     * @throws CinnDataException for bad data or declarations, naming column and row
     */
    public static TrainingResult train(TrainingData data, CinnArchitecture arch, TrainingSettings settings,
            DomainSpec domains, ProgressListener listener) throws CinnException {
        return train(data, arch, settings, domains, listener, step -> false);
    }

    /**
     * As {@link #train(TrainingData, CinnArchitecture, TrainingSettings, DomainSpec, ProgressListener)}, with a test
     * hook that belongs to this run alone (two runs at once never see each other's).
     *
     * @param nonFiniteLossAt the optimiser steps (0-based, counted over the whole run) whose loss is replaced by NaN
     */
    static TrainingResult train(TrainingData data, CinnArchitecture arch, TrainingSettings settings,
            DomainSpec domains, ProgressListener listener, LongPredicate nonFiniteLossAt) throws CinnException {
        try {
            arch.validate();
            settings.validate();
        } catch (IllegalArgumentException e) {
            throw new CinnException(e.getMessage(), e);
        }
        data.validate();
        ProgressListener pl = listener == null ? ProgressListener.NONE : listener;
        Nd4jRuntime.start(settings.threads());
        return new Run(data, arch, settings, domains == null ? DomainSpec.INFER : domains, pl, nonFiniteLossAt).run();
    }

    /** One training run. */
    private static final class Run {
        final TrainingData data;
        final CinnArchitecture arch;
        final TrainingSettings s;
        final ProgressListener pl;
        final LongPredicate nonFiniteLossAt;
        final int d;
        final int c;
        final int nTrain;
        final int nVal;
        /** Standardised training and validation rows. */
        final TrainingColumns rows;
        final Standardisation std;
        /** Rows per optimiser step: the setting, or adapted to a small table when left at the default. */
        final int batch;
        final TargetRange targets;
        final List<String> warnings = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Column domains (null: none), the rows they apply to, and the training rows' indices. */
        final Domains domains;
        final double[][] domainRows;
        final int[] trainRows;

        Run(TrainingData data, CinnArchitecture arch, TrainingSettings s, DomainSpec spec, ProgressListener pl,
                LongPredicate nonFiniteLossAt)
                throws CinnDataException {
            this.data = data;
            this.arch = arch.resolvedFor(data.xDim()); // the model stores the resolved coupling kind
            this.s = s;
            this.pl = pl;
            this.nonFiniteLossAt = nonFiniteLossAt;
            int n = data.rows();
            Domains.Fit fit = Domains.fit(data, spec);
            warnings.addAll(fit.warnings());
            notes.addAll(fit.notes());
            domainRows = fit.x();
            d = fit.domains() == null ? data.xDim() : fit.domains().netDim();
            c = data.yDim();
            nVal = validationRows(s.validationFraction(), n);
            nTrain = n - nVal;
            if (nTrain < 2) {
                throw new CinnDataException("Only " + nTrain + " training row(s) remain after holding out " + nVal
                        + " of " + n + " rows for validation (validation fraction " + s.validationFraction()
                        + "); at least 2 are needed. Provide more rows or lower the validation fraction.");
            }
            batch = SmallTables.batchSize(s.batchSize(), nTrain, notes);
            String fewRows = SmallTables.fewRowsWarning(nTrain, nVal, this.arch);
            if (fewRows != null) {
                warnings.add(fewRows);
            }
            if (nTrain < batch) {
                throw new CinnDataException("There are only " + nTrain + " training rows"
                        + (nVal > 0 ? " (after holding out " + nVal + " for validation)" : "")
                        + ", fewer than the batch size " + batch + ". Lower the batch size to at most "
                        + nTrain + " or provide more rows.");
            }
            int[] order = Permutations.random(n, new SplittableRandom(s.seed() ^ 0x7A11DA7AL));
            trainRows = new int[nTrain];
            int[] valRows = new int[nVal];
            System.arraycopy(order, 0, valRows, 0, nVal);
            System.arraycopy(order, nVal, trainRows, 0, nTrain);
            java.util.Arrays.sort(trainRows);
            java.util.Arrays.sort(valRows);
            double[][] x = data.x();
            double[][] y = data.y();
            String[] xn = data.xNames();
            Domains dom = fit.domains();
            if (dom != null) {
                // network coordinates of every row, point masses and whole numbers at their scoring points
                double[] logJ = new double[n];
                double[][] u = new double[n][d];
                for (int r = 0; r < n; r++) {
                    logJ[r] = dom.toNetwork(domainRows[r], u[r], null, data.rowName(r));
                }
                double vj = 0;
                for (int r : valRows) {
                    vj += logJ[r];
                }
                dom = dom.withValidationLogJacobian(nVal > 0 ? vj / nVal : 0);
                x = u;
                xn = dom.netNames().toArray(new String[0]);
            }
            domains = dom;
            String[] yn = data.yNames();
            std = Standardisation.robust(x, y, trainRows, xn, yn); // the scale: training rows only
            // gross outliers are a property of the table: judged over all rows (training and validation), so the
            // warnings do not depend on the seed's split; design columns in the user's units (not in domain
            // coordinates, where a dequantised point mass would look like one)
            int[] allRows = Permutations.identity(n);
            Standardisation.outlierWarnings(y, allRows, yn, "target", data::rowName, warnings);
            Standardisation.outlierWarnings(data.x(), allRows, data.xNames(), "design", data::rowName, warnings);
            rows = new TrainingColumns(x, y, trainRows, valRows, std);
            // in the user's units; whole-number columns and composition parts come from the column domains
            String[] names = data.xNames();
            java.util.Set<String> whole = new java.util.HashSet<>();
            boolean[] compositionPart = new boolean[names.length];
            if (domains != null) {
                for (int j = 0; j < names.length; j++) {
                    if (domains.isWholeNumber(j)) {
                        whole.add(names[j]);
                    }
                    compositionPart[j] = domains.column(j) == null;
                }
            }
            warnings.addAll(DataChecks.designWarnings(data.x(), trainRows, names, compositionPart, whole));
            targets = TargetRange.fromTrainingTargets(List.of(yn), y, std.yStd(), s.seed());
            warnings.forEach(pl::dataWarning); // before the first epoch
        }

        TrainingResult run() throws CinnException {
            int[][] perms = FlowNet.randomPermutations(d, arch.blocks(), s.seed());
            FlowNet net = new FlowNet(d, c, arch, perms);
            try (DataParallel dp = new DataParallel(s.threads(), net, () -> new FlowNet(d, c, arch, perms))) {
                return run(perms, net, dp);
            } catch (WorkerPool.TaskException e) {
                if (e.getCause() instanceof CinnException ce) {
                    throw ce;
                }
                throw new CinnException("Training failed: " + e.getMessage(), e.getCause());
            }
        }

        /**
         * The training loop: every batch's loss and gradient data-parallel over the shards of {@link Shards} (the
         * same shards on any number of threads), one Adam step over parameter ranges.
         */
        private TrainingResult run(int[][] perms, FlowNet net, DataParallel dp)
                throws CinnException, WorkerPool.TaskException {
            double[] params = net.initialParameters(s.seed());
            net.setParameters(params);
            SplittableRandom shuffle = new SplittableRandom(s.seed() ^ 0x5EED5EEDL);
            int[] order = Permutations.identity(nTrain);
            int bs = batch;
            int batchesPerEpoch = (nTrain + bs - 1) / bs;
            if (arch.actNorm()) {
                // a seeded random subset: the first rows of a sorted table would bias the initial scaling
                int[] initRows = Permutations.random(nTrain, new SplittableRandom(s.seed() ^ 0xAC7A0A11L));
                FlowNet.Workspace ws = net.workspace(bs);
                rows.loadTraining(net, ws, initRows, 0, bs);
                net.initActNorm(ws);
                params = net.parameters();
            }
            dp.setParameters(params);
            Adam adam = new Adam(params.length, s.beta1(), s.beta2(), s.weightDecay(), s.gradientClipNorm());
            double[] grad = new double[params.length];
            // rollback state: end of the last finite epoch
            double[] goodParams = params.clone(); // never changed in place: the best epoch's may share it
            Adam goodAdam = adam.copy();
            double[] bestParams = goodParams;
            int bestEpoch = 0;
            double bestScore = Double.POSITIVE_INFINITY;
            double bestVal = Double.NaN;
            List<EpochStats> history = new ArrayList<>();
            double lrFactor = 1.0;
            int rollbacks = 0;
            long step = 0;
            int sinceBest = 0;
            String stopReason = "completed";
            boolean hasVal = nVal > 0;
            int epochs = s.epochs();
            for (int e = 0; e < epochs; e++) {
                double lr = s.learningRateAt(e) * lrFactor;
                redrawDequantisation(e);
                Permutations.shuffle(order, shuffle);
                double lossSum = 0;
                boolean failed = false;
                String failure = null;
                for (int b = 0; b < batchesPerEpoch; b++) {
                    if (pl.isCancelRequested()) {
                        throw new CancelledException("Training was cancelled in epoch " + (e + 1) + ".");
                    }
                    int from = b * bs;
                    int m = Math.min(bs, nTrain - from);
                    double loss = dp.lossAndGradient(from, m, (sn, sws, f, k) -> rows.loadTraining(sn, sws, order,
                            f, k), grad);
                    if (nonFiniteLossAt.test(step++)) {
                        loss = Double.NaN;
                    }
                    double gn = dp.gradientNorm();
                    if (!Double.isFinite(loss) || !Double.isFinite(gn)) {
                        failed = true;
                        failure = "a non-finite " + (Double.isFinite(loss) ? "gradient" : "loss")
                                + " (NaN or infinity) in epoch " + (e + 1) + ", batch " + (b + 1);
                        break;
                    }
                    lossSum += loss * m;
                    dp.adamStep(adam.begin(gn, lr, net), params, grad);
                    dp.setParameters(params);
                    pl.progress((e + (b + 1.0) / batchesPerEpoch) / epochs, String.format(Locale.ROOT,
                            "Epoch %d/%d, batch %d/%d, loss %.4f", e + 1, epochs, b + 1, batchesPerEpoch, loss));
                }
                double trainLoss = lossSum / nTrain;
                double valLoss = Double.NaN;
                if (!failed && hasVal) {
                    if (pl.isCancelRequested()) {
                        throw new CancelledException("Training was cancelled during validation.");
                    }
                    valLoss = dp.lossSum(nVal, CinnModel.CHUNK_ROWS, rows::loadValidation) / nVal;
                    if (!Double.isFinite(valLoss)) {
                        failed = true;
                        failure = "a non-finite validation loss (NaN or infinity) after epoch " + (e + 1);
                    }
                }
                if (failed) {
                    rollbacks++;
                    params = goodParams.clone();
                    adam = goodAdam.copy();
                    dp.setParameters(params);
                    if (rollbacks >= MAX_ROLLBACKS) {
                        String kept = history.isEmpty() ? "no epoch had finished, so there is no model"
                                : hasVal ? "kept the weights of the epoch with the best validation loss (epoch "
                                        + bestEpoch + ")"
                                : "kept the weights of the last finished epoch (epoch " + history.size() + ")";
                        warnings.add("Training hit " + failure + " for the " + ordinal(MAX_ROLLBACKS) + " time; it "
                                + "stopped and " + kept + ". Lower the learning rate or the clamp, or "
                                + clippingAdvice() + ".");
                        stopReason = "stopped after repeated non-finite loss (NaN or infinity)";
                        break;
                    }
                    lrFactor *= 0.1;
                    warnings.add("Training hit " + failure + ". It rolled back to the weights of the last good "
                            + "epoch and went on with a 10× lower learning rate (" + NumberText.fmt(s.learningRateAt(e)
                            * lrFactor) + "). If this happens often: lower the learning rate or the clamp, or "
                            + clippingAdvice() + ".");
                    e--; // repeat the epoch
                    continue;
                }
                goodParams = params.clone();
                goodAdam = adam.copy();
                // best: the model would hold this epoch's weights if training ended now (with validation rows the
                // epoch of the lowest validation loss so far, without them always the latest epoch)
                boolean best = !hasVal || valLoss < bestScore;
                if (best) {
                    bestScore = valLoss;
                    bestEpoch = e + 1;
                    bestVal = valLoss;
                    bestParams = goodParams;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                EpochStats st = new EpochStats(e + 1, trainLoss, valLoss, lr, best);
                history.add(st);
                pl.epochFinished(st);
                if (hasVal && s.patience() > 0 && sinceBest >= s.patience()) {
                    stopReason = "early stopping after " + s.patience() + " epochs without improvement (best epoch "
                            + bestEpoch + ")";
                    break;
                }
            }
            if (history.isEmpty()) {
                throw new CinnException("Training failed: " + (warnings.isEmpty() ? "no epoch finished."
                        : warnings.get(warnings.size() - 1)));
            }
            double[] finalParams = bestParams;
            for (double v : finalParams) {
                if (!Double.isFinite(v)) {
                    throw new CinnException("Training produced non-finite weights; no model is returned. Lower the "
                            + "learning rate or the clamp.");
                }
            }
            LossHealth health = LossHealth.judge(history, bestEpoch, s, d);
            warnings.addAll(health.warnings());
            notes.addAll(health.notes());
            Map<String, String> versions = LibraryVersions.current();
            ModelInfo info = new ModelInfo(history, bestEpoch, bestVal, data.fingerprint(), data.rows(), nVal,
                    versions, Instant.now().toString(), ModelFile.FORMAT_VERSION, warnings, stopReason);
            CinnModel model = new CinnModel(List.of(data.xNames()), List.of(data.yNames()), arch,
                    s.withBatchSize(batch), info, std, perms, finalParams, domains).withTargetRange(targets);
            pl.progress(1.0, "Training finished: " + stopReason);
            return new TrainingResult(model, notes);
        }

        /** What to do about the gradients after a non-finite loss: clipping is on unless its norm is 0. */
        private String clippingAdvice() {
            double c = s.gradientClipNorm();
            if (!(c > 0)) {
                return "enable gradient clipping";
            }
            return "lower the gradient clipping norm (now " + NumberText.compact(c) + ")";
        }

        /**
         * Dequantises the training rows afresh for epoch e (whole numbers x + U[0, 1), point masses into their
         * bands), seeded by (seed, e) so that a run is reproducible; validation rows keep their scoring points.
         */
        private void redrawDequantisation(int e) throws CinnDataException {
            if (domains == null || !domains.dequantises()) {
                return;
            }
            SplittableRandom rnd = new SplittableRandom(s.seed() ^ 0xDE0A4715EL ^ (e * 0x9E3779B97F4A7C15L));
            double[] u = new double[d];
            for (int i = 0; i < nTrain; i++) {
                int r = trainRows[i];
                domains.toNetwork(domainRows[r], u, rnd, data.rowName(r));
                rows.setTrainingRow(i, u);
            }
        }
    }
}
