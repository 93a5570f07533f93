package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report call of the run failed (no token, permission, network, Graph error, unreadable report). The day stays
 * queued: when {@code retryable}, the service asks it again at {@code resumeAt} without an operator; the run stays
 * open until every queued day is settled.
 *
 * @param runId        id of the run
 * @param connectionId connection
 * @param tenantId     tenant
 * @param report       report ingested
 * @param day          the report day whose call failed
 * @param reason       human-readable cause (never contains a secret)
 * @param retryable    true when the service asks again by itself
 * @param resumeAt     when it asks again; null if it will not
 * @param failedAt     when
 */
public record IngestionFailed(String runId, String connectionId, String tenantId, String report, LocalDate day,
                              String reason, boolean retryable, Instant resumeAt, Instant failedAt)
        implements IngestionRunEvent {

    public IngestionFailed {
        Checks.requireText(runId, "runId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(report, "report");
        Checks.require(day, "day");
        Checks.requireText(reason, "reason");
        Checks.require(failedAt, "failedAt");
    }

    @Override
    public Instant eventTime() {
        return failedAt;
    }
}
