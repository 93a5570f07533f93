package io.m365platform.graphsim.usage;

import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.EntityTable;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The usage data of one tenant: generated activity ({@link UsageModel}, nothing stored) plus what tests changed
 * through the control API — a user's persona, "inactive since", or explicit activity on given days. Overrides are
 * guarded by the tenant's lock like core state. {@code anchor} is the day the tenant's usage was generated:
 * dormant users stopped 35–125 days before it.
 */
public final class UsageState {
    /** Per-user changes made through the control API (null fields: not overridden). */
    public record UserOverride(Persona persona, LocalDate inactiveSince, Map<LocalDate, DayActivity> days) {
        public UserOverride {
            days = days == null ? Map.of() : Map.copyOf(days);
        }

        static final UserOverride EMPTY = new UserOverride(null, null, Map.of());
    }

    private final long seed;
    private final LocalDate anchor;
    // ---- guarded by the tenant's lock ----
    private final Map<String, UserOverride> overrides = new HashMap<>();

    UsageState(long seed, LocalDate anchor) {
        this.seed = seed;
        this.anchor = anchor;
    }

    /** The tenant's usage state, created (anchored at the tenant's current date) on first use. */
    public static UsageState of(Tenant tenant) {
        return tenant.extension(UsageState.class, t -> new UsageState(t.seed(), today(t)));
    }

    /** Installs the state of a fixture (anchor and overrides); only before anything else used the tenant's usage. */
    static UsageState install(Tenant tenant, LocalDate anchor, Map<String, UserOverride> fromFixture) {
        UsageState state = tenant.extension(UsageState.class, t -> new UsageState(t.seed(), anchor != null ? anchor : today(t)));
        tenant.write(() -> state.overrides.putAll(fromFixture));
        return state;
    }

    static LocalDate today(Tenant t) {
        return LocalDate.ofInstant(t.now(), ZoneOffset.UTC);
    }

    public long seed() {
        return seed;
    }

    public LocalDate anchor() {
        return anchor;
    }

    // ------------------------------------------------------------------ reading (inside Tenant.read)

    /** A live or deleted user's usage; {@code deletedAt} null for live users. Inside Tenant.read. */
    public UsageView view(Tenant t, User u, Instant deletedAt) {
        UserOverride o = overrides.getOrDefault(u.id(), UserOverride.EMPTY);
        long key = UsageModel.userKey(u.id());
        LocalDate created = u.createdDateTime() == null ? null : LocalDate.ofInstant(u.createdDateTime(), ZoneOffset.UTC);
        UsageProfile profile = UsageModel.profile(seed, key, anchor, created);
        if (o.persona() != null) {
            profile = profile.withPersona(o.persona());
        }
        return new UsageView(u, Entitlements.of(t, u), profile, seed, key, created,
                deletedAt == null ? null : LocalDate.ofInstant(deletedAt, ZoneOffset.UTC), o.inactiveSince(), o.days());
    }

    /** A live user's usage by id or UPN (takes the read lock). */
    public UsageView view(Tenant t, String idOrUpn) {
        return t.read(() -> {
            User u = t.userTable().get(idOrUpn);
            if (u == null) {
                throw TenantException.notFound(idOrUpn);
            }
            return view(t, u, null);
        });
    }

    /** Views of every live user and of users deleted on or after {@code deletedSince}. Inside Tenant.read. */
    public java.util.List<UsageView> views(Tenant t, LocalDate deletedSince) {
        EntityTable<User> users = t.userTable();
        java.util.List<UsageView> result = new java.util.ArrayList<>(users.liveCount());
        for (int i = 0; i < users.size(); i++) {
            EntityTable.Slot<User> slot = users.slot(i);
            if (slot.live()) {
                result.add(view(t, slot.value(), null));
            } else if (slot.deletedAt() != null && deletedSince != null
                    && !LocalDate.ofInstant(slot.deletedAt(), ZoneOffset.UTC).isBefore(deletedSince)) {
                result.add(view(t, slot.value(), slot.deletedAt()));
            }
        }
        return result;
    }

    public UserOverride override(Tenant t, String userId) {
        return t.read(() -> overrides.getOrDefault(userId, UserOverride.EMPTY));
    }

    /** All overrides (for the fixture export). */
    public Map<String, UserOverride> overrides(Tenant t) {
        return t.read(() -> new TreeMap<>(overrides));
    }

    // ------------------------------------------------------------------ control (each takes the write lock)

    /** Sets (or with null resets) a user's persona. */
    public void persona(Tenant t, String idOrUpn, Persona persona) {
        change(t, idOrUpn, o -> new UserOverride(persona, o.inactiveSince(), o.days()));
    }

    /** No activity from {@code day} on (null: back to generated activity); explicit days still count. */
    public void inactiveSince(Tenant t, String idOrUpn, LocalDate day) {
        change(t, idOrUpn, o -> new UserOverride(o.persona(), day, o.days()));
    }

    /**
     * Replaces the user's activity on one day. Refused when the licences do not allow it (e.g. Word on Windows
     * without Microsoft 365 Apps, email without Exchange), the account is disabled, or the day is in the future.
     */
    public void day(Tenant t, String idOrUpn, LocalDate day, DayActivity activity) {
        if (day.isAfter(today(t))) {
            throw TenantException.invalid("Usage can only be set for past days (" + day + " is in the future)");
        }
        t.write(() -> {
            User u = requireUser(t, idOrUpn);
            Entitlements e = Entitlements.of(t, u);
            if (!u.accountEnabled()) {
                throw TenantException.invalid("User " + u.id() + " is disabled: a disabled account shows no activity");
            }
            String refused = refusal(activity, e);
            if (refused != null) {
                throw TenantException.invalid("User " + u.id() + " is not licensed for " + refused
                        + " (assigned products: " + (e.licensed() ? e.assignedProducts() : "none") + ")");
            }
            UserOverride o = overrides.getOrDefault(u.id(), UserOverride.EMPTY);
            Map<LocalDate, DayActivity> days = new TreeMap<>(o.days());
            days.put(day, activity);
            overrides.put(u.id(), new UserOverride(o.persona(), o.inactiveSince(), days));
        });
    }

    /** Back to generated activity on that day. */
    public void clearDay(Tenant t, String idOrUpn, LocalDate day) {
        change(t, idOrUpn, o -> {
            Map<LocalDate, DayActivity> days = new TreeMap<>(o.days());
            days.remove(day);
            return new UserOverride(o.persona(), o.inactiveSince(), days);
        });
    }

    /** Drops every override of the user. */
    public void reset(Tenant t, String idOrUpn) {
        t.write(() -> {
            overrides.remove(requireUser(t, idOrUpn).id());
        });
    }

    private void change(Tenant t, String idOrUpn, java.util.function.UnaryOperator<UserOverride> f) {
        t.write(() -> {
            User u = requireUser(t, idOrUpn);
            UserOverride o = f.apply(overrides.getOrDefault(u.id(), UserOverride.EMPTY));
            if (o.persona() == null && o.inactiveSince() == null && o.days().isEmpty()) {
                overrides.remove(u.id());
            } else {
                overrides.put(u.id(), o);
            }
        });
    }

    private static User requireUser(Tenant t, String idOrUpn) {
        User u = t.userTable().get(idOrUpn);
        if (u == null) {
            throw TenantException.notFound(idOrUpn);
        }
        return u;
    }

    /** What part of {@code a} the entitlements do not allow, or null. */
    static String refusal(DayActivity a, Entitlements e) {
        for (OfficeApp app : OfficeApp.values()) {
            for (Platform p : Platform.values()) {
                if (a.uses(app, p) && !e.allows(app, p)) {
                    return app.column() + " (" + p.column() + ")";
                }
            }
        }
        if (a.email() != null && !e.exchange()) {
            return "email (Exchange Online)";
        }
        if (a.oneDrive() != null && !e.sharePoint()) {
            return "OneDrive (SharePoint Online)";
        }
        if (a.sharePoint() && !e.sharePoint()) {
            return "SharePoint Online";
        }
        if (a.teams() != null && !e.teams()) {
            return "Microsoft Teams";
        }
        if (a.skype() && !e.skype()) {
            return "Skype for Business";
        }
        if (a.yammer() && !e.yammer()) {
            return "Yammer";
        }
        return null;
    }
}
