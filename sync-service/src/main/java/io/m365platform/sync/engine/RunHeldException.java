package io.m365platform.sync.engine;

import io.m365platform.contracts.sync.SyncResource;

/** The mass-deletion guard stopped the run before it deleted anything of {@code resource}. */
public class RunHeldException extends RuntimeException {

    private final SyncResource resource;
    private final long pendingDeletions;
    private final long currentCount;
    private final double threshold;

    public RunHeldException(SyncResource resource, long pendingDeletions, long currentCount, double threshold) {
        super("the run would delete " + pendingDeletions + " of " + currentCount + " " + resource.wireName()
                + " (more than " + Math.round(threshold * 100) + "%); held until an operator confirms");
        this.resource = resource;
        this.pendingDeletions = pendingDeletions;
        this.currentCount = currentCount;
        this.threshold = threshold;
    }

    public SyncResource resource() {
        return resource;
    }

    public long pendingDeletions() {
        return pendingDeletions;
    }

    public long currentCount() {
        return currentCount;
    }

    public double threshold() {
        return threshold;
    }

    public double share() {
        return currentCount == 0 ? 1.0 : Math.min(1.0, (double) pendingDeletions / currentCount);
    }
}
