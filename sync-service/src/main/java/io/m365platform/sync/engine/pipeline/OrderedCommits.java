package io.m365platform.sync.engine.pipeline;

import io.m365platform.sync.engine.RunStoppedException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Commits chunks in order, overlapping their work: the next chunk is produced (a Graph page read and parsed) while
 * the current one is prepared (compared, its events sent) and the ones before are still being written — two at once
 * when both write entity rows only (their checkpoints still commit in order). At most four chunks are in memory. A
 * chunk that names an object a write in flight touches (a delta round may repeat an object) is prepared only once
 * that write committed.
 */
public final class OrderedCommits {

    private final PageExecutors executors;

    public OrderedCommits(PageExecutors executors) {
        this.executors = executors;
    }

    public <P extends PageWriter.Prepared> void commit(Chunk first, PageWriter<P> writer) {
        Chunk current = first;
        Writing older = null;
        Writing latest = null;
        while (true) {
            Future<Chunk> ahead = current.next() == null ? null : executors.prefetch().submit(current.next());
            try {
                writer.checkNotStopped();
                if (overlaps(older, current) || overlaps(latest, current)) {
                    older = finish(older);
                    latest = finish(latest);
                }
                P prepared = writer.prepare(current.changes());
                older = finish(older); // at most two writes in flight
                Runnable previous = null;
                if (latest != null && latest.page().writesOnlyEntities() && prepared.writesOnlyEntities()) {
                    Future<?> before = latest.done();
                    previous = () -> join(before);
                    older = latest;
                } else {
                    latest = finish(latest);
                }
                Chunk chunk = current;
                Runnable waitFor = previous;
                latest = new Writing(prepared, executors.writes().submit(
                        () -> writer.write(prepared, chunk.after(), chunk.status(), waitFor)));
            } catch (RuntimeException e) {
                if (ahead != null) {
                    ahead.cancel(true);
                }
                finishQuietly(older, e);
                finishQuietly(latest, e);
                throw e;
            }
            Chunk following;
            try {
                following = ahead == null ? null : join(ahead);
            } catch (RuntimeException e) {
                finishQuietly(older, e);
                finishQuietly(latest, e);
                throw e;
            }
            if (following == null) {
                finish(older);
                finish(latest);
                return;
            }
            current = following;
        }
    }

    private static boolean overlaps(Writing writing, Chunk chunk) {
        return writing != null && writing.page().overlaps(chunk.changes());
    }

    /** A page whose transaction runs (in {@link PageExecutors#writes()}) while the next page is prepared. */
    private record Writing(PageWriter.Prepared page, Future<?> done) {
    }

    /** Waits for the page's transaction; its failure is the run's. Returns null (nothing is being written then). */
    private static Writing finish(Writing writing) {
        if (writing != null) {
            join(writing.done());
        }
        return null;
    }

    /** Waits for the page's transaction after another failure, so that no write outlives the step's reading. */
    private static void finishQuietly(Writing writing, RuntimeException cause) {
        try {
            finish(writing);
        } catch (RuntimeException e) {
            if (e != cause) {
                cause.addSuppressed(e);
            }
        }
    }

    private static <T> T join(Future<T> ahead) {
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException("interrupted while waiting for a page to be read or written");
        }
    }
}
