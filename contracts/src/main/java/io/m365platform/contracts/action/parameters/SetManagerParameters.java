package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * set-manager.
 *
 * @param userId    user
 * @param managerId new manager
 */
public record SetManagerParameters(String userId, String managerId) implements ActionParameters {

    public SetManagerParameters {
        Checks.requireText(userId, "userId");
        Checks.requireText(managerId, "managerId");
        if (userId.equals(managerId)) {
            throw new IllegalArgumentException("a user cannot be their own manager");
        }
    }

    @Override
    public String targetId() {
        return userId;
    }
}
