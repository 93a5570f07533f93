package io.m365platform.sync.engine;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.entity.EventContext;
import io.m365platform.sync.publish.PublishBatch;
import io.m365platform.sync.run.PageCounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a run's pending deletions of one kind in chunks: for each object a deleted event and a tombstone (and the
 * same for its dependents, e.g. a deleted user's license assignments), published before the rows go. Guarded kinds
 * first pass the mass-deletion guard.
 */
public final class DeletionApplier {

    private final EngineContext engine;

    public DeletionApplier(EngineContext engine) {
        this.engine = engine;
    }

    public <S> void apply(StepScope step, EntityKind<S> kind, boolean guarded) {
        RunScope run = step.run();
        EntityStore<S> store = engine.catalog().store(kind);
        if (guarded && !run.run().deletionsConfirmed(kind.resource())) {
            guard(run, store);
        }
        while (true) {
            run.checkNotStopped();
            Map<String, DeletionReason> next = engine.pending().next(run.runId(), kind.name(),
                    engine.settings().deletionChunk());
            if (next.isEmpty()) {
                return;
            }
            applyChunk(run, store, next);
        }
    }

    private <S> void guard(RunScope run, EntityStore<S> store) {
        long[] counts = engine.jdbc().withConnection(c -> new long[] {
                store.countPendingStored(c, run.connectionId(), run.runId()),
                store.count(c, run.connectionId())});
        long pending = counts[0];
        long current = counts[1];
        double threshold = engine.settings().maxDeletionShare();
        if (pending >= engine.settings().minGuardedDeletions() && pending > threshold * current) {
            throw new RunHeldException(store.kind().resource(), pending, current, threshold);
        }
    }

    private <S> void applyChunk(RunScope run, EntityStore<S> store, Map<String, DeletionReason> chunk) {
        EntityKind<S> kind = store.kind();
        EventContext context = run.eventContext();
        List<Doomed<?>> doomed = new ArrayList<>();
        Map<String, S> states = engine.jdbc().withConnection(c -> {
            Map<String, S> found = store.load(c, run.connectionId(), chunk.keySet());
            collectDependents(c, run, kind, found.keySet(), doomed);
            return found;
        });

        PublishBatch batch = engine.sink().newBatch();
        for (Map.Entry<String, S> e : states.entrySet()) {
            batch.publishDeletion(kind.deleted(e.getValue(), chunk.get(e.getKey()), context), kind.topic(),
                    kind.kafkaKey(run.connectionId(), e.getValue()));
        }
        for (Doomed<?> d : doomed) {
            d.publish(batch, context);
        }

        engine.jdbc().inPageTransaction(c -> {
            if (!engine.runs().holdsLease(c, run.runId(), run.owner())) {
                throw new LeaseLostException(run.runId());
            }
            store.delete(c, run.connectionId(), states.keySet());
            for (EntityCatalog.DeletionHook hook : engine.catalog().hooksOf(kind)) {
                hook.onDeleted(c, run.connectionId(), states.keySet());
            }
            Map<SyncResource, PageCounts> counts = new LinkedHashMap<>();
            counts.merge(kind.resource(), deletedCount(states.size()), PageCounts::plus);
            for (Doomed<?> d : doomed) {
                d.delete(c, run.connectionId());
                counts.merge(d.store.kind().resource(), deletedCount(d.states.size()), PageCounts::plus);
            }
            engine.pending().withdraw(c, run.runId(), kind.name(), chunk.keySet());
            for (Map.Entry<SyncResource, PageCounts> e : counts.entrySet()) {
                engine.steps().addCounts(c, run.runId(), e.getKey(), e.getValue());
            }
            batch.await();
            return null;
        });
    }

    /** Children of the deleted objects, recursively (a team's channels and members). */
    private void collectDependents(Connection c, RunScope run, EntityKind<?> kind, java.util.Collection<String> ids,
                                   List<Doomed<?>> out) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (EntityCatalog.Dependent dependent : engine.catalog().dependentsOf(kind)) {
            Doomed<?> d = load(c, run, dependent, ids);
            out.add(d);
            collectDependents(c, run, dependent.kind(), d.states.keySet(), out);
        }
    }

    private Doomed<?> load(Connection c, RunScope run, EntityCatalog.Dependent dependent,
                           java.util.Collection<String> ids) throws SQLException {
        return doomed(c, run, engine.catalog().store(dependent.kind()), dependent.column(), ids);
    }

    private static <C> Doomed<C> doomed(Connection c, RunScope run, EntityStore<C> store, String column,
                                        java.util.Collection<String> ids) throws SQLException {
        return new Doomed<>(store, store.loadReferencing(c, run.connectionId(), column, ids));
    }

    private static PageCounts deletedCount(long n) {
        return new PageCounts(0, 0, 0, 0, 0, n);
    }

    /** Dependents deleted together with their owner. */
    private record Doomed<C>(EntityStore<C> store, Map<String, C> states) {

        void publish(PublishBatch batch, EventContext context) {
            EntityKind<C> kind = store.kind();
            for (C state : states.values()) {
                batch.publishDeletion(kind.deleted(state, DeletionReason.NOT_FOUND, context), kind.topic(),
                        kind.kafkaKey(context.connectionId(), state));
            }
        }

        void delete(Connection c, String connectionId) throws SQLException {
            store.delete(c, connectionId, states.keySet());
        }
    }
}
