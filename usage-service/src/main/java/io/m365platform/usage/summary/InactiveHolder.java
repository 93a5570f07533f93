package io.m365platform.usage.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A holder of a SKU without app use in the window.
 *
 * @param userId                id
 * @param userPrincipalName     UPN (null when the user is not in the directory projection yet)
 * @param displayName           display name
 * @param assignedDirectly      a direct assignment exists (an action can remove it)
 * @param inheritedFromGroupIds groups the license comes through
 * @param lastActivityDate      last day with app use this service stored, null when none
 * @param inactiveSince         the day after the last activity; without one, the window start ("at least since")
 * @param lastSignIn            last successful sign-in where known
 */
public record InactiveHolder(String userId, String userPrincipalName, String displayName, boolean assignedDirectly,
                             List<String> inheritedFromGroupIds, LocalDate lastActivityDate, LocalDate inactiveSince,
                             Instant lastSignIn) {
}
