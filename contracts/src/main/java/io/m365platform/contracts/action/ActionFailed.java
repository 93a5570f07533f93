package io.m365platform.contracts.action;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * An action was tried and did not succeed; action-service has given up on this request.
 *
 * @param actionId       id of the request
 * @param connectionId   connection
 * @param tenantId       tenant
 * @param type           the action
 * @param targetId       object the action was for, null for create-user
 * @param errorCode      machine-readable cause, e.g. {@code not-found}, {@code permission-missing},
 *                       {@code throttled}, {@code conflict}, {@code graph-error}, {@code not-supported}
 * @param message        human-readable explanation with what to do about it
 * @param retryable      true when the same request may succeed later (throttling, outage), false when it
 *                       cannot succeed as it is (missing user, missing permission, invalid value)
 * @param attempts       attempts made
 * @param graphStatus    HTTP status of the last Graph response, when there was one
 * @param graphErrorCode Graph error code of the last response, e.g. {@code Request_ResourceNotFound}
 * @param failedAt       when
 */
public record ActionFailed(String actionId, String connectionId, String tenantId, ActionType type, String targetId,
                           String errorCode, String message, boolean retryable, int attempts, Integer graphStatus,
                           String graphErrorCode, Instant failedAt) implements ActionResultEvent {

    public ActionFailed {
        Checks.requireText(actionId, "actionId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(type, "type");
        Checks.requireText(errorCode, "errorCode");
        Checks.requireText(message, "message");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Checks.require(failedAt, "failedAt");
    }

    @Override
    public Instant eventTime() {
        return failedAt;
    }
}
