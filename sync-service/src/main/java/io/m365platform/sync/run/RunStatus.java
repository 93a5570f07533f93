package io.m365platform.sync.run;

import io.m365platform.contracts.WireName;
import java.util.Locale;

/** Lifecycle of a run. QUEUED, RUNNING, PAUSED and HELD are "active": at most one per connection. */
public enum RunStatus implements WireName {
    /** Waiting for an instance to pick it up. */
    QUEUED,
    /** An instance holds its lease and works on it. */
    RUNNING,
    /** Out of retries (throttling, transient failures): resumes from its checkpoint at {@code resumeAfter}. */
    PAUSED,
    /** Stopped by the mass-deletion guard until an operator confirms (or cancels). */
    HELD,
    COMPLETED,
    FAILED,
    CANCELLED;

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }


    public boolean isActive() {
        return this == QUEUED || this == RUNNING || this == PAUSED || this == HELD;
    }
}
