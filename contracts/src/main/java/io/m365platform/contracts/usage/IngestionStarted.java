package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * A connection's ingestion run made its first report call.
 *
 * @param runId        id of the run
 * @param connectionId connection
 * @param tenantId     tenant
 * @param report       report ingested
 * @param daysPending  report days queued and not settled yet when the run started
 * @param startedAt    when
 */
public record IngestionStarted(String runId, String connectionId, String tenantId, String report, int daysPending,
                               Instant startedAt) implements IngestionRunEvent {

    public IngestionStarted {
        Checks.requireText(runId, "runId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(report, "report");
        Checks.requireNonNegative(daysPending, "daysPending");
        Checks.require(startedAt, "startedAt");
    }

    @Override
    public Instant eventTime() {
        return startedAt;
    }
}
