package io.m365platform.sync.engine;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.cloudevents.PreSerialized;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.sync.entity.ContentHash;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.entity.EventContext;
import io.m365platform.sync.entity.StoredRow;
import io.m365platform.sync.publish.PublishBatch;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.PageCounts;
import io.m365platform.sync.run.StepStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commits one page: detects what changed (content hashes), publishes the events of the changes and waits for the
 * broker's acknowledgement, then writes rows and the checkpoint in one transaction. Publishing first means a crash
 * can repeat a page's events, never lose them; the transaction means rows and checkpoint never disagree.
 */
public final class PageCommitter {

    private final EngineContext engine;
    private final ObjectWriter writer;

    public PageCommitter(EngineContext engine) {
        this.engine = engine;
        this.writer = engine.catalog().mapper().writer();
    }

    /**
     * Commits a page: {@link #prepare} then {@link #write}.
     *
     * @param nextStatus the step's status after this page (RUNNING; DELETING after the last page), in the same
     *                   transaction as the checkpoint
     */
    public void commit(StepScope step, PageChanges changes, Checkpoint checkpoint, StepStatus nextStatus) {
        write(prepare(step, changes), checkpoint, nextStatus, null);
    }

    /**
     * The first half of a commit: finds what changed (stored hashes) and hands the events of the changes to the
     * producer. Reads only rows of the objects the page names; {@link PreparedPage#overlaps} tells whether the
     * page before may still be writing any of them.
     */
    public PreparedPage prepare(StepScope step, PageChanges changes) {
        RunScope run = step.run();
        EventContext context = run.eventContext();
        List<KindPlan<?>> plans = engine.jdbc().withConnection(c -> {
            List<KindPlan<?>> out = new ArrayList<>();
            for (Map.Entry<EntityKind<?>, PageChanges.KindChanges<?>> e : changes.byKind().entrySet()) {
                out.add(plan(c, step, e.getKey(), e.getValue()));
            }
            return out;
        });
        // The records travel while the rows are written; the transaction commits only once Kafka acknowledged
        // every record (an unacknowledged batch rolls the page back: it is read again).
        PublishBatch batch = engine.sink().newBatch();
        for (KindPlan<?> plan : plans) {
            plan.publish(batch, context);
        }
        return new PreparedPage(step, changes, plans, batch, run.takeGraphTraffic());
    }

    /**
     * The second half: rows, checkpoint and counters in one transaction, which commits once Kafka acknowledged the
     * page's records; then the step moves on. Checkpoints commit in page order: with {@code previous} (the write of
     * the page before, still running) this page's rows are written alongside it, but its checkpoint only after that
     * page committed — and not at all if it failed. Only pages that write entity rows alone (no {@link
     * PageChanges#writes() SQL of their own}) and name none of each other's objects may overlap so: their rows are
     * disjoint, so neither transaction waits for a lock the other holds.
     *
     * @param previous waits for the page before and throws if it failed; null: that page is already written
     */
    public void write(PreparedPage page, Checkpoint checkpoint, StepStatus nextStatus, Runnable previous) {
        StepScope step = page.step;
        RunScope run = step.run();
        engine.jdbc().inPageTransaction(c -> {
            if (previous == null && !engine.runs().holdsLease(c, run.runId(), run.owner())) {
                throw new LeaseLostException(run.runId());
            }
            Map<SyncResource, PageCounts> counts = new EnumMap<>(SyncResource.class);
            for (KindPlan<?> plan : page.plans) {
                plan.write(c, step);
                counts.merge(plan.kind.resource(), plan.counts(), PageCounts::plus);
            }
            if (previous != null) {
                previous.run();
                // The lease row's lock (held to the commit) fences this page as it did the one before.
                if (!engine.runs().holdsLease(c, run.runId(), run.owner())) {
                    throw new LeaseLostException(run.runId());
                }
            }
            for (PageChanges.SqlWrite write : page.changes.writes()) {
                write.apply(c);
            }
            counts.merge(step.resource(), new PageCounts(1, page.changes.fetched(), 0, 0, 0, 0), PageCounts::plus);
            engine.steps().checkpoint(c, run.runId(), step.resource(), checkpoint);
            for (Map.Entry<SyncResource, PageCounts> e : counts.entrySet()) {
                engine.steps().addCounts(c, run.runId(), e.getKey(), e.getValue());
            }
            if (nextStatus != step.status()) {
                engine.steps().setStatus(c, run.runId(), step.resource(), nextStatus, null, null);
            }
            engine.runs().addCounters(c, run.runId(), page.traffic.requests(),
                    page.traffic.throttled() + page.traffic.unavailable(), 1);
            page.batch.await();
            return null;
        });
        for (KindPlan<?> plan : page.plans) {
            if (engine.jdbc().statistics().wrote(plan.kind.table(), run.connectionId(), plan.changed.size())) {
                engine.jdbc().statistics().analyzeKeys(engine.jdbc(), plan.kind.table(), "connection_id", "object_id",
                        "parent_id");
            }
        }
        step.committed(checkpoint, nextStatus);
        step.afterPage(run.pageCommitted());
    }

    /** A page whose changes are known and whose events are on their way; its transaction is still to come. */
    public static final class PreparedPage {
        private final StepScope step;
        private final PageChanges changes;
        private final List<KindPlan<?>> plans;
        private final PublishBatch batch;
        private final GraphCallStats.Snapshot traffic;
        private final PageFootprint footprint;

        PreparedPage(StepScope step, PageChanges changes, List<KindPlan<?>> plans, PublishBatch batch,
                     GraphCallStats.Snapshot traffic) {
            this.step = step;
            this.changes = changes;
            this.plans = plans;
            this.batch = batch;
            this.traffic = traffic;
            this.footprint = PageFootprint.of(changes);
            for (KindPlan<?> plan : plans) {
                footprint.alsoWrites(plan.kind, plan.orphans.keySet());
            }
        }

        /**
         * Whether {@code next} names an object (or an owner of children) this page writes: then {@code next} must
         * be prepared only after this page committed, or it would compare against rows about to change.
         */
        public boolean overlaps(PageChanges next) {
            return footprint.overlaps(next);
        }

        /** Whether the page writes only entity rows (no SQL of its own): it may be written alongside another such. */
        public boolean writesOnlyEntities() {
            return changes.writes().isEmpty();
        }
    }

    private <S> KindPlan<S> plan(Connection c, StepScope step, EntityKind<S> kind, PageChanges.KindChanges<?> raw)
            throws SQLException {
        @SuppressWarnings("unchecked")
        PageChanges.KindChanges<S> changes = (PageChanges.KindChanges<S>) raw;
        RunScope run = step.run();
        EntityStore<S> store = engine.catalog().store(kind);
        KindPlan<S> plan = new KindPlan<>(kind, store, step.sweeps(kind));
        // A first sync (no row of the kind was stored when the run began) looks up only what it may have written.
        FreshTable fresh = run.freshTable(c, kind.table());
        java.util.function.Predicate<String> mayBeStored = fresh == null ? id -> true : fresh::mayBeStored;
        Map<String, byte[]> stored;
        Set<String> gone = Set.of();
        if (changes.replacedParents().isEmpty()) {
            Set<String> lookUp = new HashSet<>();
            for (String id : changes.upserts().keySet()) {
                if (!changes.knownNew().contains(id) && mayBeStored.test(id)) {
                    lookUp.add(id);
                }
            }
            stored = store.hashes(c, run.connectionId(), lookUp);
        } else {
            // One look-up by owner finds the stored children's hashes and, by difference, the children that are gone.
            Set<String> owners = new HashSet<>();
            for (String parentId : changes.replacedParents()) {
                if (fresh == null || fresh.mayHaveChildren(parentId)) {
                    owners.add(parentId);
                }
            }
            stored = store.childHashes(c, run.connectionId(), owners);
            gone = new HashSet<>(stored.keySet());
            gone.removeAll(changes.upserts().keySet());
            List<String> elsewhere = changes.upserts().entrySet().stream()
                    .filter(e -> !owners.contains(kind.parentId(e.getValue())) && mayBeStored.test(e.getKey()))
                    .map(Map.Entry::getKey).toList();
            if (!elsewhere.isEmpty()) {
                stored.putAll(store.hashes(c, run.connectionId(), elsewhere));
            }
        }
        Map<String, S> mergeBase = changes.merges().isEmpty() ? Map.of()
                : store.load(c, run.connectionId(), changes.merges().keySet().stream().filter(mayBeStored).toList());
        java.util.function.BiFunction<String, S, S> completing = changes.completion() == null ? null
                : changes.completion().prepare(c, changes.upserts().keySet());
        // Serialising and hashing is pure CPU: spread over the cores for page-sized sets.
        List<StoredRow<S>> rows = parallel(changes.upserts().entrySet().stream()).map(e -> {
            S state = e.getValue();
            S base = mergeBase.get(e.getKey());
            if (base != null) {
                state = changes.merges().get(e.getKey()).apply(state, base);
            }
            if (completing != null) {
                state = completing.apply(e.getKey(), state);
            }
            byte[] json = json(state);
            return new StoredRow<>(e.getKey(), kind.parentId(state), state, json, ContentHash.of(json));
        }).toList();
        for (StoredRow<S> row : rows) {
            byte[] old = stored.get(row.objectId());
            if (old == null) {
                plan.createdRows.add(row);
            } else if (!Arrays.equals(old, row.hash())) {
                plan.updatedRows.add(row);
            } else {
                plan.unchanged.add(row.objectId());
                continue;
            }
            plan.changed.add(row);
            if (fresh != null) {
                if (changes.knownNew().contains(row.objectId())) {
                    fresh.writingUntracked(); // no look-up needed them; no memory spent on them
                } else {
                    fresh.writing(row.objectId(), row.parentId());
                }
            }
        }
        // The states of the children that are gone (few) are loaded for their deleted events.
        plan.orphans.putAll(store.load(c, run.connectionId(), gone));
        for (String parentId : changes.sweptParents()) {
            if (fresh != null && !fresh.mayHaveChildren(parentId)) {
                continue;
            }
            plan.orphans.putAll(store.unseenChildren(c, run.connectionId(), run.runId(), parentId,
                    changes.upserts().keySet()));
        }
        if (!changes.deletedNow().isEmpty()) {
            plan.orphans.putAll(store.load(c, run.connectionId(), changes.deletedNow()));
        }
        plan.removed.putAll(changes.removed());
        plan.upsertedIds.addAll(changes.upserts().keySet());
        return plan;
    }

    /** Page-sized work in parallel (common pool), small sets in the calling thread. */
    private static <T> java.util.stream.Stream<T> parallel(java.util.stream.Stream<T> stream) {
        return stream.parallel();
    }

    private byte[] json(Object state) {
        try {
            return writer.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise " + state.getClass().getSimpleName(), e);
        }
    }

    /** What a page does to one kind. */
    private final class KindPlan<S> {
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

        void publish(PublishBatch batch, EventContext context) {
            // Encoding an event (CloudEvents, schema check) is the costliest step per entity: use every core.
            // The state's JSON (made for its hash and row) goes into the event as it is, not serialised again.
            parallel(changed.stream()).forEach(row -> batch.publish(kind.synced(row.state(), context),
                    new PreSerialized(row.state(), row.json())));
            for (S orphan : orphans.values()) {
                batch.publishDeletion(kind.deleted(orphan, DeletionReason.NOT_FOUND, context), kind.topic(),
                        kind.kafkaKey(context.connectionId(), orphan));
            }
        }

        void write(Connection c, StepScope step) throws SQLException {
            RunScope run = step.run();
            store.store(c, run.connectionId(), run.runId(), engine.clock().instant(), createdRows, updatedRows);
            if (sweeps) {
                store.markSeen(c, run.connectionId(), run.runId(), unchanged);
            }
            store.delete(c, run.connectionId(), orphans.keySet());
            if (run.mayHavePending(kind.name())) {
                engine.pending().withdraw(c, run.runId(), kind.name(), upsertedIds);
            }
            if (!removed.isEmpty()) {
                engine.pending().add(c, run.runId(), kind.name(), removed);
                run.pendingAdded(kind.name());
            }
        }

        PageCounts counts() {
            return new PageCounts(0, 0, createdRows.size(), updatedRows.size(), unchanged.size(), orphans.size());
        }
    }
}
