package org.cinn4knime.engine.parallel;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes chunks on worker threads of its own and hands the results to a consumer on the caller's thread in
 * submission order, with at most {@code 2 × threads} chunks in flight (so memory stays flat however long the stream
 * is). The output is therefore exactly what one thread computing the chunks one after another would produce,
 * provided every chunk's computation depends only on the chunk's own input.
 *
 * <p>With {@code threads} = 1 no thread is started: {@link #submit} computes and delivers at once. The pool belongs
 * to one engine call; {@link #close()} ends its threads (and abandons undelivered chunks after a failure or
 * cancellation).
 *
 * @param <R> the result of one chunk
 */
public final class ChunkPipeline<R> implements AutoCloseable {
    /** Receives results in submission order, on the caller's thread. */
    @FunctionalInterface
    public interface Consumer<R> {
        void accept(R result) throws Exception;
    }

    private final int threads;
    private final int maxInFlight;
    private final ExecutorService executor;
    private final Consumer<R> consumer;
    private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();

    /**
     * @param threads worker threads (≥ 1)
     * @param name part of the worker threads' names ({@code cinn-<name>-<i>})
     * @param consumer gets every result, in submission order
     */
    public ChunkPipeline(int threads, String name, Consumer<R> consumer) {
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1, but is " + threads + ".");
        }
        this.threads = threads;
        this.maxInFlight = 2 * threads;
        this.consumer = consumer;
        if (threads == 1) {
            executor = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "cinn-" + name + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Submits the next chunk. When {@code 2 × threads} chunks are already in flight, first waits for the oldest
     * and delivers it. Exceptions of the work or the consumer are rethrown here (unwrapped where possible).
     */
    public void submit(Callable<R> work) throws Exception {
        if (executor == null) {
            consumer.accept(work.call());
            return;
        }
        while (inFlight.size() >= maxInFlight) {
            deliverOldest();
        }
        inFlight.addLast(executor.submit(work));
    }

    /** Waits for and delivers every chunk still in flight. */
    public void finish() throws Exception {
        while (!inFlight.isEmpty()) {
            deliverOldest();
        }
    }

    private void deliverOldest() throws Exception {
        Future<R> f = inFlight.pollFirst();
        R r;
        try {
            r = f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw e;
        }
        consumer.accept(r);
    }

    /** Cancels undelivered chunks and ends the threads (idempotent). */
    @Override
    public void close() {
        if (executor != null) {
            for (Future<R> f : inFlight) {
                f.cancel(false);
            }
            inFlight.clear();
            executor.shutdown();
        }
    }
}
