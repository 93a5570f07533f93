package io.m365platform.sync.engine;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.paging.Page;
import io.m365platform.sync.engine.pipeline.Chunk;
import io.m365platform.sync.engine.pipeline.OrderedCommits;
import io.m365platform.sync.engine.pipeline.PageWriter;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepStatus;

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

    public static final String FULL = "full";
    public static final String DELTA = "delta";

    private final RunScope run;
    private final StepState state;
    private final PageCommitter committer;
    private final OrderedCommits pipeline;
    private final DeletionApplier deletions;
    private final LongConsumer onPage;
    private final Set<EntityKind<?>> swept = new HashSet<>();

    StepScope(RunScope run, RunStep step, List<SyncResource> companions, PageCommitter committer,
              OrderedCommits pipeline, DeletionApplier deletions, LongConsumer onPage) {
        this.run = run;
        this.state = new StepState(run, step, companions);
        this.committer = committer;
        this.pipeline = pipeline;
        this.deletions = deletions;
        this.onPage = onPage;
    }

    public RunScope run() {
        return run;
    }

    public SyncResource resource() {
        return state.resource();
    }

    public StepStatus status() {
        return state.status();
    }

    /** {@link #DELTA} or {@link #FULL} (or another resource-specific word); null before {@link #begin}. */
    public String method() {
        return state.method();
    }

    public Checkpoint checkpoint() {
        return state.checkpoint();
    }

    /** True once every page was read (a resumed step then only applies deletions and completes). */
    public boolean readingFinished() {
        return state.status() == StepStatus.DELETING;
    }

    /** Objects of {@code resource} this run has deleted so far (from its step counters). */
    public long deletedInThisRun(SyncResource other) {
        return state.deletedInThisRun(other);
    }

    /** Marks the step running with a method, unless it already runs (a resumed step keeps its method). */
    public String begin(String wantedMethod) {
        return state.begin(wantedMethod);
    }

    /** Starts reading again from scratch with another method (the delta link expired). */
    public void restart(String newMethod) {
        state.restart(newMethod);
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
        readPhase(firstUrl, headers, mapper, state.checkpoint().cursor(), null);
    }

    /**
     * Reads one collection of a multi-collection resource. While it is read the checkpoint's cursor is
     * {@code phase}; after its last page the cursor becomes {@code nextPhase} (null: reading finished). A resumed
     * step recognises its phase by the cursor.
     */
    public void readPhase(String firstUrl, Map<String, String> headers, ItemMapper mapper, String phase,
                          String nextPhase) {
        Checkpoint checkpoint = state.checkpoint();
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
     * Commits chunks in order, the next one read while the ones before are prepared and written
     * ({@link OrderedCommits}).
     */
    public void commitInOrder(Chunk first) {
        pipeline.commit(first, new PageWriter<PageCommitter.PreparedPage>() {
            @Override
            public PageCommitter.PreparedPage prepare(PageChanges changes) {
                return committer.prepare(StepScope.this, changes);
            }

            @Override
            public void write(PageCommitter.PreparedPage page, Checkpoint after, StepStatus status, Runnable previous) {
                committer.write(page, after, status, previous);
            }

            @Override
            public void checkNotStopped() {
                run.checkNotStopped();
            }
        });
    }

    private Fetched fetch(String url, Map<String, String> headers, ItemMapper mapper) {
        PageChanges changes = new PageChanges();
        Page page = run.graph().collections().readPage(url, headers, item -> map(mapper, item, changes));
        changes.fetched((int) page.items());
        return new Fetched(page, changes);
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
        Checkpoint checkpoint = state.checkpoint();
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
            LOG.warnf("run %s: skipped an invalid %s item: %s", run.runId(), state.resource().wireName(), invalid.getMessage());
        }
    }

    /** Commits changes that did not come from a page read by this scope (a single GET, derived data). */
    public void commit(PageChanges changes, Checkpoint after, StepStatus nextStatus) {
        committer.commit(this, changes, after, nextStatus);
    }

    /** Marks reading finished when the resource was read without {@link #readAll} (single objects, nested reads). */
    public void finishReading() {
        if (state.status() != StepStatus.DELETING) {
            commit(new PageChanges(), new Checkpoint(null, state.checkpoint().cursor(), null), StepStatus.DELETING);
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
        state.complete(message);
    }

    void committed(Checkpoint after, StepStatus nextStatus) {
        state.committed(after, nextStatus);
    }

    void afterPage(long pagesCommitted) {
        onPage.accept(pagesCommitted);
    }

    List<SyncResource> companions() {
        return state.companions();
    }
}
