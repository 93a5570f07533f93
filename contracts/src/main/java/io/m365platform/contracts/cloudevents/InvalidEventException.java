package io.m365platform.contracts.cloudevents;

import io.m365platform.contracts.schema.SchemaViolation;

import java.util.List;

/** Thrown when a producer tries to publish an event that does not satisfy its own schema (a bug). */
public class InvalidEventException extends RuntimeException {

    private final List<SchemaViolation> violations;

    public InvalidEventException(String message, List<SchemaViolation> violations) {
        super(message + ": " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<SchemaViolation> violations() {
        return violations;
    }
}
