package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Validated changes to a tenant's users; each change takes the tenant's write lock and a new change sequence
 * number, so users/delta sees it. Errors are {@link TenantException}s (not found, conflict, invalid).
 */
public final class UserOperations {
    /** Graph property name → stored value, used to find which properties a change touched (for $select in delta). */
    private static final Map<String, Function<User, Object>> TRACKED = new LinkedHashMap<>();

    static {
        TRACKED.put("userPrincipalName", User::userPrincipalName);
        TRACKED.put("displayName", User::displayName);
        TRACKED.put("givenName", User::givenName);
        TRACKED.put("surname", User::surname);
        TRACKED.put("mail", User::mail);
        TRACKED.put("mailNickname", User::mailNickname);
        TRACKED.put("jobTitle", User::jobTitle);
        TRACKED.put("department", User::department);
        TRACKED.put("officeLocation", User::officeLocation);
        TRACKED.put("companyName", User::companyName);
        TRACKED.put("city", User::city);
        TRACKED.put("country", User::country);
        TRACKED.put("usageLocation", User::usageLocation);
        TRACKED.put("preferredLanguage", User::preferredLanguage);
        TRACKED.put("mobilePhone", User::mobilePhone);
        TRACKED.put("businessPhones", User::businessPhones);
        TRACKED.put("accountEnabled", User::accountEnabled);
        TRACKED.put("userType", User::userType);
        TRACKED.put("externalUserState", User::externalUserState);
        TRACKED.put("employeeId", User::employeeId);
        TRACKED.put("employeeType", User::employeeType);
        TRACKED.put("lastPasswordChangeDateTime", User::lastPasswordChangeDateTime);
        TRACKED.put("manager", User::managerId);
        TRACKED.put("assignedLicenses", User::assignedLicenses);
    }

    private final Tenant tenant;

    UserOperations(Tenant tenant) {
        this.tenant = tenant;
    }

    public User get(String idOrUpn) {
        return tenant.read(() -> tenant.users.get(idOrUpn));
    }

    public User require(String idOrUpn) {
        User u = get(idOrUpn);
        if (u == null) {
            throw TenantException.notFound(idOrUpn);
        }
        return u;
    }

    public List<User> list() {
        return tenant.read(tenant.users::liveValues);
    }

    public int count() {
        return tenant.read(tenant.users::liveCount);
    }

    /** Adds a user; a missing id gets a random GUID, a missing mailNickname the UPN's local part. */
    public User add(User user) {
        if (user.userPrincipalName() == null || user.userPrincipalName().isBlank() || !user.userPrincipalName().contains("@")) {
            throw TenantException.invalid("userPrincipalName is required and must contain '@'");
        }
        if (user.displayName() == null || user.displayName().isBlank()) {
            throw TenantException.invalid("displayName is required");
        }
        User.Builder b = user.toBuilder();
        if (user.id() == null) {
            b.id(UUID.randomUUID().toString());
        }
        if (user.mailNickname() == null) {
            b.mailNickname(user.userPrincipalName().substring(0, user.userPrincipalName().indexOf('@')));
        }
        if (user.createdDateTime() == null) {
            b.createdDateTime(tenant.now());
        }
        User created = b.build();
        return tenant.write(() -> {
            validateReferences(created);
            long seq = tenant.nextSeq();
            tenant.users.insert(created, seq);
            DynamicMembership.reevaluate(tenant, null, created, seq);
            return created;
        });
    }

    /** Applies {@code change} to the user's current state; records the changed properties. */
    public User update(String idOrUpn, UnaryOperator<User.Builder> change) {
        return tenant.write(() -> {
            User old = tenant.users.get(idOrUpn);
            if (old == null) {
                throw TenantException.notFound(idOrUpn);
            }
            User updated = change.apply(old.toBuilder()).build();
            if (!old.id().equals(updated.id())) {
                throw TenantException.invalid("The id of a user cannot change");
            }
            if (updated.userPrincipalName() == null || !updated.userPrincipalName().contains("@")) {
                throw TenantException.invalid("userPrincipalName must contain '@'");
            }
            validateReferences(updated);
            List<String> changed = changedProperties(old, updated);
            if (changed.isEmpty()) {
                return old;
            }
            long seq = tenant.nextSeq();
            tenant.users.replace(old.id(), updated, seq, changed);
            if (changed.contains("assignedLicenses")) {
                tenant.licenseTopologyChanged(seq);
            }
            DynamicMembership.reevaluate(tenant, old, updated, seq);
            return updated;
        });
    }

    /**
     * Records a sign-in of the user at {@code at} (interactive or not, successful or not) in its signInActivity,
     * with a new sign-in request id. signInActivity is not tracked by users delta (Graph does not return it
     * there), so the change does not make the user appear in a delta round.
     */
    public User recordSignIn(String idOrUpn, Instant at, boolean interactive, boolean successful) {
        if (at == null) {
            throw TenantException.invalid("the sign-in time is required");
        }
        return tenant.write(() -> {
            User old = tenant.users.get(idOrUpn);
            if (old == null) {
                throw TenantException.notFound(idOrUpn);
            }
            User updated = old.toBuilder().signInActivity(old.signInActivity().after(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    java.util.UUID.randomUUID().toString(), interactive, successful)).build();
            tenant.nextSeq();
            tenant.users.replaceValue(old.id(), updated);
            return updated;
        });
    }

    /** A password change (reset by an admin or by the user): lastPasswordChangeDateTime becomes now. */
    public User passwordChanged(String idOrUpn) {
        Instant now = tenant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return update(idOrUpn, b -> b.lastPasswordChangeDateTime(now));
    }

    public User rename(String idOrUpn, String displayName) {
        return update(idOrUpn, b -> b.displayName(displayName));
    }

    public User setAccountEnabled(String idOrUpn, boolean enabled) {
        return update(idOrUpn, b -> b.accountEnabled(enabled));
    }

    /** Sets (or with null removes) the manager. */
    public User setManager(String idOrUpn, String managerIdOrUpn) {
        return update(idOrUpn, b -> {
            if (managerIdOrUpn == null) {
                return b.managerId(null);
            }
            User manager = tenant.users.get(managerIdOrUpn);
            if (manager == null) {
                throw TenantException.notFound(managerIdOrUpn);
            }
            return b.managerId(manager.id());
        });
    }

    /**
     * Graph's assignLicense: adds and removes direct assignments. Fails like Graph when the user has no usage
     * location, a SKU is unknown or has no free units, or a removed SKU is not assigned directly.
     */
    public User assignLicenses(String idOrUpn, List<AssignedLicense> add, List<String> removeSkuIds) {
        return tenant.write(() -> {
            User user = tenant.users.get(idOrUpn);
            if (user == null) {
                throw TenantException.notFound(idOrUpn);
            }
            if (!add.isEmpty() && (user.usageLocation() == null || user.usageLocation().isBlank())) {
                throw TenantException.invalid("License assignment cannot be done for user with invalid usage location.");
            }
            Map<String, AssignedLicense> bySku = new LinkedHashMap<>();
            user.assignedLicenses().forEach(l -> bySku.put(l.skuId(), l));
            for (String skuId : removeSkuIds) {
                if (bySku.remove(skuId.toLowerCase()) == null) {
                    throw TenantException.invalid("User does not have a corresponding license with skuId " + skuId + ".");
                }
            }
            Map<String, Integer> consumed = tenant.consumedUnits();
            for (AssignedLicense l : add) {
                Sku sku = tenant.skus.get(l.skuId().toLowerCase());
                if (sku == null) {
                    throw TenantException.invalid("License " + l.skuId() + " does not correspond to a valid company License.");
                }
                boolean alreadyHeld = tenant.effectiveLicenses(user).stream().anyMatch(e -> e.skuId().equals(sku.skuId()));
                if (!alreadyHeld && consumed.getOrDefault(sku.skuId(), 0) >= sku.prepaidEnabled()) {
                    throw TenantException.invalid("Subscription " + sku.skuPartNumber() + " does not have any available licenses.");
                }
                bySku.put(sku.skuId(), new AssignedLicense(sku.skuId(), l.disabledPlans()));
            }
            User updated = user.toBuilder().assignedLicenses(new ArrayList<>(bySku.values())).build();
            long seq = tenant.nextSeq();
            tenant.users.replace(user.id(), updated, seq, List.of("assignedLicenses", "licenseAssignmentStates", "assignedPlans"));
            tenant.licenseTopologyChanged(seq);
            return updated;
        });
    }

    /**
     * Deletes a user: soft (restorable, delta reason "changed") or permanent (reason "deleted"). Like Entra, the
     * user leaves its groups and role assignments, its consents go, and its reports lose their manager.
     */
    public void delete(String idOrUpn, boolean permanent) {
        tenant.write(() -> {
            EntityTable.Slot<User> slot = permanent ? tenant.users.findAny(idOrUpn) : tenant.users.find(idOrUpn);
            if (slot == null) {
                // a soft-deleted user can still be purged by id; a UPN no longer resolves once deleted
                throw TenantException.notFound(idOrUpn);
            }
            String id = slot.value().id();
            boolean wasLive = slot.live();
            long seq = tenant.nextSeq();
            tenant.users.remove(id, permanent, seq, tenant.now());
            if (!wasLive) {
                return;
            }
            GroupOperations.removeFromAllGroups(tenant, id, seq);
            tenant.roleAssignments.removeIf(a -> a.principalId().equals(id));
            tenant.permissionGrants.removeIf(g -> id.equals(g.principalId()));
            for (int i = 0; i < tenant.users.size(); i++) {
                EntityTable.Slot<User> s = tenant.users.slot(i);
                if (s.live() && id.equals(s.value().managerId())) {
                    tenant.users.replace(s.value().id(), s.value().toBuilder().managerId(null).build(), seq, List.of("manager"));
                }
            }
            if (id.equals(tenant.adminUserId)) {
                tenant.adminUserId = null;
            }
        });
    }

    private void validateReferences(User user) {
        if (user.managerId() != null) {
            if (user.managerId().equalsIgnoreCase(user.id())) {
                throw TenantException.invalid("A user cannot be their own manager");
            }
            if (tenant.users.get(user.managerId()) == null) {
                throw TenantException.notFound(user.managerId());
            }
        }
        for (AssignedLicense l : user.assignedLicenses()) {
            if (!tenant.skus.containsKey(l.skuId())) {
                throw TenantException.invalid("License " + l.skuId() + " does not correspond to a valid company License.");
            }
        }
        if (!User.MEMBER.equals(user.userType()) && !User.GUEST.equals(user.userType())) {
            throw TenantException.invalid("userType must be Member or Guest");
        }
    }

    static List<String> changedProperties(User old, User updated) {
        List<String> changed = new ArrayList<>(2);
        for (Map.Entry<String, Function<User, Object>> e : TRACKED.entrySet()) {
            if (!Objects.equals(e.getValue().apply(old), e.getValue().apply(updated))) {
                changed.add(e.getKey());
            }
        }
        if (changed.contains("assignedLicenses")) {
            changed.add("licenseAssignmentStates");
        }
        return changed;
    }

    static final Set<String> LICENSE_PROPERTIES = Set.of("assignedLicenses", "licenseAssignmentStates");
}
