package org.cinn4knime.engine;

import org.cinn4knime.engine.parallel.ChunkPipeline;
import org.cinn4knime.engine.stats.Gaussian;

/**
 * Drawing designs from a trained model, the body of
 * {@link CinnModel#sample(double[][], long, int, double, long, boolean, int, SampleSink, ProgressListener)}: latent
 * draws z ~ N(0, T²·I) made in order on the caller's thread (row r from the generator seeded by (seed, first row + r)),
 * the inverse passes of the chunks on the call's own worker threads, the chunks handed to the sink in order.
 */
final class Sampling {

    private Sampling() {
    }

    /** See {@link CinnModel#sample(double[][], long, int, double, long, boolean, int, SampleSink, ProgressListener)}. */
    static void run(CinnModel model, double[][] targets, long firstRowIndex, int samplesPerRow, double temperature,
            long seed, boolean withLogDensity, int threads, SampleSink sink, ProgressListener listener)
            throws CinnException {
        CinnModel.checkThreads(threads);
        if (firstRowIndex < 0) {
            throw new CinnException("The first target row index must not be negative, but is " + firstRowIndex + ".");
        }
        if (samplesPerRow < 1) {
            throw new CinnException("Samples per target row must be at least 1, but is " + samplesPerRow + ".");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new CinnException("Temperature must be a positive number, but is " + temperature + ".");
        }
        int nt = model.checkRows(targets, targets, "target", model.yDim(), model.yNames());
        ProgressListener pl = listener == null ? ProgressListener.NONE : listener;
        int d = model.netDim();
        Standardisation std = model.standardisation();
        long total = (long) nt * samplesPerRow;
        long[] done = {0};
        int workers = (int) Math.min(threads, CinnModel.chunks(total));
        try (ChunkPipeline<SampleChunk> pipe = new ChunkPipeline<>(workers, "sample", chunk -> {
            sink.accept(chunk);
            done[0] += chunk.size();
            pl.progress((double) done[0] / total, "Sampled " + done[0] + " of " + total + " designs");
        })) {
            int row = 0;
            int sampleIdx = 0;
            Gaussian g = nt > 0 ? new Gaussian(Gaussian.derive(seed, firstRowIndex)) : null;
            for (long submitted = 0; submitted < total;) {
                if (pl.isCancelRequested()) {
                    throw new CancelledException("Sampling was cancelled after " + done[0] + " of " + total
                            + " designs.");
                }
                int m = (int) Math.min(CinnModel.CHUNK_ROWS, total - submitted);
                int[] tr = new int[m];
                int[] si = new int[m];
                double[] zf = new double[d * m];
                double[] yf = new double[model.yDim() * m];
                double[] zz = new double[m];
                for (int r = 0; r < m; r++) {
                    if (sampleIdx == samplesPerRow) {
                        row++;
                        sampleIdx = 0;
                        g = new Gaussian(Gaussian.derive(seed, firstRowIndex + row));
                    }
                    tr[r] = row;
                    si[r] = sampleIdx++;
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        double v = temperature * g.next();
                        zf[j * m + r] = v;
                        s += v * v;
                    }
                    zz[r] = s;
                    double[] t = targets[row];
                    for (int j = 0; j < model.yDim(); j++) {
                        yf[j * m + r] = (t[j] - std.yMean()[j]) / std.yStd()[j];
                    }
                }
                pipe.submit(() -> inverseChunk(model, targets, tr, si, zf, yf, zz, withLogDensity));
                submitted += m;
            }
            pipe.finish();
        } catch (CinnException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CinnException("Sampling failed: " + e.getMessage(), e);
        }
    }

    /** The network pass of one sampling chunk (on a borrowed network; any thread). */
    private static SampleChunk inverseChunk(CinnModel model, double[][] targets, int[] tr, int[] si, double[] zf, double[] yf, double[] zz,
            boolean withLogDensity) throws CinnDataException {
        int m = tr.length;
        // the network's log-det serves the log-density only without column domains (with them: scored like a row)
        double[] ld = withLogDensity && model.domains() == null ? new double[m] : null;
        double[][] designs = model.fromNetwork(NetworkPasses.inverseChunk(model, zf, yf, m, ld));
        org.cinn4knime.engine.domain.Domains.requireFiniteDesigns(designs, tr, model.xNames());
        double[] logp = null;
        if (withLogDensity && model.domains() != null) {
            // scored like any row (point masses as the probability of their band, whole numbers at x + 1/2)
            double[][] ty = new double[m][];
            for (int r = 0; r < m; r++) {
                ty[r] = targets[tr[r]];
            }
            logp = model.forward(designs, ty).logDensity();
        } else if (withLogDensity) {
            logp = new double[m];
            for (int r = 0; r < m; r++) {
                logp[r] = model.logDensity(zz[r], ld[r]);
            }
        }
        return new SampleChunk(tr, si, designs, logp);
    }
}
