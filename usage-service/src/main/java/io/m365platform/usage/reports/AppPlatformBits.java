package io.m365platform.usage.reports;

import io.m365platform.contracts.usage.AppPlatformUsage;
import io.m365platform.contracts.usage.UsageApp;
import io.m365platform.contracts.usage.UsagePlatform;

import java.util.ArrayList;
import java.util.List;

/**
 * The (app, platform) pairs of one user's day as a bit set in an int, as stored in {@code daily_app_usage.apps}:
 * bit {@code app * 4 + platform} with apps in the report's column order (Outlook, Word, Excel, PowerPoint, OneNote,
 * Teams) and platforms Windows, Mac, Mobile, Web. An int per row keeps a 100k-user day small and the 28-day
 * aggregation a bitwise OR in SQL.
 */
public final class AppPlatformBits {

    /** Apps in bit order. */
    public static final List<UsageApp> APPS = List.of(UsageApp.OUTLOOK, UsageApp.WORD, UsageApp.EXCEL,
            UsageApp.POWERPOINT, UsageApp.ONENOTE, UsageApp.TEAMS);
    /** Platforms in bit order. */
    public static final List<UsagePlatform> PLATFORMS = List.of(UsagePlatform.WINDOWS, UsagePlatform.MAC,
            UsagePlatform.MOBILE, UsagePlatform.WEB);
    /** The report's CSV names of the apps and platforms, in bit order. */
    static final List<String> APP_COLUMNS = List.of("Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams");
    static final List<String> PLATFORM_COLUMNS = List.of("Windows", "Mac", "Mobile", "Web");

    /** Every bit of one app (its four platforms). */
    public static int appMask(UsageApp app) {
        return 0xF << (APPS.indexOf(app) * 4);
    }

    /** The Microsoft 365 suite: Outlook, Word, Excel, PowerPoint, OneNote (Teams stands on its own). */
    public static final int SUITE_MASK = appMask(UsageApp.OUTLOOK) | appMask(UsageApp.WORD)
            | appMask(UsageApp.EXCEL) | appMask(UsageApp.POWERPOINT) | appMask(UsageApp.ONENOTE);

    private AppPlatformBits() {
    }

    public static int bit(UsageApp app, UsagePlatform platform) {
        return 1 << (APPS.indexOf(app) * 4 + PLATFORMS.indexOf(platform));
    }

    /** Every bit of one platform (its six apps). */
    public static int platformMask(UsagePlatform platform) {
        int mask = 0;
        for (UsageApp app : APPS) {
            mask |= bit(app, platform);
        }
        return mask;
    }

    public static List<AppPlatformUsage> pairs(int apps) {
        List<AppPlatformUsage> used = new ArrayList<>();
        for (UsageApp app : APPS) {
            for (UsagePlatform platform : PLATFORMS) {
                if ((apps & bit(app, platform)) != 0) {
                    used.add(new AppPlatformUsage(app, platform));
                }
            }
        }
        return used;
    }

    public static int of(List<AppPlatformUsage> pairs) {
        int apps = 0;
        for (AppPlatformUsage pair : pairs) {
            apps |= bit(pair.app(), pair.platform());
        }
        return apps;
    }
}
