package io.m365platform.contracts.cloudevents;

import io.m365platform.contracts.WireName;
/** Why a Kafka record was refused as an event. */
public enum RejectionReason implements WireName {
    /** A required CloudEvents header (ce_specversion, ce_id, ce_source, ce_type) is missing. */
    MISSING_ATTRIBUTE("missing-attribute"),
    /** A header has an invalid value (e.g. ce_time is not RFC 3339). */
    INVALID_ATTRIBUTE("invalid-attribute"),
    /** ce_specversion is not 1.0. */
    UNSUPPORTED_SPEC_VERSION("unsupported-spec-version"),
    /** ce_type is not a registered event type (possibly a newer version than this consumer knows). */
    UNKNOWN_TYPE("unknown-type"),
    /** The type is registered for another topic. */
    WRONG_TOPIC("wrong-topic"),
    /** content-type is not application/json. */
    UNSUPPORTED_CONTENT_TYPE("unsupported-content-type"),
    /** The value is not a JSON object. */
    MALFORMED_JSON("malformed-json"),
    /** The JSON does not satisfy the type's schema. */
    SCHEMA_VIOLATION("schema-violation"),
    /** The JSON is schema-valid but violates a rule the schema cannot express. */
    INVALID_DATA("invalid-data"),
    /** ce_tenantid / ce_connectionid disagree with the data. */
    ATTRIBUTE_MISMATCH("attribute-mismatch");

    private final String wireName;

    RejectionReason(String wireName) {
        this.wireName = wireName;
    }

    /** Stable machine-readable code, used as DeadLetter.reason. */
    public String wireName() {
        return wireName;
    }
}
