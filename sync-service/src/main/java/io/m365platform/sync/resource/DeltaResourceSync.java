package io.m365platform.sync.resource;

import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.ResourceSync;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.run.DeltaLinks;
import io.m365platform.sync.run.RunMode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A resource read with a Graph delta query (users, groups). A full run, a missing or too old delta link, or Graph
 * saying the delta token expired ({@code syncStateNotFound}, {@code resyncRequired}) starts a new round from
 * scratch ("full": every object is marked seen and the unseen ones are deleted); otherwise the stored delta link
 * returns only the changes ("delta"). Both end in the same state. The round's new delta link is stored only when
 * the step completed, so an interrupted round is resumed from its checkpoint, not skipped.
 */
public abstract class DeltaResourceSync implements ResourceSync {

    /** The entity kind the delta query returns. */
    protected abstract EntityKind<?> kind();

    /** The first request of a new round, e.g. {@code /users/delta?$select=...}. */
    protected abstract String firstRequest();

    /** Maps items; {@code full} tells whether this round reads everything. */
    protected abstract ItemMapper mapper(StepScope step, boolean full);

    /** Kinds whose unseen objects a full round deletes (the kind itself, raw edges...). */
    protected void declareSweeps(StepScope step) {
        step.sweep(kind());
    }

    /**
     * Before the round's pages are read (and when a resumed step has not finished reading): data the round's items
     * are completed with, e.g. users' sign-in activity. Idempotent (may run again on resume).
     */
    protected void beforeReading(StepScope step) {
    }

    /** After all pages were read: e.g. sweep raw edges of a full round. Idempotent (may run again on resume). */
    protected void afterReading(StepScope step, boolean full) {
    }

    /** After deletions were applied: derived data (transitive memberships). Idempotent. */
    protected void beforeCompletion(StepScope step) {
    }

    /**
     * The most items a page of this resource should hold: a page, two while the next is read ahead and the one
     * before is written, is what a run keeps in memory.
     */
    protected int maxPageSize() {
        return 999;
    }

    /** Whether the mass-deletion guard applies to this kind's deletions. */
    protected boolean guarded() {
        return true;
    }

    @Override
    public boolean appliesTo(RunMode mode, io.m365platform.sync.connection.KnownConnection connection) {
        return mode.isSync();
    }

    @Override
    public void sync(StepScope step) {
        var run = step.run();
        DeltaLinks links = run.engine().deltaLinks();
        Optional<DeltaLinks.DeltaLink> stored = links.find(run.connectionId(), resource());
        String method = step.begin(chooseMethod(step, stored));
        boolean full = StepScope.FULL.equals(method);
        if (full) {
            declareSweeps(step);
        }
        Map<String, String> headers = Map.of("Prefer", "odata.maxpagesize="
                + Math.min(run.engine().settings().graphPageSize(), maxPageSize()));
        if (!step.readingFinished()) {
            beforeReading(step);
            String first = full ? firstRequest() : stored.orElseThrow().link();
            try {
                step.readAll(first, headers, mapper(step, full));
            } catch (GraphRequestException e) {
                if (full || !e.isDeltaTokenExpired()) {
                    throw e;
                }
                // Graph forgot our delta state: read everything again, which also finds what was deleted meanwhile.
                step.restart(StepScope.FULL);
                full = true;
                declareSweeps(step);
                step.readAll(firstRequest(), headers, mapper(step, true));
            }
        }
        afterReading(step, full);
        if (full) {
            step.queueUnseen(kind());
        }
        step.applyDeletions(kind(), guarded());
        beforeCompletion(step);
        step.complete(full ? "full round" : "delta round");
    }

    private String chooseMethod(StepScope step, Optional<DeltaLinks.DeltaLink> stored) {
        var run = step.run();
        if (run.run().mode() == RunMode.FULL || stored.isEmpty()) {
            return StepScope.FULL;
        }
        Duration age = Duration.between(stored.get().obtainedAt(), run.engine().clock().instant());
        return age.compareTo(run.engine().settings().deltaMaxAge()) > 0 ? StepScope.FULL : StepScope.DELTA;
    }
}
