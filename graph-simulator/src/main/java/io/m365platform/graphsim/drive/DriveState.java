package io.m365platform.graphsim.drive;

import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OneDrives of one tenant: generated on the fly until changed, then stored. Guarded by the tenant's lock.
 * A user has a drive when licensed for SharePoint Online (SHAREPOINTENTERPRISE).
 */
final class DriveState {
    private final long seed;
    private final Instant seededBefore;
    private final Map<String, Drive> stored = new HashMap<>();

    DriveState(long seed, Instant seededBefore) {
        this.seed = seed;
        this.seededBefore = seededBefore;
    }

    static DriveState of(Tenant t) {
        return t.extension(DriveState.class, x -> new DriveState(x.seed(), x.now()));
    }

    long seed() {
        return seed;
    }

    Instant seededBefore() {
        return seededBefore;
    }

    /** Inside Tenant.read. */
    Drive drive(User u) {
        Drive d = stored.get(u.id());
        if (d != null) {
            return d;
        }
        boolean seeded = u.createdDateTime() == null || u.createdDateTime().isBefore(seededBefore);
        return DriveGenerator.generate(seed, u, seeded, seededBefore);
    }

    /** Inside Tenant.write. */
    void put(Drive d) {
        stored.put(d.ownerId(), d);
    }

    /** Inside Tenant.read. */
    Map<String, Drive> stored() {
        return new TreeMap<>(stored);
    }
}
