package io.m365platform.sync.run;

import io.m365platform.contracts.WireName;
import java.util.Locale;

/** Lifecycle of one resource within a run. */
public enum StepStatus implements WireName {
    PENDING,
    RUNNING,
    /** All pages are read; the deletions found are being applied (or are held by the guard). */
    DELETING,
    COMPLETED,
    /** Not read, on purpose: e.g. the connection lacks the permission (the message says which). */
    SKIPPED,
    FAILED;

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }


    public boolean isFinished() {
        return this == COMPLETED || this == SKIPPED || this == FAILED;
    }
}
