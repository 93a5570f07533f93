package io.m365platform.usage.summary;

import java.util.Map;

/**
 * Active users of one app over the window, in total and per platform.
 *
 * @param app         app wire name or {@code microsoft365-suite}
 * @param activeUsers users with any use in the window
 * @param byPlatform  users per platform (wire names)
 */
public record AppTotals(String app, int activeUsers, Map<String, Integer> byPlatform) {
}
