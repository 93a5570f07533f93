package io.m365platform.sync.engine.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The threads of the page pipeline, owned by whoever builds the engine (the application: config/SyncBeans; a test or
 * the benchmark: itself) and closed with it. Both pools grow with the runs in flight (one reader and at most two
 * writers per run) and let idle threads go after a minute.
 */
public final class PageExecutors implements AutoCloseable {

    private final ExecutorService prefetch = Executors.newCachedThreadPool(named("graph-prefetch"));
    private final ExecutorService writes = Executors.newCachedThreadPool(named("page-write"));

    /** Reads the next page of a collection while the current one is committed. */
    ExecutorService prefetch() {
        return prefetch;
    }

    /** Writes a page's transaction while the reading thread prepares the next page. */
    ExecutorService writes() {
        return writes;
    }

    /** Lets the pages being read or written finish (up to 30 s; then they are interrupted) and stops the threads. */
    @Override
    public void close() {
        prefetch.shutdown();
        writes.shutdown();
        try {
            if (!writes.awaitTermination(30, TimeUnit.SECONDS) || !prefetch.awaitTermination(5, TimeUnit.SECONDS)) {
                writes.shutdownNow();
                prefetch.shutdownNow();
            }
        } catch (InterruptedException e) {
            writes.shutdownNow();
            prefetch.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
