package io.m365platform.contracts.usage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

/**
 * An event of one usage-report ingestion run on {@code m365.usage.ingestion}. A run is what one planning step
 * queued for a connection: the first 28-day backfill, the next new day, or a re-ingestion asked by an operator (or
 * after concealment was turned off). Keyed by connection so that a connection's runs stay in order; the subject
 * names the run. Events are published at least once: a consumer may see one twice.
 */
public interface IngestionRunEvent extends PlatformEvent {

    /** Id of the run, the same on every event of that run. */
    String runId();

    /** The report ingested, e.g. {@code getM365AppUserDetail}. */
    String report();

    @Override
    @JsonIgnore
    default String kafkaKey() {
        return EventKey.of(connectionId());
    }

    @Override
    @JsonIgnore
    default String subject() {
        return EventKey.of(connectionId(), runId());
    }
}
