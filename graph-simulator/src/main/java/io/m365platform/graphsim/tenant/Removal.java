package io.m365platform.graphsim.tenant;

/** Why an object left the directory, as delta queries report it in {@code @removed.reason}. */
public enum Removal {
    /** Still present. */
    NONE(null),
    /** Soft-deleted (restorable from deletedItems): reason "changed". */
    SOFT_DELETED("changed"),
    /** Permanently deleted: reason "deleted". */
    HARD_DELETED("deleted");

    private final String reason;

    Removal(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
