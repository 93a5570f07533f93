package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * remove-calendar-delegation (Graph calendarPermission delete).
 *
 * @param userId        calendar owner
 * @param delegateEmail delegate to remove; null removes every removable permission
 */
public record RemoveCalendarDelegationParameters(String userId, String delegateEmail) implements ActionParameters {

    public RemoveCalendarDelegationParameters {
        Checks.requireText(userId, "userId");
    }

    @Override
    public String targetId() {
        return userId;
    }
}
