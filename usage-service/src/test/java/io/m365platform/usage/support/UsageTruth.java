package io.m365platform.usage.support;

import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.LicenseState;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.usage.UsageState;
import io.m365platform.graphsim.usage.UsageView;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's ground truth of a tenant's app usage: per user and day the (app, platform) bits
 * ({@code UsageState.of(tenant).view(tenant, user).day(date)}), which use the same bit layout as the service's
 * {@code daily_app_usage.apps} (app * 4 + platform, report column order).
 */
public final class UsageTruth {

    private UsageTruth() {
    }

    /** user id → day → apps, for the days given; days without use are absent. */
    public static Map<String, Map<LocalDate, Integer>> apps(Tenant tenant, List<LocalDate> days) {
        Map<String, Map<LocalDate, Integer>> result = new HashMap<>();
        UsageState usage = UsageState.of(tenant);
        for (User u : tenant.users().list()) {
            UsageView view = usage.view(tenant, u.id());
            for (LocalDate day : days) {
                int apps = view.day(day).apps();
                if (apps != 0) {
                    result.computeIfAbsent(u.id(), k -> new HashMap<>()).put(day, apps);
                }
            }
        }
        return result;
    }

    /** skuId → ids of the users holding it (directly or through a group). */
    public static Map<String, Set<String>> holders(Tenant tenant) {
        return tenant.read(() -> {
            Map<String, Set<String>> result = new HashMap<>();
            for (User u : tenant.users().list()) {
                for (LicenseState s : tenant.licenseStates(u)) {
                    result.computeIfAbsent(s.skuId(), k -> new HashSet<>()).add(u.id());
                }
            }
            return result;
        });
    }
}
