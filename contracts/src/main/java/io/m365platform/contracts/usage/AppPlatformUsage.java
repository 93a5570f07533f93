package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;

/**
 * One app used on one platform on the report day.
 *
 * @param app      app
 * @param platform platform
 */
public record AppPlatformUsage(UsageApp app, UsagePlatform platform) {

    public AppPlatformUsage {
        Checks.require(app, "app");
        Checks.require(platform, "platform");
    }
}
