package io.m365platform.usage.ingestion;

import io.m365platform.usage.config.UsageConfig;
import io.m365platform.usage.daily.DailyUsagePublisher;
import io.m365platform.usage.summary.UtilisationPublisher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;

/**
 * The ingestion loop: plans the days of eligible connections, then claims due days one by one (within the throttle
 * budget) and ingests them, then publishes what was stored. The timer only wakes it; the plan, the claims and the
 * throttle budget are in PostgreSQL, so any instance can take over and a restart resumes where it was.
 */
@ApplicationScoped
public class IngestionPoller {

    private static final Logger LOG = Logger.getLogger(IngestionPoller.class);
    /** Days ingested per wake-up at most, so that planning and publishing are not held back by a long backfill. */
    private static final int MAX_DAYS_PER_POLL = 50;

    private final IngestionPlanner planner;
    private final ReportDayQueue queue;
    private final ReportDayIngester ingester;
    private final DailyUsagePublisher publisher;
    private final UtilisationPublisher utilisation;
    private final ConcealmentFixer concealment;
    private final IngestionEvents events;
    private final UsageConfig.Ingestion config;
    private final Clock clock;

    public IngestionPoller(IngestionPlanner planner, ReportDayQueue queue, ReportDayIngester ingester,
                           DailyUsagePublisher publisher, UtilisationPublisher utilisation,
                           ConcealmentFixer concealment, IngestionEvents events, UsageConfig config,
                           Clock clock) {
        this.planner = planner;
        this.queue = queue;
        this.ingester = ingester;
        this.publisher = publisher;
        this.utilisation = utilisation;
        this.concealment = concealment;
        this.events = events;
        this.config = config.ingestion();
        this.clock = clock;
    }

    @Scheduled(every = "${usage.ingestion.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The next wake-up tries again; what was claimed is freed by its lease.
            LOG.warnf(e, "Usage ingestion poll failed");
        }
    }

    /** One pass: plan, ingest the due days, publish the days, the run events, the utilisation and the status that changed. Returns the number of report calls made. */
    public synchronized int runOnce() {
        planner.planAll();
        int calls = 0;
        while (calls < MAX_DAYS_PER_POLL) {
            Optional<ReportDay> day = queue.claimNext(clock.instant(), config.throttleRequests(),
                    config.throttleWindow(), config.claimLease());
            if (day.isEmpty()) {
                break;
            }
            events.beforeCall(day.get());
            DayResult result = ingester.ingest(day.get());
            events.afterCall(day.get(), result, clock.instant().plus(config.errorRetry()));
            calls++;
        }
        publisher.publishPending();
        events.publishCompleted();
        utilisation.publishChanged();
        events.publishStatusChanges();
        concealment.fixOptedIn();
        return calls;
    }
}
