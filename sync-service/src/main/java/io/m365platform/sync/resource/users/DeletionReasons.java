package io.m365platform.sync.resource.users;

import io.m365platform.contracts.DeletionReason;

/** Graph delta's {@code @removed.reason} → the contracts' {@link DeletionReason}. */
public final class DeletionReasons {

    private DeletionReasons() {
    }

    /** {@code changed}: soft-deleted (restorable); {@code deleted} (or anything else): permanently gone. */
    public static DeletionReason of(String graphReason) {
        return "changed".equals(graphReason) ? DeletionReason.SOFT_DELETED : DeletionReason.HARD_DELETED;
    }
}
