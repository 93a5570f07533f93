package io.m365platform.sync.run;

import io.m365platform.contracts.WireName;
import io.m365platform.contracts.sync.SyncMode;

import java.util.Locale;

/** What a run does. Only FULL and INCREMENTAL are sync runs with run events; the others are maintenance jobs. */
public enum RunMode implements WireName {
    /** Read everything again: delta rounds restart, every resource is reconciled, missing objects deleted. */
    FULL,
    /** Continue from the stored delta links; resources without delta queries are reconciled in full. */
    INCREMENTAL,
    /** Publish the stored current state of a connection again (for consumers that lost data). */
    REPUBLISH,
    /** The connection was deleted: withdraw everything synced through it (deleted events + tombstones). */
    PURGE;

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }


    public boolean isSync() {
        return this == FULL || this == INCREMENTAL;
    }

    public SyncMode syncMode() {
        return switch (this) {
            case FULL -> SyncMode.FULL;
            case INCREMENTAL -> SyncMode.INCREMENTAL;
            default -> throw new IllegalStateException(this + " is not a sync mode");
        };
    }

    public static RunMode of(SyncMode mode) {
        return mode == SyncMode.FULL ? FULL : INCREMENTAL;
    }
}
