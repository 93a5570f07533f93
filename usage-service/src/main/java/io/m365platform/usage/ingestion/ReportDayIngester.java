package io.m365platform.usage.ingestion;

import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import io.m365platform.graph.request.GraphResponseStream;
import io.m365platform.service.token.TokenUnavailableException;
import io.m365platform.usage.config.UsageConfig;
import io.m365platform.usage.daily.DailyUsageStore;
import io.m365platform.usage.daily.DayOutcome;
import io.m365platform.usage.ingestion.client.ReportsClient;
import io.m365platform.usage.reports.ReportFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Calls the report for one claimed day and settles it: stored, not available yet (asked again later), refused as
 * too old, throttled (Retry-After pushes the connection's calls back) or failed (asked again later).
 */
@ApplicationScoped
public class ReportDayIngester {

    private static final Logger LOG = Logger.getLogger(ReportDayIngester.class);

    private final ReportsClient reports;
    private final DailyUsageStore store;
    private final ReportDayQueue queue;
    private final UsageConfig.Ingestion config;
    private final Clock clock;

    public ReportDayIngester(ReportsClient reports, DailyUsageStore store, ReportDayQueue queue, UsageConfig config,
                             Clock clock) {
        this.reports = reports;
        this.store = store;
        this.queue = queue;
        this.config = config.ingestion();
        this.clock = clock;
    }

    public DayResult ingest(ReportDay day) {
        try (GraphResponseStream body = reports.dayReport(day.connectionId(), day.tenantId(), day.report(),
                day.day())) {
            DayOutcome outcome = store.storeDay(day, body, clock.instant());
            if (outcome.stored()) {
                LOG.debugf("%s: %d rows (%d concealed, %d unmapped)", day, outcome.rows(), outcome.concealed(),
                        outcome.unmapped());
                return DayResult.stored(outcome);
            }
            queue.retryLater(day, clock.instant().plus(config.notYetAvailableRetry()),
                    "no data yet (Graph has not processed " + day.day() + ")");
            return DayResult.notYetAvailable();
        } catch (GraphThrottledException e) {
            return throttled(day, e.resumeAfter(), e.getMessage());
        } catch (GraphRequestException e) {
            if (e.status() == 429) {
                return throttled(day, e.retryAfter().orElse(config.throttleWindow()), e.getMessage());
            }
            if (refusedAsTooOld(e)) {
                queue.unavailable(day, e.code() + ": " + e.graphMessage());
                return DayResult.unavailable();
            }
            return failed(day, e.status() + " " + e.code() + ": " + e.graphMessage());
        } catch (TokenUnavailableException e) {
            return failed(day, "no token (" + e.errorCode() + "): " + e.getMessage());
        } catch (GraphNetworkException | ReportFormatException e) {
            return failed(day, e.getMessage());
        } catch (IOException e) {
            return failed(day, "report download failed: " + e.getMessage());
        }
    }

    /** Graph: 400 InvalidArgument "Only support data for the past 28 days." (GRAPH_FACTS §10.1). */
    static boolean refusedAsTooOld(GraphRequestException e) {
        String message = e.graphMessage() == null ? "" : e.graphMessage().toLowerCase(Locale.ROOT);
        return e.status() == 400 && ("InvalidArgument".equalsIgnoreCase(e.code()) || message.contains("past 28 days"));
    }

    private DayResult throttled(ReportDay day, Duration retryAfter, String message) {
        Instant until = clock.instant().plus(retryAfter);
        queue.throttled(day, until, "throttled until " + until + ": " + message);
        LOG.infof("%s throttled: report calls of %s wait until %s", day, day.connectionId(), until);
        return DayResult.throttled(until);
    }

    private DayResult failed(ReportDay day, String reason) {
        LOG.warnf("%s failed: %s", day, reason);
        queue.retryLater(day, clock.instant().plus(config.errorRetry()), reason);
        return DayResult.failed(reason);
    }
}
