package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.AppRoleAssignment;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.DirectoryRole;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.Organization;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.Team;
import io.m365platform.graphsim.model.TeamsApp;
import io.m365platform.graphsim.model.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * All state of one simulated tenant, guarded by one read-write lock. Readers ({@link #read}) see a consistent
 * directory; writers ({@link #write}) take a new change sequence number per change ({@link #nextSeq}), which is
 * what delta tokens count. Values are immutable records, so a reader may copy references out under the read
 * lock and serialise them after releasing it.
 *
 * <p>Feature state that is not part of the core directory (mailboxes, calendars, drives, usage) hangs off
 * {@link #extension(Class, Function)}; see EXTENSION_POINTS.md.
 */
public final class Tenant {
    private final String id;
    private final long seed;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConcurrentHashMap<Class<?>, Object> extensions = new ConcurrentHashMap<>();

    // ---- guarded by lock ----
    private long seq;
    Organization organization;
    final EntityTable<User> users = new EntityTable<>(User::id, User::userPrincipalName);
    final EntityTable<Group> groups = new EntityTable<>(Group::id, null);
    final EntityTable<ServicePrincipal> servicePrincipals = new EntityTable<>(ServicePrincipal::id, ServicePrincipal::appId);
    final LinkedHashMap<String, Sku> skus = new LinkedHashMap<>();
    final LinkedHashMap<String, Team> teams = new LinkedHashMap<>();
    final List<DirectoryRole> directoryRoles = new ArrayList<>();
    final List<RoleAssignment> roleAssignments = new ArrayList<>();
    final List<OAuth2PermissionGrant> permissionGrants = new ArrayList<>();
    final List<AppRoleAssignment> appRoleAssignments = new ArrayList<>();
    final LinkedHashMap<String, TeamsApp> teamsApps = new LinkedHashMap<>();
    final Map<String, List<String>> installedAppOverrides = new HashMap<>();
    boolean deriveInstalledApps;
    final Map<String, List<MemberChange>> memberChanges = new HashMap<>();
    final LinkedHashMap<String, AppRegistration> apps = new LinkedHashMap<>();
    boolean displayConcealedNames = true;
    long deltaFloorSeq;
    String deltaExpiryCode = "syncStateNotFound";
    String adminUserId;
    private long licenseTopologySeq;

    // ---- derived, recomputed when stale (benign races: two readers may compute the same value) ----
    private volatile Cached<Map<String, List<LicenseState>>> inheritedLicenses;
    private volatile Cached<Map<String, Integer>> consumedUnits;

    private record Cached<V>(long version, V value) {
    }

    public Tenant(String id, long seed, Organization organization, Clock clock) {
        this.id = id;
        this.seed = seed;
        this.organization = organization;
        this.clock = clock;
    }

    public String id() {
        return id;
    }

    public long seed() {
        return seed;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ locking

    public <R> R read(Supplier<R> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <R> R write(Supplier<R> action) {
        if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            // a read lock cannot be upgraded: this would wait for itself forever
            throw new IllegalStateException("Tenant.write called inside Tenant.read");
        }
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    /** The next change sequence number; only inside {@link #write}. */
    public long nextSeq() {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("nextSeq() outside Tenant.write");
        }
        return ++seq;
    }

    /** The latest change sequence number (a delta round started now sees everything up to it). */
    public long currentSeq() {
        return read(() -> seq);
    }

    void requireRead() {
        if (lock.getReadHoldCount() == 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("Tenant data read outside Tenant.read/write");
        }
    }

    /** State of a feature module (mailboxes, usage, …), created on first use. Guard it with read/write too. */
    @SuppressWarnings("unchecked")
    public <T> T extension(Class<T> type, Function<Tenant, T> factory) {
        return (T) extensions.computeIfAbsent(type, t -> factory.apply(this));
    }

    // ------------------------------------------------------------------ raw views (call inside read/write)

    public Organization organization() {
        requireRead();
        return organization;
    }

    public EntityTable<User> userTable() {
        requireRead();
        return users;
    }

    public EntityTable<Group> groupTable() {
        requireRead();
        return groups;
    }

    public EntityTable<ServicePrincipal> servicePrincipalTable() {
        requireRead();
        return servicePrincipals;
    }

    public Map<String, Sku> skuMap() {
        requireRead();
        return skus;
    }

    public Team team(String groupId) {
        requireRead();
        Group g = groups.get(groupId);
        return g == null || !g.isTeam() ? null : teams.get(g.id());
    }

    public List<DirectoryRole> directoryRoleList() {
        requireRead();
        return directoryRoles;
    }

    public List<RoleAssignment> roleAssignmentList() {
        requireRead();
        return roleAssignments;
    }

    public List<OAuth2PermissionGrant> permissionGrantList() {
        requireRead();
        return permissionGrants;
    }

    /** Application permissions granted to service principals (app role assignments). */
    public List<AppRoleAssignment> appRoleAssignmentList() {
        requireRead();
        return appRoleAssignments;
    }

    public Map<String, TeamsApp> teamsAppCatalog() {
        requireRead();
        return teamsApps;
    }

    public List<MemberChange> memberChanges(String groupId) {
        requireRead();
        return memberChanges.getOrDefault(groupId, List.of());
    }

    public boolean displayConcealedNames() {
        return read(() -> displayConcealedNames);
    }

    public void displayConcealedNames(boolean conceal) {
        write(() -> {
            displayConcealedNames = conceal;
        });
    }

    public long deltaFloorSeq() {
        requireRead();
        return deltaFloorSeq;
    }

    public String deltaExpiryCode() {
        requireRead();
        return deltaExpiryCode;
    }

    /**
     * Invalidates every delta token issued so far: their next use answers 410 with {@code code}
     * ("syncStateNotFound" or "resyncRequired").
     */
    public void expireDeltaTokens(String code) {
        if (!"syncStateNotFound".equals(code) && !"resyncRequired".equals(code)) {
            throw TenantException.invalid("Delta expiry code must be syncStateNotFound or resyncRequired, not " + code);
        }
        write(() -> {
            deltaFloorSeq = nextSeq();
            deltaExpiryCode = code;
        });
    }

    /** The user the authorize endpoint signs in when the request names none (login_hint). */
    public String adminUserId() {
        return read(() -> adminUserId);
    }

    public void adminUserId(String userId) {
        write(() -> {
            if (users.get(userId) == null) {
                throw TenantException.notFound(userId);
            }
            adminUserId = users.get(userId).id();
        });
    }

    // ------------------------------------------------------------------ operations

    public UserOperations users() {
        return new UserOperations(this);
    }

    public GroupOperations groups() {
        return new GroupOperations(this);
    }

    public AppOperations apps() {
        return new AppOperations(this);
    }

    void licenseTopologyChanged(long changeSeq) {
        licenseTopologySeq = changeSeq;
    }

    // ------------------------------------------------------------------ derived views (inside read)

    /** Direct and group-inherited licenses of a user, direct first. */
    public List<LicenseState> licenseStates(User user) {
        requireRead();
        List<LicenseState> inherited = inheritedLicenses().getOrDefault(user.id(), List.of());
        if (inherited.isEmpty() && user.assignedLicenses().isEmpty()) {
            return List.of();
        }
        List<LicenseState> result = new ArrayList<>(user.assignedLicenses().size() + inherited.size());
        for (AssignedLicense l : user.assignedLicenses()) {
            result.add(new LicenseState(l.skuId(), l.disabledPlans(), null));
        }
        result.addAll(inherited);
        return result;
    }

    /** The distinct SKUs a user holds (direct or inherited), as Graph's assignedLicenses shows them. */
    public List<AssignedLicense> effectiveLicenses(User user) {
        requireRead();
        List<LicenseState> inherited = inheritedLicenses().getOrDefault(user.id(), List.of());
        if (inherited.isEmpty()) {
            return user.assignedLicenses();
        }
        Map<String, AssignedLicense> bySku = new LinkedHashMap<>();
        for (AssignedLicense l : user.assignedLicenses()) {
            bySku.put(l.skuId(), l);
        }
        for (LicenseState s : inherited) {
            bySku.putIfAbsent(s.skuId(), new AssignedLicense(s.skuId(), s.disabledPlans()));
        }
        return List.copyOf(bySku.values());
    }

    private Map<String, List<LicenseState>> inheritedLicenses() {
        Cached<Map<String, List<LicenseState>>> c = inheritedLicenses;
        if (c != null && c.version == licenseTopologySeq) {
            return c.value;
        }
        Map<String, List<LicenseState>> result = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            EntityTable.Slot<Group> slot = groups.slot(i);
            Group g = slot.value();
            if (!slot.live() || g.assignedLicenses().isEmpty()) {
                continue;
            }
            for (String memberId : g.members()) {
                if (users.find(memberId) == null) {
                    continue; // group-based licensing applies to direct user members only
                }
                List<LicenseState> list = result.computeIfAbsent(memberId, k -> new ArrayList<>(2));
                for (AssignedLicense l : g.assignedLicenses()) {
                    list.add(new LicenseState(l.skuId(), l.disabledPlans(), g.id()));
                }
            }
        }
        inheritedLicenses = new Cached<>(licenseTopologySeq, result);
        return result;
    }

    /** consumedUnits per skuId: live users holding the SKU directly or through a group (disabled users count). */
    public Map<String, Integer> consumedUnits() {
        requireRead();
        Cached<Map<String, Integer>> c = consumedUnits;
        if (c != null && c.version == seq) {
            return c.value;
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, List<LicenseState>> inherited = inheritedLicenses();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            EntityTable.Slot<User> slot = users.slot(i);
            if (!slot.live()) {
                continue;
            }
            User u = slot.value();
            List<LicenseState> inh = inherited.getOrDefault(u.id(), List.of());
            if (u.assignedLicenses().isEmpty() && inh.isEmpty()) {
                continue;
            }
            seen.clear();
            for (AssignedLicense l : u.assignedLicenses()) {
                if (seen.add(l.skuId())) {
                    counts.merge(l.skuId(), 1, Integer::sum);
                }
            }
            for (LicenseState l : inh) {
                if (seen.add(l.skuId())) {
                    counts.merge(l.skuId(), 1, Integer::sum);
                }
            }
        }
        consumedUnits = new Cached<>(seq, counts);
        return counts;
    }

    /** Whether the user holds a SKU that contains a service plan with this name (e.g. TEAMS1). */
    public boolean hasServicePlan(User user, String servicePlanNamePrefix) {
        requireRead();
        for (AssignedLicense l : effectiveLicenses(user)) {
            Sku sku = skus.get(l.skuId());
            if (sku == null) {
                continue;
            }
            for (var plan : sku.servicePlans()) {
                if (plan.servicePlanName().startsWith(servicePlanNamePrefix) && !l.disabledPlans().contains(plan.servicePlanId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Personal Teams apps installed for a user: explicit (fixture/control) or derived from the seed. */
    public List<TeamsApp> installedApps(User user) {
        requireRead();
        List<String> explicit = installedAppOverrides.get(user.id());
        if (explicit != null) {
            List<TeamsApp> result = new ArrayList<>(explicit.size());
            for (String appId : explicit) {
                TeamsApp app = teamsApps.get(appId);
                if (app != null) {
                    result.add(app);
                }
            }
            return result;
        }
        if (!deriveInstalledApps || teamsApps.isEmpty() || !hasServicePlan(user, "TEAMS")) {
            return List.of();
        }
        List<TeamsApp> catalog = new ArrayList<>(teamsApps.values());
        long h = mix(seed ^ user.id().hashCode());
        int count = 1 + (int) Long.remainderUnsigned(h, Math.min(4, catalog.size()));
        List<TeamsApp> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            h = mix(h + i);
            TeamsApp app = catalog.get((int) Long.remainderUnsigned(h, catalog.size()));
            if (!result.contains(app)) {
                result.add(app);
            }
        }
        return result;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    public Map<String, AppRegistration> appMap() {
        requireRead();
        return apps;
    }
}
