package io.m365platform.contracts.cloudevents;

import io.m365platform.contracts.schema.SchemaViolation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a record was refused, with enough detail to fix the producer.
 *
 * @param reason     the kind of problem
 * @param message    what exactly is wrong
 * @param violations schema violations (for {@link RejectionReason#SCHEMA_VIOLATION}), else empty
 * @param ceType     the record's ce_type header, when present
 * @param ceId       the record's ce_id header, when present
 */
public record Rejection(RejectionReason reason, String message, List<SchemaViolation> violations, String ceType,
                        String ceId) {

    public Rejection {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** One line: reason, message and the violations. */
    public String describe() {
        StringBuilder text = new StringBuilder(reason.wireName()).append(": ").append(message);
        if (!violations.isEmpty()) {
            text.append(violations.stream().map(SchemaViolation::toString)
                    .collect(Collectors.joining("; ", " [", "]")));
        }
        return text.toString();
    }
}
