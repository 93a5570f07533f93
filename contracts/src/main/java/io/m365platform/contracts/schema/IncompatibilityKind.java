package io.m365platform.contracts.schema;

/** The kinds of backward-incompatible schema change the checker detects. */
public enum IncompatibilityKind {
    /** A released event type (schema file) no longer exists. */
    REMOVED_EVENT_TYPE,
    /** A property that consumers could read is gone. */
    REMOVED_PROPERTY,
    /** A property became required (data written before the change lacks it). */
    NEW_REQUIRED_PROPERTY,
    /** A value's type changed or lost an allowed type (e.g. null no longer allowed). */
    TYPE_CHANGED,
    /** An enum lost a value, or an enum was added where any value was allowed. */
    ENUM_NARROWED,
    /** A const changed. */
    CONST_CHANGED,
    /** additionalProperties became false or restrictive: consumers must tolerate new fields. */
    ADDITIONAL_PROPERTIES_CLOSED,
    /** A constraint got stricter: pattern or format added/changed, min raised, max lowered, items bound. */
    CONSTRAINT_NARROWED,
    /** A conditional or combined sub-schema (allOf / if-then branch) disappeared. */
    REMOVED_SUBSCHEMA
}
