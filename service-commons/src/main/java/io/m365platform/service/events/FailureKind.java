package io.m365platform.service.events;

/** What a consumer's failure to handle a record says about retrying it. */
public enum FailureKind {
    /** A dependency is down or busy (database, broker, network): the same record will succeed later. */
    TRANSIENT,
    /** The record itself cannot be handled (bad content, a value the database refuses): retrying never helps. */
    PERMANENT
}
