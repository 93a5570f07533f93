package io.m365platform.graphsim.usage;

import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * The workloads a user's licenses (direct and group-inherited, disabled plans excluded) switch on, and the product
 * names the reports print in "Assigned Products". A workload without its service plan never shows activity.
 */
public record Entitlements(boolean exchange, boolean sharePoint, boolean officeWeb, boolean officeApps, boolean teams,
                           boolean skype, boolean yammer, List<String> products) {

    public static final Entitlements NONE = new Entitlements(false, false, false, false, false, false, false, List.of());

    public Entitlements {
        products = List.copyOf(products);
    }

    /** Inside Tenant.read. */
    public static Entitlements of(Tenant t, User u) {
        List<String> products = new ArrayList<>();
        for (AssignedLicense l : t.effectiveLicenses(u)) {
            Sku sku = t.skuMap().get(l.skuId());
            if (sku != null && sku.productName() != null) {
                products.add(sku.productName());
            }
        }
        if (products.isEmpty()) {
            return NONE;
        }
        products.sort(null);
        return new Entitlements(t.hasServicePlan(u, "EXCHANGE_S_"), t.hasServicePlan(u, "SHAREPOINTENTERPRISE"),
                t.hasServicePlan(u, "SHAREPOINTWAC"), t.hasServicePlan(u, "OFFICESUBSCRIPTION"), t.hasServicePlan(u, "TEAMS1"),
                t.hasServicePlan(u, "MCOSTANDARD"), t.hasServicePlan(u, "YAMMER_ENTERPRISE"), products);
    }

    public boolean licensed() {
        return !products.isEmpty();
    }

    /** "Assigned Products": upper-case product names joined with '+'. */
    public String assignedProducts() {
        return String.join("+", products);
    }

    /** Whether this (app, platform) pair can be used at all with these licenses. */
    public boolean allows(OfficeApp app, Platform platform) {
        return switch (app) {
            case OUTLOOK -> exchange && (platform == Platform.MOBILE || platform == Platform.WEB || officeApps);
            case TEAMS -> teams;
            default -> switch (platform) {
                case WINDOWS, MAC -> officeApps;
                case MOBILE -> officeApps || officeWeb;
                case WEB -> officeWeb;
            };
        };
    }

    /** Bit mask of every allowed (app, platform) pair. */
    public int allowedApps() {
        int mask = 0;
        for (OfficeApp a : OfficeApp.values()) {
            for (Platform p : Platform.values()) {
                if (allows(a, p)) {
                    mask |= Platform.bit(a, p);
                }
            }
        }
        return mask;
    }

    /** Whether the M365 Apps report lists this user (any app allowed). */
    public boolean anyApp() {
        return allowedApps() != 0;
    }
}
