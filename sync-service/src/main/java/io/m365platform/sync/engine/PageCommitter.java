package io.m365platform.sync.engine;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.engine.pipeline.PageFootprint;
import io.m365platform.sync.engine.pipeline.PageWriter;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.entity.EventContext;
import io.m365platform.sync.publish.EventSink;
import io.m365platform.sync.publish.PublishBatch;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.PageCounts;
import io.m365platform.sync.run.PendingDeletions;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.run.StepStatus;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Commits one page: {@link #prepare} finds what changed ({@link PagePlanner}) and sends the events of the changes;
 * {@link #write} writes rows and the checkpoint in one transaction that commits only once the broker acknowledged
 * those events. A crash can repeat a page's events, never lose them; rows and checkpoint never disagree.
 */
public final class PageCommitter {

    private final Jdbc jdbc;
    private final RunRepository runs;
    private final StepRepository steps;
    private final PendingDeletions pending;
    private final EventSink sink;
    private final Clock clock;
    private final PagePlanner planner;

    PageCommitter(Jdbc jdbc, RunRepository runs, StepRepository steps, PendingDeletions pending, EventSink sink,
                  Clock clock, EntityCatalog catalog) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.steps = steps;
        this.pending = pending;
        this.sink = sink;
        this.clock = clock;
        this.planner = new PagePlanner(catalog);
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
     * The first half (read → plan → publish): compares the page with the stored rows of the objects it names and
     * hands the events of the changes to the producer. Writes nothing.
     */
    public PreparedPage prepare(StepScope step, PageChanges changes) {
        RunScope run = step.run();
        EventContext context = run.eventContext();
        List<KindPlan<?>> plans = jdbc.withConnection(c -> planner.plan(c, step, changes));
        // The records travel while the rows are written; the transaction commits only once Kafka acknowledged
        // every record (an unacknowledged batch rolls the page back: it is read again).
        PublishBatch batch = sink.newBatch();
        for (KindPlan<?> plan : plans) {
            plan.publish(batch, context);
        }
        return new PreparedPage(step, changes, plans, batch, run.takeGraphTraffic());
    }

    /**
     * The second half (write): rows, checkpoint and counters in one transaction, which commits once Kafka
     * acknowledged the page's records; then the step moves on. Checkpoints commit in page order: with {@code
     * previous} (the write of the page before, still running) this page's rows are written alongside it, but its
     * checkpoint only after that page committed — and not at all if it failed. Only pages that write entity rows
     * alone (no {@link PageChanges#writes() SQL of their own}) and name none of each other's objects may overlap so:
     * their rows are disjoint, so neither transaction waits for a lock the other holds.
     *
     * @param previous waits for the page before and throws if it failed; null: that page is already written
     */
    public void write(PreparedPage page, Checkpoint checkpoint, StepStatus nextStatus, Runnable previous) {
        StepScope step = page.step;
        RunScope run = step.run();
        jdbc.inPageTransaction(c -> {
            if (previous == null) {
                checkLease(c, run);
            }
            Map<SyncResource, PageCounts> counts = new EnumMap<>(SyncResource.class);
            for (KindPlan<?> plan : page.plans) {
                plan.write(c, run, clock.instant(), pending);
                counts.merge(plan.kind.resource(), plan.counts(), PageCounts::plus);
            }
            if (previous != null) {
                previous.run();
                // The lease row's lock (held to the commit) fences this page as it did the one before.
                checkLease(c, run);
            }
            for (PageChanges.SqlWrite write : page.changes.writes()) {
                write.apply(c);
            }
            counts.merge(step.resource(), new PageCounts(1, page.changes.fetched(), 0, 0, 0, 0), PageCounts::plus);
            steps.checkpoint(c, run.runId(), step.resource(), checkpoint);
            for (Map.Entry<SyncResource, PageCounts> e : counts.entrySet()) {
                steps.addCounts(c, run.runId(), e.getKey(), e.getValue());
            }
            if (nextStatus != step.status()) {
                steps.setStatus(c, run.runId(), step.resource(), nextStatus, null, null);
            }
            runs.addCounters(c, run.runId(), page.traffic.requests(),
                    page.traffic.throttled() + page.traffic.unavailable(), 1);
            page.batch.await();
            return null;
        });
        for (KindPlan<?> plan : page.plans) {
            if (jdbc.statistics().wrote(plan.kind.table(), run.connectionId(), plan.changed.size())) {
                jdbc.statistics().analyzeKeys(jdbc, plan.kind.table(), "connection_id", "object_id", "parent_id");
            }
        }
        step.committed(checkpoint, nextStatus);
        step.afterPage(run.pageCommitted());
    }

    private void checkLease(java.sql.Connection c, RunScope run) throws java.sql.SQLException {
        if (!runs.holdsLease(c, run.runId(), run.owner())) {
            throw new LeaseLostException(run.runId());
        }
    }

    /** A page whose changes are known and whose events are on their way; its transaction is still to come. */
    public static final class PreparedPage implements PageWriter.Prepared {
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
        @Override
        public boolean overlaps(PageChanges next) {
            return footprint.overlaps(next);
        }

        @Override
        public boolean writesOnlyEntities() {
            return changes.writes().isEmpty();
        }
    }
}
