package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * set-mail-forwarding: an inbox rule that forwards (keeps the original's sender visible as forwarder) or
 * redirects (as if sent directly) every incoming message.
 *
 * @param userId           mailbox owner
 * @param forwardToAddress target address
 * @param forwardToName    target display name, optional
 * @param redirect         redirect instead of forward
 * @param ruleDisplayName  name of the inbox rule, optional
 */
public record SetMailForwardingParameters(String userId, String forwardToAddress, String forwardToName,
                                          boolean redirect, String ruleDisplayName) implements ActionParameters {

    public SetMailForwardingParameters {
        Checks.requireText(userId, "userId");
        Checks.requireText(forwardToAddress, "forwardToAddress");
        if (!forwardToAddress.contains("@")) {
            throw new IllegalArgumentException("forwardToAddress is not an e-mail address");
        }
    }

    @Override
    public String targetId() {
        return userId;
    }
}
