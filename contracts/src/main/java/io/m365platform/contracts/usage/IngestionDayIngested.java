package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One report day was stored (its rows replace what was stored for that day before).
 *
 * @param runId         id of the run
 * @param connectionId  connection
 * @param tenantId      tenant
 * @param report        report ingested
 * @param day           the report day
 * @param rows          rows stored
 * @param concealedRows rows whose user name was concealed (32-hex hash), never mapped to a user
 * @param unmappedRows  rows with a readable name that matched no known user
 * @param ingestedAt    when
 */
public record IngestionDayIngested(String runId, String connectionId, String tenantId, String report, LocalDate day,
                                   int rows, int concealedRows, int unmappedRows, Instant ingestedAt)
        implements IngestionRunEvent {

    public IngestionDayIngested {
        Checks.requireText(runId, "runId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(report, "report");
        Checks.require(day, "day");
        Checks.requireNonNegative(rows, "rows");
        Checks.requireNonNegative(concealedRows, "concealedRows");
        Checks.requireNonNegative(unmappedRows, "unmappedRows");
        Checks.require(ingestedAt, "ingestedAt");
    }

    @Override
    public Instant eventTime() {
        return ingestedAt;
    }
}
