package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.cinn4knime.engine.parallel.ChunkPipeline;
import org.cinn4knime.engine.parallel.Shards;
import org.cinn4knime.engine.parallel.WorkerPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the same seed gives the same model bit for bit, and sampling/scoring the same output, on any number of
 * threads; two training runs at once each give the model they give alone; cancel within one batch.
 */
class ParallelTest {
    static TrainingData data;

    @BeforeAll
    static void data() {
        double[][][] d = TrainerTest.gaussData(2600, 7);
        data = new TrainingData(TrainerTest.XN, d[0], TrainerTest.YN, d[1], null);
    }

    /** Batch 700 = 3 shards (234, 233, 233); the last batch of an epoch is smaller; ActNorm on; validation rows. */
    static TrainingSettings settings(int threads) {
        return TrainingSettings.defaults().withEpochs(3).withBatchSize(700).withLearningRate(3e-3).withPatience(0)
                .withValidationFraction(0.1).withThreads(threads);
    }

    static CinnArchitecture arch() {
        return CinnArchitecture.defaults().withBlocks(3).withSubnetWidth(32).withActNorm(true);
    }

    @Test
    void shardsDependOnTheBatchSizeOnly() {
        assertEquals(1, Shards.count(1));
        assertEquals(1, Shards.count(Shards.MAX_SHARD_ROWS));
        assertEquals(2, Shards.count(500));
        assertEquals(3, Shards.count(700));
        int rows = 700;
        int n = Shards.count(rows);
        int covered = 0;
        for (int s = 0; s < n; s++) {
            int size = Shards.from(rows, n, s + 1) - Shards.from(rows, n, s);
            assertTrue(size >= rows / n && size <= rows / n + 1, "shard " + s + " has " + size + " rows");
            assertTrue(size <= Shards.MAX_SHARD_ROWS);
            covered += size;
        }
        assertEquals(rows, covered);
    }

    @Test
    void sameSeedSameWeightsOnOneTwoThreeAndSevenThreads() throws Exception {
        TrainingResult one = CinnTrainer.train(data, arch(), settings(1), null);
        double[] w1 = one.model().parameters();
        for (int t : new int[] {2, 3, 7}) {
            TrainingResult r = CinnTrainer.train(data, arch(), settings(t), null);
            assertArrayEquals(w1, r.model().parameters(), 0.0, t + " threads");
            List<EpochStats> h1 = one.model().info().history();
            List<EpochStats> h = r.model().info().history();
            assertEquals(h1.size(), h.size());
            for (int e = 0; e < h1.size(); e++) {
                assertEquals(h1.get(e).trainLoss(), h.get(e).trainLoss(), 0.0, "train loss, epoch " + (e + 1));
                assertEquals(h1.get(e).validationLoss(), h.get(e).validationLoss(), 0.0, "val loss " + (e + 1));
            }
        }
        // the weights did move (a test that would pass for an untrained model proves nothing)
        double[] init = new org.cinn4knime.engine.nn.FlowNet(2, 2, arch(), one.model().permutations())
                .initialParameters(settings(1).seed());
        assertFalse(Arrays.equals(init, w1));
    }

    @Test
    void twoRunsAtOnceGiveTheModelsTheyGiveAlone() throws Exception {
        TrainingSettings a = settings(2);
        TrainingSettings b = settings(3).withSeed(99);
        double[] aloneA = CinnTrainer.train(data, arch(), a, null).model().parameters();
        double[] aloneB = CinnTrainer.train(data, arch(), b, null).model().parameters();
        assertNotEquals(Arrays.hashCode(aloneA), Arrays.hashCode(aloneB));
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            Future<TrainingResult> fa = ex.submit(() -> CinnTrainer.train(data, arch(), a, null));
            Future<TrainingResult> fb = ex.submit(() -> CinnTrainer.train(data, arch(), b, null));
            assertArrayEquals(aloneA, fa.get().model().parameters(), 0.0);
            assertArrayEquals(aloneB, fb.get().model().parameters(), 0.0);
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void cancelOnSeveralThreadsTakesEffectWithinOneBatch() {
        AtomicInteger batches = new AtomicInteger();
        ProgressListener pl = new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                if (message.contains("batch")) {
                    batches.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelRequested() {
                return batches.get() >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> CinnTrainer.train(data, arch(), settings(3), pl));
        assertEquals(2, batches.get());
    }

    @Test
    void samplingAndScoringWriteOnAnyThreadCountWhatOneThreadWrites() throws Exception {
        CinnModel model = CinnTrainer.train(data, arch(), settings(1).withEpochs(1), null).model();
        double[][] targets = Arrays.copyOf(data.y(), 7);
        // 7 targets × 1000 = 7000 designs = 4 chunks, the last one partial; a target's draws span chunks
        List<double[]> one = designs(model, targets, 1);
        assertEquals(7000, one.size());
        for (int t : new int[] {2, 3}) {
            List<double[]> other = designs(model, targets, t);
            assertEquals(one.size(), other.size());
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(one.get(i), other.get(i), 0.0, t + " threads, design row " + i);
            }
        }
        double[][] x = data.x();
        double[][] y = data.y();
        ForwardResult f1 = model.forward(x, y, 1);
        double[][] back1 = model.inverse(f1.z(), y, 1);
        Scorer s1 = model.newScorer(1);
        double[][] rows1 = s1.add(x, y);
        ScoreReport r1 = s1.finish();
        for (int t : new int[] {2, 3}) {
            ForwardResult f = model.forward(x, y, t);
            assertArrayEquals(f1.logDensity(), f.logDensity(), 0.0);
            assertArrayEquals(f1.zSquaredNorm(), f.zSquaredNorm(), 0.0);
            for (int r = 0; r < x.length; r++) {
                assertArrayEquals(f1.z()[r], f.z()[r], 0.0);
            }
            double[][] back = model.inverse(f1.z(), y, t);
            for (int r = 0; r < x.length; r++) {
                assertArrayEquals(back1[r], back[r], 0.0);
            }
            Scorer st = model.newScorer(t);
            double[][] rows = st.add(x, y);
            for (int r = 0; r < x.length; r++) {
                assertArrayEquals(rows1[r], rows[r], 0.0);
            }
            ScoreReport rt = st.finish();
            assertEquals(r1.meanNll(), rt.meanNll(), 0.0);
            assertEquals(r1.calibrationError(), rt.calibrationError(), 0.0);
            assertArrayEquals(r1.zMean(), rt.zMean(), 0.0);
            assertArrayEquals(r1.zStd(), rt.zStd(), 0.0);
        }
        assertThrows(CinnDataException.class, () -> model.newScorer(0));
    }

    @Test
    void aScorerKeepsItsThreadsForItsLifeAndEndsThemWhenFinished() throws Exception {
        CinnModel model = CinnTrainer.train(data, arch(), settings(1).withEpochs(1), null).model();
        double[][] x = data.x(); // 2600 rows: two chunks per add
        double[][] y = data.y();
        Set<Thread> before = scoreThreads();
        Scorer scorer = model.newScorer(3);
        Set<Thread> own = scoreThreads();
        own.removeAll(before);
        assertEquals(2, own.size(), "the scorer starts two threads of its own (the caller is the third): " + own);
        double[][] first = scorer.add(x, y);
        double[][] second = scorer.add(x, y);
        Set<Thread> after = scoreThreads();
        after.removeAll(before);
        assertEquals(own, after, "the adds run on the scorer's threads, which stay alive until finish()");
        for (int r = 0; r < x.length; r++) {
            assertArrayEquals(first[r], second[r], 0.0);
        }
        assertEquals(2L * x.length, scorer.finish().rows());
        for (Thread t : own) {
            t.join(60_000);
            assertFalse(t.isAlive(), t.getName() + " still runs after finish()");
        }
        assertThrows(IllegalStateException.class, () -> scorer.add(x, y));
        scorer.close(); // idempotent
    }

    /** The live worker threads of scoring calls and scorers. */
    private static Set<Thread> scoreThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("cinn-score-") && t.isAlive()).collect(Collectors.toSet());
    }

    /** Every design row as {target row, sample index, x..., log p}, in the order the sink gets them. */
    static List<double[]> designs(CinnModel model, double[][] targets, int threads) throws CinnException {
        List<double[]> out = new ArrayList<>();
        String caller = Thread.currentThread().getName();
        model.sample(targets, 0, 1000, 1.0, 5L, true, threads, chunk -> {
            assertEquals(caller, Thread.currentThread().getName(), "the sink runs on the caller's thread");
            for (int i = 0; i < chunk.size(); i++) {
                double[] row = new double[2 + chunk.designs()[i].length + 1];
                row[0] = chunk.targetRow()[i];
                row[1] = chunk.sampleIndex()[i];
                System.arraycopy(chunk.designs()[i], 0, row, 2, chunk.designs()[i].length);
                row[row.length - 1] = chunk.logDensity()[i];
                out.add(row);
            }
        }, null);
        return out;
    }

    @Test
    void samplingCancelsOnSeveralThreads() throws Exception {
        CinnModel model = CinnTrainer.train(data, arch(), settings(1).withEpochs(1), null).model();
        AtomicInteger chunks = new AtomicInteger();
        ProgressListener pl = new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelRequested() {
                return chunks.get() >= 3;
            }
        };
        assertThrows(CancelledException.class, () -> model.sample(Arrays.copyOf(data.y(), 10), 0, 100_000, 1.0,
                1L, false, 3, c -> chunks.incrementAndGet(), pl));
        assertEquals(3, chunks.get(), "no chunk reaches the sink after the cancel request");
    }

    @Test
    void workerPoolRunsEveryTaskOnceAndReportsTheLowestFailingTask() throws Exception {
        try (WorkerPool pool = new WorkerPool(3, "test")) {
            int[] hits = new int[50];
            for (int rep = 0; rep < 20; rep++) {
                Arrays.fill(hits, 0);
                pool.run(hits.length, (w, t) -> hits[t]++);
                for (int t = 0; t < hits.length; t++) {
                    assertEquals(1, hits[t], "task " + t);
                }
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(4, (w, t) -> {
                if (t >= 1) {
                    throw new IllegalStateException("task " + t);
                }
            }));
            assertTrue(e.getMessage().startsWith("task "), e.getMessage());
            WorkerPool.TaskException te = assertThrows(WorkerPool.TaskException.class, () -> pool.run(1, (w, t) -> {
                throw new CinnException("checked");
            }));
            assertEquals("checked", te.getCause().getMessage());
            pool.run(2, (w, t) -> hits[t] = 7); // still usable after failures
            assertEquals(7, hits[1]);
        }
    }

    /**
     * Idle workers spin only briefly, then park (an idle pool must not burn a core inside KNIME), and jobs posted
     * back to back (spinning workers) or after a pause (parked workers) all run completely.
     */
    @Test
    void workerPoolParksIdleWorkersAndWakesThemForTheNextJob() throws Exception {
        try (WorkerPool pool = new WorkerPool(3, "parktest")) {
            AtomicInteger done = new AtomicInteger();
            for (int rep = 0; rep < 2000; rep++) { // back to back: workers mostly still spinning
                pool.run(3, (w, t) -> done.incrementAndGet());
            }
            assertEquals(6000, done.get());
            List<Thread> workers = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("cinn-parktest-")) {
                    workers.add(t);
                }
            }
            assertEquals(2, workers.size(), "helper threads of a 3-thread pool");
            for (Thread t : workers) {
                long until = System.nanoTime() + 5_000_000_000L;
                while (t.getState() != Thread.State.WAITING && System.nanoTime() < until) {
                    Thread.sleep(1);
                }
                assertEquals(Thread.State.WAITING, t.getState(), t.getName() + " parked while idle");
            }
            pool.run(30, (w, t) -> done.incrementAndGet()); // wakes the parked workers
            assertEquals(6030, done.get());
        }
    }

    @Test
    void chunkPipelineDeliversInSubmissionOrderWithBoundedChunksInFlight() throws Exception {
        for (int threads : new int[] {1, 2, 4}) {
            List<Integer> got = new ArrayList<>();
            AtomicInteger submitted = new AtomicInteger();
            AtomicInteger delivered = new AtomicInteger();
            AtomicInteger maxUndelivered = new AtomicInteger();
            try (ChunkPipeline<Integer> p = new ChunkPipeline<>(threads, "test", v -> {
                got.add(v);
                delivered.incrementAndGet();
            })) {
                for (int i = 0; i < 40; i++) {
                    int v = i;
                    p.submit(() -> {
                        maxUndelivered.accumulateAndGet(submitted.get() - delivered.get(), Math::max);
                        Thread.sleep((v * 7) % 3);
                        return v;
                    });
                    submitted.incrementAndGet();
                }
                p.finish();
            }
            assertTrue(maxUndelivered.get() <= 2 * threads, threads + " threads: " + maxUndelivered.get()
                    + " chunks in flight");
            List<Integer> want = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                want.add(i);
            }
            assertEquals(want, got, threads + " threads");
        }
    }
}
