package io.m365platform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * An event about one synced entity (published by a sync run): either its whole current state
 * ({@code ...Synced}) or its removal ({@code ...Deleted}, followed by a tombstone for the same key).
 */
public interface SyncedEntityEvent extends PlatformEvent {

    /** The sync run that observed the entity (see {@code m365.sync.runs}). */
    String syncRunId();

    /** When the sync run observed this state or deletion. */
    Instant observedAt();

    @Override
    @JsonIgnore
    default Instant eventTime() {
        return observedAt();
    }
}
