package org.cinn4knime.engine.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed pool of worker threads owned by one engine call (one training run, one sampling or scoring call); it is
 * never shared between calls, so two KNIME nodes running at once each use their own threads and nothing that one
 * sets can change the other. The caller's thread works as worker 0, so {@code threads} = 1 starts no thread at all.
 *
 * <p>{@link #run(int, Task)} executes tasks 0..n−1, each exactly once, on the workers (dynamic assignment: an idle
 * worker takes the next task) and returns when all are done. Which worker runs a task varies between runs, so a task
 * must write only to places that belong to the task index (never to places that belong to the worker), or to the
 * worker's own scratch objects whose state does not leak into results; then the results do not depend on the
 * thread count.
 *
 * <p>Between jobs a worker, and the caller waiting for a job's end, first spin for at most {@link #SPIN_NANOS}
 * ({@link Thread#onSpinWait()}) and only then park. Training posts three short jobs per batch (shards, gradient sum,
 * optimiser step) a few microseconds apart; parking and waking a thread costs 0.15–0.45 ms on the 2-core build VM
 * (measured 30 Nov 2026), against ≈ 8 ms of work per batch, and the brief spin avoids it. A parked pool costs
 * nothing.
 *
 * <p>Not for concurrent use: one caller thread at a time. Workers are daemon threads named
 * {@code cinn-<name>-<i>}; {@link #close()} ends them.
 */
public final class WorkerPool implements AutoCloseable {
    /** One unit of work. */
    @FunctionalInterface
    public interface Task {
        /**
         * @param worker 0..threads−1, the index of the executing worker (for per-worker scratch such as a network
         *        replica)
         * @param task 0..n−1, the task index
         */
        void run(int worker, int task) throws Exception;
    }

    /** Longest spin of an idle worker, or of the waiting caller, before it parks (50 µs). */
    static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final Thread[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition jobPosted = lock.newCondition();
    private final Condition jobDone = lock.newCondition();
    /** Generation counter of posted jobs; advanced after the job fields are written (publishes them). */
    private volatile long generation;
    private volatile boolean closed;
    /** Current job; written before generation is advanced. */
    private Task job;
    private int jobTasks;
    private final AtomicInteger nextTask = new AtomicInteger();
    /** Helper workers still busy with the current job; reaching 0 is signalled under lock. */
    private final AtomicInteger busy = new AtomicInteger();
    /** Failure with the lowest task index of the current job; guarded by lock. */
    private Throwable failure;
    private int failedTask;

    /**
     * @param threads number of workers including the caller, at least 1
     * @param name part of the worker threads' names
     */
    public WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1, but is " + threads + ".");
        }
        this.threads = threads;
        workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int w = i + 1;
            Thread t = new Thread(() -> loop(w), "cinn-" + name + "-" + w);
            t.setDaemon(true);
            workers[i] = t;
            t.start();
        }
    }

    /** Number of workers, including the caller. */
    public int threads() {
        return threads;
    }

    /**
     * Runs tasks 0..{@code tasks}−1 and waits for all of them. If tasks fail, the exception of the lowest failing
     * task index is thrown (checked exceptions wrapped in {@link TaskException}) after all running tasks ended.
     */
    public void run(int tasks, Task task) throws TaskException {
        if (tasks <= 0) {
            return;
        }
        if (workers.length == 0 || tasks == 1) {
            for (int i = 0; i < tasks; i++) {
                try {
                    task.run(0, i);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new TaskException(e);
                }
            }
            return;
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The worker pool is closed.");
            }
            job = task;
            jobTasks = tasks;
            nextTask.set(0);
            failure = null;
            failedTask = Integer.MAX_VALUE;
            busy.set(workers.length);
            generation++;
            jobPosted.signalAll();
        } finally {
            lock.unlock();
        }
        work(0, task, tasks);
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (busy.get() > 0 && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        lock.lock();
        try {
            while (busy.get() > 0) {
                jobDone.awaitUninterruptibly();
            }
            job = null;
            Throwable f = failure;
            failure = null;
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error er) {
                throw er;
            }
            if (f != null) {
                throw new TaskException((Exception) f);
            }
        } finally {
            lock.unlock();
        }
    }

    private void work(int worker, Task task, int tasks) {
        int i;
        while ((i = nextTask.getAndIncrement()) < tasks) {
            try {
                task.run(worker, i);
            } catch (Throwable e) {
                lock.lock();
                try {
                    if (i < failedTask) {
                        failedTask = i;
                        failure = e;
                    }
                } finally {
                    lock.unlock();
                }
                nextTask.set(tasks); // no new tasks after a failure
            }
        }
    }

    private void loop(int worker) {
        long seen = 0;
        while (true) {
            Task t;
            int n;
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (generation == seen && !closed && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            lock.lock();
            try {
                while (generation == seen && !closed) {
                    jobPosted.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                seen = generation;
                t = job;
                n = jobTasks;
            } finally {
                lock.unlock();
            }
            work(worker, t, n);
            if (busy.decrementAndGet() == 0) {
                lock.lock();
                try {
                    jobDone.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Ends the worker threads (idempotent). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            jobPosted.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A checked exception thrown by a task, wrapped. */
    public static final class TaskException extends Exception {
        private static final long serialVersionUID = 1L;

        TaskException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
