package io.m365platform.sync.service;

import io.m365platform.contracts.sync.SyncMode;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.sync.config.SyncConfig;
import io.m365platform.sync.config.SyncSettings;
import io.m365platform.sync.connection.ConnectionRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every instance, periodically: (1) claims connections whose scheduled run is due (incremental every 15 minutes,
 * full daily by default) and publishes a sync request for each — keyed by connection, so the instance owning that
 * partition runs it; (2) takes over runs any instance may execute: queued ones nobody picked, paused ones that are
 * due, and those of crashed instances (expired lease), which resume from their checkpoints.
 */
@ApplicationScoped
public class RunSchedule {

    private static final Logger LOG = Logger.getLogger(RunSchedule.class);

    private final ConnectionRepository connections;
    private final EventPublisher publisher;
    private final RunService runs;
    private final SyncSettings settings;
    private final Clock clock = Clock.systemUTC();

    public RunSchedule(ConnectionRepository connections, EventPublisher publisher, RunService runs,
                       SyncSettings settings) {
        this.connections = connections;
        this.publisher = publisher;
        this.runs = runs;
        this.settings = settings;
    }

    @Scheduled(every = "${sync.schedule.tick:30s}", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ScheduleDisabled.class)
    void requestDueRuns() {
        Instant now = clock.instant();
        List<ConnectionRepository.Due> due = connections.claimDue(now, settings.incrementalInterval(),
                settings.fullInterval(), 100);
        for (ConnectionRepository.Due d : due) {
            SyncRequested request = new SyncRequested(UUID.randomUUID().toString(), d.connectionId(), d.tenantId(),
                    d.full() ? SyncMode.FULL : SyncMode.INCREMENTAL, List.of(), "sync-service",
                    "scheduled " + (d.full() ? "full" : "incremental") + " run", now, null);
            try {
                EventPublisher.await(publisher.publish(request), Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                // The claim moved the due time on; the next tick of the schedule covers it.
                LOG.warnf("could not request the scheduled run of connection %s: %s", d.connectionId(), e.getMessage());
            }
        }
    }

    @Scheduled(every = "${sync.runs.reaper-interval:15s}", delay = 3, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeOverRuns() {
        int started = runs.takeOver();
        if (started > 0) {
            LOG.infof("took over %d run(s)", started);
        }
    }

    /** {@code sync.schedule.enabled=false} turns the periodic runs off (tests trigger runs themselves). */
    @ApplicationScoped
    public static class ScheduleDisabled implements Scheduled.SkipPredicate {
        private final SyncConfig config;

        public ScheduleDisabled(SyncConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.schedule().enabled();
        }
    }

}
