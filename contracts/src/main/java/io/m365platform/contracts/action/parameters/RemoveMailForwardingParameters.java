package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * remove-mail-forwarding.
 *
 * @param userId mailbox owner
 * @param ruleId inbox rule to delete; null removes every forwarding rule the platform created
 */
public record RemoveMailForwardingParameters(String userId, String ruleId) implements ActionParameters {

    public RemoveMailForwardingParameters {
        Checks.requireText(userId, "userId");
    }

    @Override
    public String targetId() {
        return userId;
    }
}
