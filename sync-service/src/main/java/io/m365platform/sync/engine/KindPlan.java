package io.m365platform.sync.engine;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.cloudevents.PreSerialized;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.entity.EventContext;
import io.m365platform.sync.entity.StoredRow;
import io.m365platform.sync.publish.PublishBatch;
import io.m365platform.sync.run.PageCounts;
import io.m365platform.sync.run.PendingDeletions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a page does to one kind ({@link PagePlanner} makes it): its events, then its rows. */
final class KindPlan<S> {

    final EntityKind<S> kind;
    final EntityStore<S> store;
    final boolean sweeps;
    final List<StoredRow<S>> changed = new ArrayList<>();
    final List<StoredRow<S>> createdRows = new ArrayList<>();
    final List<StoredRow<S>> updatedRows = new ArrayList<>();
    final List<String> unchanged = new ArrayList<>();
    final Map<String, S> orphans = new LinkedHashMap<>();
    final Map<String, DeletionReason> removed = new LinkedHashMap<>();
    final Set<String> upsertedIds = new HashSet<>();

    KindPlan(EntityKind<S> kind, EntityStore<S> store, boolean sweeps) {
        this.kind = kind;
        this.store = store;
        this.sweeps = sweeps;
    }

    /** Hands the events of the created, updated and gone objects to the batch. */
    void publish(PublishBatch batch, EventContext context) {
        // Encoding an event (CloudEvents, schema check) is the costliest step per entity: always on every core
        // (common pool). The state's JSON (made for its hash and row) goes into the event as it is.
        changed.parallelStream().forEach(row -> batch.publish(kind.synced(row.state(), context),
                new PreSerialized(row.state(), row.json())));
        for (S orphan : orphans.values()) {
            batch.publishDeletion(kind.deleted(orphan, DeletionReason.NOT_FOUND, context), kind.topic(),
                    kind.kafkaKey(context.connectionId(), orphan));
        }
    }

    /** Writes the rows (inside the page's transaction) and the pending deletions the page found. */
    void write(Connection c, RunScope run, Instant now, PendingDeletions pending) throws SQLException {
        store.store(c, run.connectionId(), run.runId(), now, createdRows, updatedRows);
        if (sweeps) {
            store.markSeen(c, run.connectionId(), run.runId(), unchanged);
        }
        store.delete(c, run.connectionId(), orphans.keySet());
        if (run.mayHavePending(kind.name())) {
            pending.withdraw(c, run.runId(), kind.name(), upsertedIds);
        }
        if (!removed.isEmpty()) {
            pending.add(c, run.runId(), kind.name(), removed);
            run.pendingAdded(kind.name());
        }
    }

    PageCounts counts() {
        return new PageCounts(0, 0, createdRows.size(), updatedRows.size(), unchanged.size(), orphans.size());
    }
}
