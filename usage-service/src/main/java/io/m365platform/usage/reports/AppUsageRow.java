package io.m365platform.usage.reports;

import java.time.LocalDate;

/**
 * One row of getM365AppUserDetail(date=…): a user and the (app, platform) pairs used that day.
 *
 * @param reportRefreshDate "Report Refresh Date"
 * @param reportedUserName  "User Principal Name" as reported (a 32-hex hash when names are concealed)
 * @param lastActivityDate  "Last Activity Date", null when empty
 * @param apps              {@link AppPlatformBits} of the pairs marked Yes
 */
public record AppUsageRow(LocalDate reportRefreshDate, String reportedUserName, LocalDate lastActivityDate,
                          int apps) {
}
