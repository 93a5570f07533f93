package io.m365platform.sync.engine;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.entity.EventContext;
import io.m365platform.sync.publish.PublishBatch;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.PageCounts;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepRepository.PlannedStep;
import io.m365platform.sync.run.StepStatus;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The two maintenance runs, resumable like sync runs (one step per entity kind, the cursor is the last object
 * done):
 * <ul>
 *   <li>REPUBLISH sends every stored entity of a connection again (synced events), for consumers that lost data;</li>
 *   <li>PURGE withdraws everything synced through a deleted connection (deleted events with reason
 *       connection-deleted, tombstones) and empties its rows.</li>
 * </ul>
 */
final class Maintenance {

    private static final int CHUNK = 1000;

    private final EngineContext engine;

    Maintenance(EngineContext engine) {
        this.engine = engine;
    }

    void execute(RunScope scope) {
        List<PlannedStep> plan = new ArrayList<>();
        for (EntityKind<?> kind : engine.catalog().kinds()) {
            plan.add(new PlannedStep(kind.resource(), StepStatus.PENDING, null));
        }
        List<RunStep> steps = engine.steps().planOnce(scope.runId(), plan);
        for (RunStep step : steps) {
            if (step.status().isFinished()) {
                continue;
            }
            for (EntityKind<?> kind : engine.catalog().kinds()) {
                if (kind.resource() == step.resource()) {
                    if (scope.run().mode() == RunMode.REPUBLISH) {
                        republish(scope, kind, step.cursor());
                    } else {
                        purge(scope, kind);
                    }
                }
            }
            engine.steps().setStatus(scope.runId(), step.resource(), StepStatus.COMPLETED, scope.run().mode().wireName(),
                    null);
        }
        if (scope.run().mode() == RunMode.PURGE) {
            engine.jdbc().inTransactionVoid(c -> {
                for (String table : engine.catalog().auxiliaryTables()) {
                    try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where connection_id = ?")) {
                        ps.setString(1, scope.connectionId());
                        ps.executeUpdate();
                    }
                }
                engine.deltaLinks().deleteAll(c, scope.connectionId());
            });
        }
    }

    private <S> void republish(RunScope scope, EntityKind<S> kind, String cursor) {
        EntityStore<S> store = engine.catalog().store(kind);
        String after = cursor;
        while (true) {
            scope.checkNotStopped();
            String from = after;
            List<EntityStore.Stored<S>> chunk = engine.jdbc().withConnection(
                    c -> store.scan(c, scope.connectionId(), from, CHUNK));
            if (chunk.isEmpty()) {
                return;
            }
            EventContext context = scope.eventContext();
            PublishBatch batch = engine.sink().newBatch();
            for (EntityStore.Stored<S> stored : chunk) {
                batch.publish(kind.synced(stored.state(), context));
            }
            batch.await();
            after = chunk.getLast().objectId();
            String reached = after;
            engine.jdbc().inTransactionVoid(c -> {
                if (!engine.runs().holdsLease(c, scope.runId(), scope.owner())) {
                    throw new LeaseLostException(scope.runId());
                }
                engine.steps().checkpoint(c, scope.runId(), kind.resource(), new Checkpoint(null, reached, null));
                engine.steps().addCounts(c, scope.runId(), kind.resource(),
                        new PageCounts(1, chunk.size(), 0, 0, chunk.size(), 0));
            });
        }
    }

    private <S> void purge(RunScope scope, EntityKind<S> kind) {
        EntityStore<S> store = engine.catalog().store(kind);
        while (true) {
            scope.checkNotStopped();
            List<EntityStore.Stored<S>> chunk = engine.jdbc().withConnection(
                    c -> store.scan(c, scope.connectionId(), null, CHUNK));
            if (chunk.isEmpty()) {
                return;
            }
            EventContext context = scope.eventContext();
            PublishBatch batch = engine.sink().newBatch();
            for (EntityStore.Stored<S> stored : chunk) {
                batch.publishDeletion(kind.deleted(stored.state(), DeletionReason.CONNECTION_DELETED, context),
                        kind.topic(), kind.kafkaKey(scope.connectionId(), stored.state()));
            }
            batch.await();
            List<String> ids = chunk.stream().map(EntityStore.Stored::objectId).toList();
            SyncResource resource = kind.resource();
            engine.jdbc().inTransactionVoid(c -> {
                if (!engine.runs().holdsLease(c, scope.runId(), scope.owner())) {
                    throw new LeaseLostException(scope.runId());
                }
                store.delete(c, scope.connectionId(), ids);
                engine.steps().addCounts(c, scope.runId(), resource, new PageCounts(1, 0, 0, 0, 0, ids.size()));
            });
        }
    }
}
