package io.m365platform.contracts.action;

import io.m365platform.contracts.Checks;

import java.util.Map;

/**
 * Result of a completed action.
 *
 * @param outcome    what happened
 * @param resourceId id of the object created or changed (new user id, inbox rule id, copied item id...)
 * @param details    action-specific facts as text, e.g. {@code {"removedRules": "2"}}; never secrets
 */
public record ActionResult(ActionOutcome outcome, String resourceId, Map<String, String> details) {

    public ActionResult {
        Checks.require(outcome, "outcome");
        details = Checks.map(details);
    }
}
