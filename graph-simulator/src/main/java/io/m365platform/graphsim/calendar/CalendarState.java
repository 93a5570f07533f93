package io.m365platform.graphsim.calendar;

import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calendars of one tenant: generated on the fly for users nobody changed ({@link CalendarGenerator}), stored
 * once changed. Accounts created after seeding get just their default calendar. Guarded by the tenant's lock.
 */
final class CalendarState {
    private final long seed;
    private final Instant seededBefore;
    private final Map<String, CalendarBox> stored = new HashMap<>();

    CalendarState(long seed, Instant seededBefore) {
        this.seed = seed;
        this.seededBefore = seededBefore;
    }

    static CalendarState of(Tenant t) {
        return t.extension(CalendarState.class, x -> new CalendarState(x.seed(), x.now()));
    }

    Instant seededBefore() {
        return seededBefore;
    }

    /** Inside Tenant.read. */
    CalendarBox box(Tenant t, User u) {
        CalendarBox b = stored.get(u.id());
        if (b != null) {
            return b;
        }
        boolean seeded = u.createdDateTime() == null || u.createdDateTime().isBefore(seededBefore);
        return CalendarGenerator.generate(t, seed, u, seeded, LocalDate.ofInstant(seededBefore, ZoneOffset.UTC));
    }

    /** Inside Tenant.write. */
    void put(String userId, CalendarBox box) {
        stored.put(userId, box);
    }

    /** Inside Tenant.read. */
    Map<String, CalendarBox> stored() {
        return new TreeMap<>(stored);
    }
}
