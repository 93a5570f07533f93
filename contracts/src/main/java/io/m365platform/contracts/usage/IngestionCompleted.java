package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * Every day of the run is settled (stored, or refused by Graph as older than its 28 days) and every stored day is
 * on {@code m365.usage.daily}.
 *
 * @param runId           id of the run
 * @param connectionId    connection
 * @param tenantId        tenant
 * @param report          report ingested
 * @param startedAt       when the run started
 * @param completedAt     when it completed
 * @param daysIngested    days of the connection stored when the run completed
 * @param daysUnavailable days Graph refused as too old
 * @param daysAwaitingData days newer than the latest day with data, not processed by Graph yet, still queued
 */
public record IngestionCompleted(String runId, String connectionId, String tenantId, String report, Instant startedAt,
                                 Instant completedAt, int daysIngested, int daysUnavailable,
                                 int daysAwaitingData)
        implements IngestionRunEvent {

    public IngestionCompleted {
        Checks.requireText(runId, "runId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(report, "report");
        Checks.require(startedAt, "startedAt");
        Checks.require(completedAt, "completedAt");
        Checks.requireNonNegative(daysIngested, "daysIngested");
        Checks.requireNonNegative(daysUnavailable, "daysUnavailable");
        Checks.requireNonNegative(daysAwaitingData, "daysAwaitingData");
    }

    @Override
    public Instant eventTime() {
        return completedAt;
    }
}
