package io.m365platform.contracts.action;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * An action request was not run because it is invalid: schema violation, unknown or deleted connection,
 * read-only connection, missing permission for this action. Requests too broken to name their actionId and
 * connectionId go to the dead-letter topic instead.
 *
 * @param actionId     id of the request
 * @param connectionId connection named by the request
 * @param tenantId     tenant named by the request (or by the connection)
 * @param type         the action, null when the request named an unknown one
 * @param errors       everything that is wrong (at least one)
 * @param rejectedAt   when
 */
public record ActionRejected(String actionId, String connectionId, String tenantId, ActionType type,
                             List<ValidationError> errors, Instant rejectedAt) implements ActionResultEvent {

    public ActionRejected {
        Checks.requireText(actionId, "actionId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        errors = Checks.list(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one error");
        }
        Checks.require(rejectedAt, "rejectedAt");
    }

    @Override
    public Instant eventTime() {
        return rejectedAt;
    }
}
