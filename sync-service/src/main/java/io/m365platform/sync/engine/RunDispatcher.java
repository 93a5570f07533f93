package io.m365platform.sync.engine;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's run workers: at most {@code maxConcurrentRuns} runs at a time. Runs arrive from this instance's
 * Kafka partitions and REST calls ({@link #dispatch}) and from the periodic look for runs any instance may take —
 * queued, paused and due, or abandoned by a crashed instance ({@link #takeOver}).
 */
public final class RunDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunDispatcher.class);

    private final SyncEngine engine;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final Map<UUID, RunScope> running = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> submitted = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RunDispatcher(SyncEngine engine) {
        this.engine = engine;
        int max = engine.context().settings().maxConcurrentRuns();
        this.slots = new Semaphore(max);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(max, r -> {
            Thread t = new Thread(r, "sync-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Executes the run here if a worker is free; otherwise it waits for {@link #takeOver} (here or elsewhere). */
    public boolean dispatch(UUID runId) {
        if (closed || submitted.putIfAbsent(runId, Boolean.TRUE) != null) {
            return false;
        }
        if (!slots.tryAcquire()) {
            submitted.remove(runId);
            return false;
        }
        workers.execute(() -> {
            try {
                engine.execute(runId, scope -> running.put(runId, scope));
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %s ended with an unexpected error", runId);
            } finally {
                running.remove(runId);
                submitted.remove(runId);
                slots.release();
            }
        });
        return true;
    }

    /** Takes runs any instance may execute now, as many as there are free workers. Returns how many. */
    public int takeOver() {
        if (closed) {
            return 0;
        }
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<UUID> candidates = engine.context().runs().claimable(free * 2);
        int started = 0;
        for (UUID id : candidates) {
            if (started == free) {
                break;
            }
            if (dispatch(id)) {
                started++;
            }
        }
        return started;
    }

    /** Asks a run executing here to stop at its next page (cancelled, connection deleted). */
    public boolean stop(UUID runId, String reason) {
        RunScope scope = running.get(runId);
        if (scope == null) {
            return false;
        }
        scope.requestStop(reason);
        return true;
    }

    public int runningCount() {
        return running.size();
    }

    public boolean isRunningHere(UUID runId) {
        return running.containsKey(runId);
    }

    /**
     * Stops this instance's runs at their next page and hands them over: leases are released, so another instance
     * resumes them from their checkpoints right away.
     */
    @Override
    public void close() {
        closed = true;
        running.values().forEach(s -> s.requestStop("instance shutting down", true));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    /**
     * Simulates a crash (tests): workers are interrupted, nothing is released, leases expire on their own and
     * another instance takes the runs over from their checkpoints.
     */
    public void crash() {
        closed = true;
        running.values().forEach(s -> s.requestStop("instance crashed"));
        workers.shutdownNow();
    }
}
