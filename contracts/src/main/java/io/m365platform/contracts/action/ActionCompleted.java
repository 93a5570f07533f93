package io.m365platform.contracts.action;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * An action finished successfully.
 *
 * @param actionId     id of the request
 * @param connectionId connection
 * @param tenantId     tenant
 * @param type         the action
 * @param targetId     object acted on (for create-user: the new user's id)
 * @param result       what happened
 * @param attempts     attempts made (1 when the first try succeeded)
 * @param completedAt  when
 */
public record ActionCompleted(String actionId, String connectionId, String tenantId, ActionType type,
                              String targetId, ActionResult result, int attempts, Instant completedAt)
        implements ActionResultEvent {

    public ActionCompleted {
        Checks.requireText(actionId, "actionId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(type, "type");
        Checks.require(result, "result");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Checks.require(completedAt, "completedAt");
    }

    @Override
    public Instant eventTime() {
        return completedAt;
    }
}
