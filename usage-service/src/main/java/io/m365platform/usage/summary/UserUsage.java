package io.m365platform.usage.summary;

import java.util.List;

/**
 * A user's usage over the window: per app, the suite total and Teams on its own.
 *
 * @param userKey      user id when mapped, else the reported name in lower case
 * @param userId       Entra user id, null when the rows could not be mapped
 * @param reportedName the name the report gave
 * @param concealed    the report concealed the name (32-hex hash)
 * @param activeDays   days with any app use
 * @param apps         the six apps (only those used)
 * @param suite        Outlook, Word, Excel, PowerPoint and OneNote together
 * @param window       the window
 */
public record UserUsage(String userKey, String userId, String reportedName, boolean concealed, int activeDays,
                        List<AppUsageSummary> apps, AppUsageSummary suite, UsageWindow window) {
}
