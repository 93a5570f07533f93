package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * Parameters of actions that only need the user: delete-user, enable-user, disable-user, remove-manager,
 * revoke-sessions.
 *
 * @param userId id (or UPN) of the user
 */
public record UserTarget(String userId) implements ActionParameters {

    public UserTarget {
        Checks.requireText(userId, "userId");
    }

    @Override
    public String targetId() {
        return userId;
    }
}
