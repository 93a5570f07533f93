package io.m365platform.graphsim.usage;

import io.m365platform.graphsim.model.User;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything needed to answer "what did this user do on day d", captured under the tenant's read lock so the
 * (possibly long) report computation runs without holding it. Activity is shown only for enabled, licensed
 * accounts, between the account's creation and its deletion, and within what the licences allow. A view belongs
 * to one request (it caches computed days and is not thread-safe).
 */
public final class UsageView {
    /** How far back "Last Activity Date" looks. */
    public static final int HORIZON_DAYS = 365;

    private final User user;
    private final Entitlements entitlements;
    private final UsageProfile profile;
    private final long seed;
    private final long userKey;
    private final LocalDate created;
    private final LocalDate deleted;
    private final LocalDate inactiveSince;
    private final Map<LocalDate, DayActivity> explicitDays;
    /** Days already computed, newest first from the first day asked for (a view serves one request on one thread). */
    private DayActivity[] cache;
    private long cacheEndDay;
    private static final int CACHE_DAYS = HORIZON_DAYS + 200;

    UsageView(User user, Entitlements entitlements, UsageProfile profile, long seed, long userKey, LocalDate created,
              LocalDate deleted, LocalDate inactiveSince, Map<LocalDate, DayActivity> explicitDays) {
        this.user = user;
        this.entitlements = entitlements;
        this.profile = profile;
        this.seed = seed;
        this.userKey = userKey;
        this.created = created;
        this.deleted = deleted;
        this.inactiveSince = inactiveSince;
        this.explicitDays = explicitDays;
    }

    public User user() {
        return user;
    }

    public Entitlements entitlements() {
        return entitlements;
    }

    public UsageProfile profile() {
        return profile;
    }

    /** The day the account was deleted (soft or permanent), or null while it lives. */
    public LocalDate deletedOn() {
        return deleted;
    }

    public boolean deleted() {
        return deleted != null;
    }

    /** Whether this account can show any activity at all. */
    public boolean canBeActive() {
        return user.accountEnabled() && entitlements.licensed();
    }

    public DayActivity day(LocalDate d) {
        long epochDay = d.toEpochDay();
        if (cache == null) {
            cache = new DayActivity[CACHE_DAYS];
            cacheEndDay = epochDay;
        }
        long index = cacheEndDay - epochDay;
        if (index >= 0 && index < CACHE_DAYS) {
            DayActivity cached = cache[(int) index];
            if (cached == null) {
                cached = compute(d);
                cache[(int) index] = cached;
            }
            return cached;
        }
        return compute(d);
    }

    /** Drops the computed days (call when done with this user in a long report: keeps memory flat). */
    public void releaseCache() {
        cache = null;
    }

    private DayActivity compute(LocalDate d) {
        if (!canBeActive() || (created != null && d.isBefore(created)) || (deleted != null && d.isAfter(deleted))) {
            return DayActivity.NONE;
        }
        DayActivity explicit = explicitDays.get(d);
        if (explicit != null) {
            return explicit.within(entitlements);
        }
        if (inactiveSince != null && !d.isBefore(inactiveSince)) {
            return DayActivity.NONE;
        }
        return UsageModel.generate(seed, userKey, profile, d).within(entitlements);
    }

    /** The latest day on or before {@code onOrBefore} (within {@link #HORIZON_DAYS}) whose activity matches, or null. */
    public LocalDate lastActivity(LocalDate onOrBefore, Predicate<DayActivity> matches) {
        if (!canBeActive()) {
            return null;
        }
        boolean generatedOnly = explicitDays.isEmpty();
        if (generatedOnly && profile.persona() == Persona.NONE) {
            return null;
        }
        LocalDate floor = onOrBefore.minusDays(HORIZON_DAYS);
        if (created != null && created.isAfter(floor)) {
            floor = created;
        }
        LocalDate d = deleted != null && deleted.isBefore(onOrBefore) ? deleted : onOrBefore;
        if (generatedOnly) {
            // skip the stretches known to be quiet in one step instead of generating every day of them
            if (inactiveSince != null && !d.isBefore(inactiveSince)) {
                d = inactiveSince.minusDays(1);
            }
            if (profile.persona() == Persona.DORMANT && !d.isBefore(profile.dormantSince())) {
                d = profile.dormantSince().minusDays(1);
            }
        }
        for (; !d.isBefore(floor); d = d.minusDays(1)) {
            if (matches.test(day(d))) {
                return d;
            }
        }
        return null;
    }
}
