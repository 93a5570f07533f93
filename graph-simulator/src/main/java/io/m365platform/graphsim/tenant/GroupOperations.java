package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Channel;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.Team;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Validated changes to groups, their members and owners, group licenses and Teams. Every membership change is
 * logged per group so groups/delta can answer members@delta; a change to a licensed group's members also
 * touches the affected users (their assignedLicenses change).
 */
public final class GroupOperations {
    private final Tenant tenant;

    GroupOperations(Tenant tenant) {
        this.tenant = tenant;
    }

    public Group get(String id) {
        return tenant.read(() -> tenant.groups.get(id));
    }

    public List<Group> list() {
        return tenant.read(tenant.groups::liveValues);
    }

    public Group create(Group group) {
        if (group.displayName() == null || group.displayName().isBlank()) {
            throw TenantException.invalid("displayName is required");
        }
        Group withId = group.id() != null ? group : new Group(UUID.randomUUID().toString(), group.displayName(),
                group.description(), group.mail(), group.mailNickname(), group.mailEnabled(), group.securityEnabled(),
                group.groupTypes(), group.membershipRule(), group.membershipRuleProcessingState(), group.visibility(),
                group.createdDateTime() == null ? tenant.now() : group.createdDateTime(),
                group.resourceProvisioningOptions(), group.assignedLicenses(), group.members(), group.owners());
        return tenant.write(() -> {
            for (String m : withId.members()) {
                requireDirectoryObject(m);
            }
            for (String o : withId.owners()) {
                requireUser(o);
            }
            for (AssignedLicense l : withId.assignedLicenses()) {
                if (!tenant.skus.containsKey(l.skuId())) {
                    throw TenantException.invalid("License " + l.skuId() + " does not correspond to a valid company License.");
                }
            }
            long seq = tenant.nextSeq();
            tenant.groups.insert(withId, seq);
            // no log entries for the initial members: a group created after a delta token reports all its members
            if (!withId.assignedLicenses().isEmpty()) {
                tenant.licenseTopologyChanged(seq);
            }
            if (withId.isTeam()) {
                tenant.teams.putIfAbsent(withId.id(), new Team(withId.id(), List.of(defaultChannel(withId))));
            }
            if (withId.isDynamic()) {
                DynamicMembership.recompute(tenant, withId.id(), seq);
            }
            return tenant.groups.get(withId.id());
        });
    }

    private static Channel defaultChannel(Group g) {
        return new Channel("19:" + g.id().replace("-", "") + "@thread.tacv2", "General", g.description(), "standard",
                g.createdDateTime(), false, true);
    }

    /** Changes scalar properties (display name, description, visibility, licenses…); members go through add/remove. */
    public Group update(String id, UnaryOperator<Group> change) {
        return tenant.write(() -> {
            Group old = requireGroup(id);
            Group updated = change.apply(old);
            if (!old.id().equals(updated.id()) || !old.members().equals(updated.members())) {
                throw TenantException.invalid("update() cannot change id or members; use addMember/removeMember");
            }
            List<String> changed = new ArrayList<>();
            if (!Objects.equals(old.displayName(), updated.displayName())) changed.add("displayName");
            if (!Objects.equals(old.description(), updated.description())) changed.add("description");
            if (!Objects.equals(old.visibility(), updated.visibility())) changed.add("visibility");
            if (!Objects.equals(old.mail(), updated.mail())) changed.add("mail");
            if (!Objects.equals(old.groupTypes(), updated.groupTypes())) changed.add("groupTypes");
            if (!Objects.equals(old.membershipRule(), updated.membershipRule())) changed.add("membershipRule");
            if (!Objects.equals(old.resourceProvisioningOptions(), updated.resourceProvisioningOptions())) changed.add("resourceProvisioningOptions");
            if (!Objects.equals(old.owners(), updated.owners())) changed.add("owners");
            boolean licenses = !Objects.equals(old.assignedLicenses(), updated.assignedLicenses());
            if (licenses) changed.add("assignedLicenses");
            if (changed.isEmpty()) {
                return old;
            }
            long seq = tenant.nextSeq();
            tenant.groups.replace(old.id(), updated, seq, changed);
            if (licenses) {
                tenant.licenseTopologyChanged(seq);
                for (String m : updated.members()) {
                    if (tenant.users.find(m) != null) {
                        tenant.users.touch(m, seq, UserOperations.LICENSE_PROPERTIES);
                    }
                }
            }
            if (updated.isTeam() && !tenant.teams.containsKey(updated.id())) {
                tenant.teams.put(updated.id(), new Team(updated.id(), List.of(defaultChannel(updated))));
            }
            if (updated.isDynamic() && changed.contains("membershipRule")) {
                DynamicMembership.recompute(tenant, updated.id(), seq);
            }
            return updated;
        });
    }

    public Group rename(String id, String displayName) {
        return update(id, g -> g.withDisplayName(displayName));
    }

    public Group setLicenses(String id, List<AssignedLicense> licenses) {
        for (AssignedLicense l : licenses) {
            if (tenant.read(() -> !tenant.skus.containsKey(l.skuId()))) {
                throw TenantException.invalid("License " + l.skuId() + " does not correspond to a valid company License.");
            }
        }
        return update(id, g -> g.withAssignedLicenses(licenses));
    }

    /** Adds a user or group as a direct member. Conflict when already a member (Graph: 400), invalid on dynamic groups. */
    public void addMember(String groupId, String memberId) {
        tenant.write(() -> {
            Group g = requireGroup(groupId);
            String member = requireDirectoryObject(memberId);
            if (g.isDynamic()) {
                throw TenantException.invalid("Insufficient privileges to complete the operation. Members of a dynamic group cannot be changed manually.");
            }
            if (g.members().contains(member)) {
                throw TenantException.conflict("One or more added object references already exist for the following modified properties: 'members'.");
            }
            if (member.equals(g.id())) {
                throw TenantException.invalid("A group cannot be a member of itself");
            }
            List<String> members = new ArrayList<>(g.members());
            members.add(member);
            applyMembers(g, members, member, false);
        });
    }

    public void removeMember(String groupId, String memberId) {
        tenant.write(() -> {
            Group g = requireGroup(groupId);
            if (g.isDynamic()) {
                throw TenantException.invalid("Insufficient privileges to complete the operation. Members of a dynamic group cannot be changed manually.");
            }
            String member = findMember(g, memberId);
            if (member == null) {
                throw TenantException.notFound(memberId);
            }
            List<String> members = new ArrayList<>(g.members());
            members.remove(member);
            applyMembers(g, members, member, true);
        });
    }

    public void addOwner(String groupId, String userId) {
        update(groupId, g -> {
            String id = requireUser(userId);
            if (g.owners().contains(id)) {
                throw TenantException.conflict("One or more added object references already exist for the following modified properties: 'owners'.");
            }
            List<String> owners = new ArrayList<>(g.owners());
            owners.add(id);
            return g.withOwners(owners);
        });
    }

    public void removeOwner(String groupId, String userId) {
        update(groupId, g -> {
            List<String> owners = new ArrayList<>(g.owners());
            if (!owners.removeIf(o -> o.equalsIgnoreCase(userId))) {
                throw TenantException.notFound(userId);
            }
            return g.withOwners(owners);
        });
    }

    /** Adds a channel to a team. */
    public Channel addChannel(String groupId, String displayName, String membershipType) {
        return tenant.write(() -> {
            Group g = requireGroup(groupId);
            Team team = tenant.teams.get(g.id());
            if (team == null) {
                throw TenantException.notFound(groupId);
            }
            Channel c = new Channel("19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2", displayName,
                    null, membershipType == null ? "standard" : membershipType, tenant.now(), false, false);
            List<Channel> channels = new ArrayList<>(team.channels());
            channels.add(c);
            tenant.teams.put(g.id(), team.withChannels(channels));
            tenant.nextSeq();
            return c;
        });
    }

    /**
     * Archives or unarchives a team (Graph's {@code POST /teams/{id}/archive|unarchive}). The group itself does
     * not change, so the groups delta does not report it: only reading the team shows it.
     */
    public Team setTeamArchived(String groupId, boolean archived) {
        return tenant.write(() -> {
            Group g = requireGroup(groupId);
            Team team = tenant.teams.get(g.id());
            if (team == null || !g.isTeam()) {
                throw TenantException.notFound(groupId);
            }
            Team updated = team.withArchived(archived);
            tenant.teams.put(g.id(), updated);
            tenant.nextSeq();
            return updated;
        });
    }

    public void delete(String groupId, boolean permanent) {
        tenant.write(() -> {
            EntityTable.Slot<Group> slot = permanent ? tenant.groups.findAny(groupId) : tenant.groups.find(groupId);
            if (slot == null) {
                throw TenantException.notFound(groupId);
            }
            boolean wasLive = slot.live();
            long seq = tenant.nextSeq();
            Group g = tenant.groups.remove(slot.value().id(), permanent, seq, tenant.now());
            if (wasLive) {
                removeFromAllGroups(tenant, g.id(), seq);
                if (!g.assignedLicenses().isEmpty()) {
                    tenant.licenseTopologyChanged(seq);
                    for (String m : g.members()) {
                        if (tenant.users.find(m) != null) {
                            tenant.users.touch(m, seq, UserOperations.LICENSE_PROPERTIES);
                        }
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------- internals (inside write)

    void applyMembers(Group g, List<String> members, String changedMember, boolean removed) {
        long seq = tenant.nextSeq();
        applyMembers(tenant, g, members, List.of(new MemberChange(seq, changedMember, removed)), seq);
    }

    static void applyMembers(Tenant tenant, Group g, List<String> members, List<MemberChange> changes, long seq) {
        tenant.groups.replace(g.id(), g.withMembers(members), seq, List.of("members"));
        tenant.memberChanges.computeIfAbsent(g.id(), k -> new ArrayList<>()).addAll(changes);
        if (!g.assignedLicenses().isEmpty()) {
            tenant.licenseTopologyChanged(seq);
            for (MemberChange c : changes) {
                if (tenant.users.find(c.memberId()) != null) {
                    tenant.users.touch(c.memberId(), seq, UserOperations.LICENSE_PROPERTIES);
                }
            }
        }
    }

    /** Removes an object from every group it is a direct member or owner of. */
    static void removeFromAllGroups(Tenant tenant, String memberId, long seq) {
        for (int i = 0; i < tenant.groups.size(); i++) {
            EntityTable.Slot<Group> s = tenant.groups.slot(i);
            if (!s.live()) {
                continue;
            }
            Group g = s.value();
            if (g.members().contains(memberId)) {
                List<String> members = new ArrayList<>(g.members());
                members.remove(memberId);
                applyMembers(tenant, g, members, List.of(new MemberChange(seq, memberId, true)), seq);
                g = tenant.groups.get(g.id());
            }
            if (g.owners().contains(memberId)) {
                List<String> owners = new ArrayList<>(g.owners());
                owners.remove(memberId);
                tenant.groups.replace(g.id(), g.withOwners(owners), seq, List.of("owners"));
            }
        }
    }

    private Group requireGroup(String id) {
        Group g = tenant.groups.get(id);
        if (g == null) {
            throw TenantException.notFound(id);
        }
        return g;
    }

    private String requireUser(String idOrUpn) {
        var u = tenant.users.get(idOrUpn);
        if (u == null) {
            throw TenantException.notFound(idOrUpn);
        }
        return u.id();
    }

    private String requireDirectoryObject(String id) {
        var u = tenant.users.get(id);
        if (u != null) {
            return u.id();
        }
        Group g = tenant.groups.get(id);
        if (g != null) {
            return g.id();
        }
        throw TenantException.notFound(id);
    }

    private static String findMember(Group g, String memberId) {
        for (String m : g.members()) {
            if (m.equalsIgnoreCase(memberId)) {
                return m;
            }
        }
        return null;
    }
}
