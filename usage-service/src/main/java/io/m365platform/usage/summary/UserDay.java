package io.m365platform.usage.summary;

import io.m365platform.contracts.usage.AppPlatformUsage;

import java.time.LocalDate;
import java.util.List;

/**
 * One user's use on one day of the window.
 *
 * @param day  the day
 * @param used (app, platform) pairs used
 */
public record UserDay(LocalDate day, List<AppPlatformUsage> used) {
}
