package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Graph answered a report call with 429: every report call of the connection pauses until {@code resumeAt}
 * (Retry-After); the run goes on by itself then.
 *
 * @param runId        id of the run
 * @param connectionId connection
 * @param tenantId     tenant
 * @param report       report ingested
 * @param day          the report day that was refused (asked again at resumeAt)
 * @param resumeAt     when the connection's report calls resume
 * @param reason       what Graph said
 * @param throttledAt  when
 */
public record IngestionThrottled(String runId, String connectionId, String tenantId, String report, LocalDate day,
                                 Instant resumeAt, String reason, Instant throttledAt) implements IngestionRunEvent {

    public IngestionThrottled {
        Checks.requireText(runId, "runId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(report, "report");
        Checks.require(day, "day");
        Checks.require(resumeAt, "resumeAt");
        Checks.requireText(reason, "reason");
        Checks.require(throttledAt, "throttledAt");
    }

    @Override
    public Instant eventTime() {
        return throttledAt;
    }
}
