package io.m365platform.action.service;

import io.m365platform.action.execution.ActionWorker;
import io.m365platform.action.result.OutboxRelay;
import io.m365platform.action.store.ActionRecord;
import io.m365platform.action.store.ActionStore;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.ValidationError;
import io.m365platform.service.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Operators' decisions on actions that have not run: approve (a second operator, not the requester), reject, or
 * cancel. Rejecting or cancelling answers the requester with an {@code action.rejected} result.
 */
@ApplicationScoped
public class OperatorDecisions {

    private final ActionStore store;
    private final ActionWorker worker;
    private final OutboxRelay relay;
    private final Clock clock = Clock.systemUTC();

    public OperatorDecisions(ActionStore store, ActionWorker worker, OutboxRelay relay) {
        this.store = store;
        this.worker = worker;
        this.relay = relay;
    }

    public void approve(String actionId, String operator) {
        check(store.approve(actionId, operator), actionId, "awaiting approval");
        worker.wake();
    }

    public void reject(String actionId, String operator, String reason) {
        String message = "Rejected by operator " + operator + (reason == null || reason.isBlank() ? "" : ": " + reason);
        check(store.stopBeforeRun(actionId, operator, false, "rejected-by-operator", message,
                rejection(actionId, message)), actionId, "awaiting approval");
        relay.wake();
    }

    public void cancel(String actionId, String operator) {
        String message = "Cancelled by operator " + operator + " before it ran.";
        check(store.stopBeforeRun(actionId, operator, true, "cancelled", message, rejection(actionId, message)),
                actionId, "received or awaiting approval (not yet running)");
        relay.wake();
    }

    private ActionRejected rejection(String actionId, String message) {
        ActionRecord action = store.find(actionId).orElseThrow(() -> ApiException.notFound("Action " + actionId));
        ActionType type = ActionType.fromWireName(action.actionType()).orElse(null);
        return new ActionRejected(actionId, action.connectionId(), action.tenantId(), type,
                List.of(new ValidationError("", message)), clock.instant());
    }

    private static void check(ActionStore.Decision decision, String actionId, String expected) {
        switch (decision) {
            case DONE -> {
            }
            case NOT_FOUND -> throw ApiException.notFound("Action " + actionId);
            case SAME_OPERATOR -> throw ApiException.conflict("A second operator must approve: the requester of "
                    + actionId + " cannot approve it.");
            case WRONG_STATE -> throw ApiException.conflict("Action " + actionId + " is not " + expected + ".");
        }
    }
}
