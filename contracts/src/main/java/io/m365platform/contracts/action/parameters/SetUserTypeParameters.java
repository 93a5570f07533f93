package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * set-user-type.
 *
 * @param userId   user
 * @param userType {@code Member} or {@code Guest}
 */
public record SetUserTypeParameters(String userId, String userType) implements ActionParameters {

    public SetUserTypeParameters {
        Checks.requireText(userId, "userId");
        if (!"Member".equals(userType) && !"Guest".equals(userType)) {
            throw new IllegalArgumentException("userType must be Member or Guest, was " + userType);
        }
    }

    @Override
    public String targetId() {
        return userId;
    }
}
