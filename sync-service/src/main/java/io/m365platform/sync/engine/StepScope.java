package io.m365platform.sync.engine;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.paging.Page;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepStatus;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One resource of a claimed run: its checkpoint and status, and the operations a {@link ResourceSync} composes —
 * read pages (each committed with its checkpoint), queue the objects a full reconcile did not see, apply
 * deletions behind the guard, complete (storing the new delta link).
 */
public final class StepScope {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StepScope.class);

    /** Reads the next page of a collection while the current one is committed. */
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "graph-prefetch");
        t.setDaemon(true);
        return t;
    });

    /** Writes a page's transaction while the reading thread prepares the next page. */
    private static final ExecutorService WRITES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "page-write");
        t.setDaemon(true);
        return t;
    });

    public static final String FULL = "full";
    public static final String DELTA = "delta";

    private final RunScope run;
    private final SyncResource resource;
    private final List<SyncResource> companions;
    private final PageCommitter committer;
    private final DeletionApplier deletions;
    private final LongConsumer onPage;
    private final Set<EntityKind<?>> swept = new HashSet<>();
    private StepStatus status;
    private String method;
    private Checkpoint checkpoint;

    StepScope(RunScope run, RunStep step, List<SyncResource> companions, PageCommitter committer,
              DeletionApplier deletions, LongConsumer onPage) {
        this.run = run;
        this.resource = step.resource();
        this.companions = companions;
        this.committer = committer;
        this.deletions = deletions;
        this.onPage = onPage;
        this.status = step.status();
        this.method = step.method();
        this.checkpoint = new Checkpoint(step.nextLink(), step.cursor(), step.newDeltaLink());
    }

    public RunScope run() {
        return run;
    }

    public SyncResource resource() {
        return resource;
    }

    public StepStatus status() {
        return status;
    }

    /** {@link #DELTA} or {@link #FULL} (or another resource-specific word); null before {@link #begin}. */
    public String method() {
        return method;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** True once every page was read (a resumed step then only applies deletions and completes). */
    public boolean readingFinished() {
        return status == StepStatus.DELETING;
    }

    /** Objects of {@code resource} this run has deleted so far (from its step counters). */
    public long deletedInThisRun(SyncResource other) {
        return run.engine().steps().steps(run.runId()).stream().filter(s -> s.resource() == other)
                .mapToLong(io.m365platform.sync.run.RunStep::deleted).sum();
    }

    /** Marks the step running with a method, unless it already runs (a resumed step keeps its method). */
    public String begin(String wantedMethod) {
        if (status == StepStatus.PENDING || method == null) {
            method = wantedMethod;
            status = status == StepStatus.DELETING ? status : StepStatus.RUNNING;
            run.engine().jdbc().inTransactionVoid(c -> {
                run.engine().steps().setStatus(c, run.runId(), resource, status, method, null);
                for (SyncResource companion : companions) {
                    run.engine().steps().setStatus(c, run.runId(), companion, StepStatus.RUNNING, method, null);
                }
            });
        }
        return method;
    }

    /** Starts reading again from scratch with another method (the delta link expired). */
    public void restart(String newMethod) {
        run.engine().jdbc().inTransactionVoid(c -> run.engine().steps().restart(c, run.runId(), resource, newMethod));
        method = newMethod;
        status = StepStatus.RUNNING;
        checkpoint = Checkpoint.START;
    }

    /** Full reconciles mark every object they see of these kinds, so that the unseen ones can be deleted. */
    public StepScope sweep(EntityKind<?>... kinds) {
        swept.addAll(List.of(kinds));
        return this;
    }

    boolean sweeps(EntityKind<?> kind) {
        return swept.contains(kind);
    }

    /**
     * Reads a collection page by page from the checkpoint (or {@code firstUrl}), committing each page with the
     * link of the next; after the last page the step's reading is finished.
     */
    public void readAll(String firstUrl, Map<String, String> headers, ItemMapper mapper) {
        readPhase(firstUrl, headers, mapper, checkpoint.cursor(), null);
    }

    /**
     * Reads one collection of a multi-collection resource. While it is read the checkpoint's cursor is
     * {@code phase}; after its last page the cursor becomes {@code nextPhase} (null: reading finished). A resumed
     * step recognises its phase by the cursor.
     */
    public void readPhase(String firstUrl, Map<String, String> headers, ItemMapper mapper, String phase,
                          String nextPhase) {
        String url = checkpoint.nextLink() != null ? checkpoint.nextLink() : firstUrl;
        run.checkNotStopped();
        commitInOrder(pageChunk(fetch(url, headers, mapper), headers, mapper, phase, nextPhase));
    }

    /** A Graph page as a chunk: its checkpoint names the next page, whose reading is the chunk's {@code next}. */
    private Chunk pageChunk(Fetched fetched, Map<String, String> headers, ItemMapper mapper, String phase,
                            String nextPhase) {
        String next = fetched.page().nextLink().orElse(null);
        boolean last = next == null;
        Checkpoint after = new Checkpoint(next, last ? nextPhase : phase, fetched.page().deltaLink().orElse(null));
        StepStatus status = last && nextPhase == null ? StepStatus.DELETING : StepStatus.RUNNING;
        return new Chunk(fetched.changes(), after, status,
                last ? null : () -> pageChunk(fetch(next, headers, mapper), headers, mapper, phase, nextPhase));
    }

    /**
     * Changes to commit with the checkpoint after them. {@code next} produces the chunk after this one (null: this is
     * the last; a null result: there was no more).
     */
    public record Chunk(PageChanges changes, Checkpoint after, StepStatus status, Callable<Chunk> next) {
    }

    /**
     * Commits chunks in order, overlapping their work: the next chunk is produced (a Graph page read and parsed)
     * while the current one is compared and published and the ones before are still being written — two at once
     * when both write entity rows only ({@link PageCommitter#write}: their checkpoints still commit in order). At
     * most four chunks are in memory. A chunk that names an object a write in flight touches (a delta round may
     * repeat an object) is prepared only once that write committed.
     */
    public void commitInOrder(Chunk first) {
        Chunk current = first;
        Writing older = null;
        Writing latest = null;
        while (true) {
            Future<Chunk> ahead = current.next() == null ? null : PREFETCH.submit(current.next());
            try {
                run.checkNotStopped();
                if (overlaps(older, current) || overlaps(latest, current)) {
                    older = finish(older);
                    latest = finish(latest);
                }
                PageCommitter.PreparedPage prepared = committer.prepare(this, current.changes());
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
                latest = new Writing(prepared, WRITES.submit(
                        () -> committer.write(prepared, chunk.after(), chunk.status(), waitFor)));
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

    /** A page whose transaction runs (in {@link #WRITES}) while the next page is prepared. */
    private record Writing(PageCommitter.PreparedPage page, Future<?> done) {
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

    private Fetched fetch(String url, Map<String, String> headers, ItemMapper mapper) {
        PageChanges changes = new PageChanges();
        Page page = run.graph().collections().readPage(url, headers, item -> map(mapper, item, changes));
        changes.fetched((int) page.items());
        return new Fetched(page, changes);
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

    private record Fetched(Page page, PageChanges changes) {
    }

    /**
     * Reads the complete child list of one owner (which may span pages); after its last page the owner's stored
     * children this run did not see are deleted. The checkpoint's cursor names the owner, so a resumed step
     * continues inside it.
     */
    public void readChildren(String parentId, String firstUrl, Map<String, String> headers, EntityKind<?> childKind,
                             ItemMapper mapper) {
        String url = parentId.equals(checkpoint.cursor()) && checkpoint.nextLink() != null
                ? checkpoint.nextLink() : firstUrl;
        while (true) {
            run.checkNotStopped();
            PageChanges changes = new PageChanges();
            Page page = run.graph().collections().readPage(url, headers, item -> map(mapper, item, changes));
            changes.fetched((int) page.items());
            String next = page.nextLink().orElse(null);
            if (next == null) {
                changes.sweepChildren(childKind, parentId);
            }
            commit(changes, new Checkpoint(next, parentId, null), StepStatus.RUNNING);
            if (next == null) {
                return;
            }
            url = next;
        }
    }

    private void map(ItemMapper mapper, com.fasterxml.jackson.databind.JsonNode item, PageChanges changes) {
        try {
            mapper.onItem(item, changes);
        } catch (IllegalArgumentException invalid) {
            // One object Graph describes incompletely must not stop the resource: skip it, and say so.
            LOG.warnf("run %s: skipped an invalid %s item: %s", run.runId(), resource.wireName(), invalid.getMessage());
        }
    }

    /** Commits changes that did not come from a page read by this scope (a single GET, derived data). */
    public void commit(PageChanges changes, Checkpoint after, StepStatus nextStatus) {
        committer.commit(this, changes, after, nextStatus);
    }

    /** Marks reading finished when the resource was read without {@link #readAll} (single objects, nested reads). */
    public void finishReading() {
        if (status != StepStatus.DELETING) {
            commit(new PageChanges(), new Checkpoint(null, checkpoint.cursor(), null), StepStatus.DELETING);
        }
    }

    /** Queues the stored objects of {@code kind} this full reconcile did not see as pending deletions. */
    public void queueUnseen(EntityKind<?> kind) {
        EntityStore<?> store = run.engine().catalog().store(kind);
        run.engine().jdbc().inTransactionVoid(c -> store.queueUnseen(c, run.connectionId(), run.runId(),
                io.m365platform.contracts.DeletionReason.NOT_FOUND.wireName()));
    }

    /** Applies the pending deletions of {@code kind}; {@code guarded} kinds go through the mass-deletion guard. */
    public void applyDeletions(EntityKind<?> kind, boolean guarded) {
        deletions.apply(this, kind, guarded);
    }

    /** Completes the step: stores the delta link its round ended with, marks it (and its companions) completed. */
    public void complete(String message) {
        Instant now = run.engine().clock().instant();
        run.engine().jdbc().inTransactionVoid(c -> {
            if (!run.engine().runs().holdsLease(c, run.runId(), run.owner())) {
                throw new LeaseLostException(run.runId());
            }
            if (checkpoint.newDeltaLink() != null) {
                run.engine().deltaLinks().put(c, run.connectionId(), resource, checkpoint.newDeltaLink(), now);
            }
            run.engine().steps().setStatus(c, run.runId(), resource, StepStatus.COMPLETED, null, message);
            for (SyncResource companion : companions) {
                run.engine().steps().setStatus(c, run.runId(), companion, StepStatus.COMPLETED, null, message);
            }
        });
        status = StepStatus.COMPLETED;
    }

    void committed(Checkpoint after, StepStatus nextStatus) {
        String deltaLink = after.newDeltaLink() != null ? after.newDeltaLink() : checkpoint.newDeltaLink();
        checkpoint = new Checkpoint(after.nextLink(), after.cursor(), deltaLink);
        status = nextStatus;
    }

    void afterPage(long pagesCommitted) {
        onPage.accept(pagesCommitted);
    }

    List<SyncResource> companions() {
        return companions;
    }
}
