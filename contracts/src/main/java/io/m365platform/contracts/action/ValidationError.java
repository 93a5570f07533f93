package io.m365platform.contracts.action;

import io.m365platform.contracts.Checks;

/**
 * One reason an action request was rejected.
 *
 * @param field   JSON pointer or field name the error is about ({@code /parameters/userId}); empty for the
 *                whole request
 * @param message what is wrong
 */
public record ValidationError(String field, String message) {

    public ValidationError {
        field = field == null ? "" : field;
        Checks.requireText(message, "message");
    }
}
