package io.m365platform.usage.summary;

import io.m365platform.contracts.usage.UsagePlatform;

import java.time.LocalDate;
import java.util.List;

/**
 * One app (or the suite) for one user over the window.
 *
 * @param app          app wire name, or {@code microsoft365-suite} for Outlook, Word, Excel, PowerPoint and OneNote
 * @param activeDays   days with any use
 * @param platforms    platforms used on any day
 * @param lastActivity last day of use in the window, null when none
 */
public record AppUsageSummary(String app, int activeDays, List<UsagePlatform> platforms, LocalDate lastActivity) {
}
