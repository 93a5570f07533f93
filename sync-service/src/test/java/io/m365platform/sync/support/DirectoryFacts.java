package io.m365platform.sync.support;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.apps.DelegatedConsent;
import io.m365platform.contracts.apps.ExternalApp;
import io.m365platform.contracts.apps.ExternalAppSynced;
import io.m365platform.contracts.directory.AssignedLicense;
import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.directory.DirectoryRole;
import io.m365platform.contracts.directory.DirectoryRoleSynced;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.GroupKind;
import io.m365platform.contracts.directory.GroupMembership;
import io.m365platform.contracts.directory.GroupMembershipSynced;
import io.m365platform.contracts.directory.GroupSynced;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.contracts.directory.Organization;
import io.m365platform.contracts.directory.OrganizationSynced;
import io.m365platform.contracts.directory.RoleAssignment;
import io.m365platform.contracts.directory.RoleAssignmentSynced;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.contracts.directory.SignInActivity;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.teams.Channel;
import io.m365platform.contracts.teams.ChannelSynced;
import io.m365platform.contracts.teams.InstalledApp;
import io.m365platform.contracts.teams.InstalledAppSynced;
import io.m365platform.contracts.teams.Team;
import io.m365platform.contracts.teams.TeamMember;
import io.m365platform.contracts.teams.TeamMemberSynced;
import io.m365platform.contracts.teams.TeamSynced;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.TeamsApp;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.LicenseState;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.resource.apps.ExternalAppKind;
import io.m365platform.sync.resource.groups.GroupEntityKind;
import io.m365platform.sync.resource.groups.MembershipKind;
import io.m365platform.sync.resource.licenses.SubscribedSkuKind;
import io.m365platform.sync.resource.organization.OrganizationKind;
import io.m365platform.sync.resource.roles.DirectoryRoleKind;
import io.m365platform.sync.resource.roles.RoleAssignmentKind;
import io.m365platform.sync.resource.teams.ChannelKind;
import io.m365platform.sync.resource.teams.InstalledAppKind;
import io.m365platform.sync.resource.teams.TeamKind;
import io.m365platform.sync.resource.teams.TeamMemberKind;
import io.m365platform.sync.resource.users.LicenseAssignmentKind;
import io.m365platform.sync.resource.users.UserKind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a tenant looks like, reduced to comparable facts, from three sources: the simulator's ground truth, the
 * synced tables, and the entity topics as a fresh consumer rebuilds them. A test asserts the three are equal.
 */
public record DirectoryFacts(
        Set<UserFact> users,
        Set<LicenseFact> licenses,
        Set<SkuFact> skus,
        Set<GroupFact> groups,
        Set<MembershipFact> memberships,
        Set<RoleFact> roles,
        Set<RoleAssignmentFact> roleAssignments,
        Set<OrgFact> organization,
        Set<TeamFact> teams,
        Set<ChannelFact> channels,
        Set<TeamMemberFact> teamMembers,
        Set<InstalledAppFact> installedApps,
        Set<ExternalAppFact> externalApps) {

    public record UserFact(String id, String upn, String displayName, String givenName, String surname, String mail,
                           String jobTitle, String department, String companyName, String city, String country,
                           Boolean accountEnabled, String userType, String usageLocation, String managerId,
                           Instant created, String externalUserState, Set<String> skuIds, String employeeId,
                           String employeeType, Instant lastPasswordChange, SignInActivity signIn) {
        static UserFact of(DirectoryUser u) {
            return new UserFact(u.id(), u.userPrincipalName(), u.displayName(), u.givenName(), u.surname(), u.mail(),
                    u.jobTitle(), u.department(), u.companyName(), u.city(), u.country(), u.accountEnabled(),
                    u.userType(), u.usageLocation(), u.managerId(), u.createdDateTime(), u.externalUserState(),
                    u.assignedLicenses().stream().map(AssignedLicense::skuId).collect(Collectors.toCollection(TreeSet::new)),
                    u.employeeId(), u.employeeType(), u.lastPasswordChangeDateTime(), u.signInActivity());
        }
    }

    public record LicenseFact(String userId, String skuId, String skuPartNumber, boolean direct, Set<String> groups) {
        static LicenseFact of(LicenseAssignment a) {
            return new LicenseFact(a.userId(), a.skuId(), a.skuPartNumber(), a.assignedDirectly(),
                    new TreeSet<>(a.inheritedFromGroupIds()));
        }
    }

    public record SkuFact(String skuId, String partNumber, String status, int enabled, int consumed, int unassigned) {
        static SkuFact of(SubscribedSku s) {
            return new SkuFact(s.skuId(), s.skuPartNumber(), s.capabilityStatus(), s.prepaidUnits().enabled(),
                    s.consumedUnits(), s.unassignedUnits());
        }
    }

    public record GroupFact(String id, String displayName, GroupKind kind, boolean team, String mail) {
        static GroupFact of(DirectoryGroup g) {
            return new GroupFact(g.id(), g.displayName(), g.kind(), g.isTeam(), g.mail());
        }
    }

    public record MembershipFact(String groupId, String memberId, String memberType, String relation) {
        static MembershipFact of(GroupMembership m) {
            return new MembershipFact(m.groupId(), m.memberId(), m.memberType().wireName(), m.relation().wireName());
        }
    }

    public record RoleFact(String id, String templateId, String displayName) {
        static RoleFact of(DirectoryRole r) {
            return new RoleFact(r.id(), r.roleTemplateId(), r.displayName());
        }
    }

    public record RoleAssignmentFact(String id, String principalId, String roleDefinitionId) {
        static RoleAssignmentFact of(RoleAssignment a) {
            return new RoleAssignmentFact(a.id(), a.principalId(), a.roleDefinitionId());
        }
    }

    public record OrgFact(String id, String displayName, Set<String> domains) {
        static OrgFact of(Organization o) {
            return new OrgFact(o.id(), o.displayName(),
                    o.verifiedDomains().stream().map(d -> d.name()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    /** {@code webUrlOfTeam}: the Teams link names the team (its exact form is the simulator's). */
    public record TeamFact(String id, String displayName, String classification, boolean archived, boolean webUrlOfTeam) {
        static TeamFact of(Team t) {
            return new TeamFact(t.id(), t.displayName(), t.classification(), t.isArchived(),
                    t.webUrl() != null && t.webUrl().startsWith("https://teams.microsoft.com/l/team/")
                            && t.webUrl().contains("groupId=" + t.id()));
        }
    }

    public record ChannelFact(String teamId, String id, String displayName, String membershipType) {
        static ChannelFact of(Channel c) {
            return new ChannelFact(c.teamId(), c.id(), c.displayName(), c.membershipType());
        }
    }

    public record TeamMemberFact(String teamId, String userId, Set<String> roles) {
        static TeamMemberFact of(TeamMember m) {
            return new TeamMemberFact(m.teamId(), m.userId(), new TreeSet<>(m.roles()));
        }
    }

    public record InstalledAppFact(String userId, String teamsAppId, String displayName) {
        static InstalledAppFact of(InstalledApp a) {
            return new InstalledAppFact(a.userId(), a.teamsAppId(), a.displayName());
        }
    }

    /** {@code appPermissions}: "assignmentId resourceId appRoleId permission" per application permission. */
    public record ExternalAppFact(String servicePrincipalId, String appId, String displayName, Set<String> grantIds,
                                  Set<String> appPermissions) {
        static ExternalAppFact of(ExternalApp a) {
            return new ExternalAppFact(a.servicePrincipalId(), a.appId(), a.displayName(),
                    a.delegatedConsents().stream().map(DelegatedConsent::grantId)
                            .collect(Collectors.toCollection(TreeSet::new)),
                    a.applicationPermissions().stream().map(p -> p.assignmentId() + " " + p.resourceId() + " "
                            + p.appRoleId() + " " + p.permission()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    // ------------------------------------------------------------------ the simulator's ground truth

    private static final Set<String> MICROSOFT_OWNERS = Set.of("f8cdef31-a31e-4b4a-93e4-5f571e91255a",
            "72f988bf-86f1-41af-91ab-2d7cd011db47");

    /** The tenant as the simulator holds it; {@code teams}: whether the Teams resources are expected. */
    public static DirectoryFacts groundTruth(Tenant t, boolean teams, boolean roles) {
        return groundTruth(t, teams, roles, true);
    }

    /** As above; {@code apps}: whether third-party apps are expected (the app may lack the permission). */
    public static DirectoryFacts groundTruth(Tenant t, boolean teams, boolean roles, boolean apps) {
        return groundTruth(t, teams, roles, apps, true);
    }

    /** As above; {@code signIns}: whether users' signInActivity is expected (AuditLog.Read.All granted). */
    public static DirectoryFacts groundTruth(Tenant t, boolean teams, boolean roles, boolean apps, boolean signIns) {
        return t.read(() -> {
            List<User> users = t.userTable().liveValues();
            Map<String, User> userById = users.stream().collect(Collectors.toMap(User::id, Function.identity()));
            List<Group> groups = t.groupTable().liveValues();
            Map<String, Group> groupById = groups.stream().collect(Collectors.toMap(Group::id, Function.identity()));
            Map<String, Sku> skus = t.skuMap();

            Set<UserFact> userFacts = new HashSet<>();
            Set<LicenseFact> licenseFacts = new HashSet<>();
            for (User u : users) {
                Set<String> skuIds = t.effectiveLicenses(u).stream().map(io.m365platform.graphsim.model.AssignedLicense::skuId)
                        .collect(Collectors.toCollection(TreeSet::new));
                String manager = u.managerId() != null && userById.containsKey(u.managerId()) ? u.managerId() : null;
                userFacts.add(new UserFact(u.id(), u.userPrincipalName(), u.displayName(), u.givenName(), u.surname(),
                        u.mail(), u.jobTitle(), u.department(), u.companyName(), u.city(), u.country(),
                        u.accountEnabled(), u.userType(), u.usageLocation(), manager, u.createdDateTime(),
                        u.externalUserState(), skuIds, u.employeeId(), u.employeeType(),
                        u.lastPasswordChangeDateTime(), signIns ? signIn(u.signInActivity()) : null));
                Map<String, List<LicenseState>> bySku = t.licenseStates(u).stream()
                        .collect(Collectors.groupingBy(LicenseState::skuId));
                bySku.forEach((skuId, states) -> licenseFacts.add(new LicenseFact(u.id(), skuId,
                        skus.containsKey(skuId) ? skus.get(skuId).skuPartNumber() : null,
                        states.stream().anyMatch(s -> s.assignedByGroup() == null),
                        states.stream().map(LicenseState::assignedByGroup).filter(g -> g != null)
                                .collect(Collectors.toCollection(TreeSet::new)))));
            }

            Map<String, Integer> consumed = t.consumedUnits();
            Set<SkuFact> skuFacts = new HashSet<>();
            for (Sku s : skus.values()) {
                int used = consumed.getOrDefault(s.skuId(), 0);
                skuFacts.add(new SkuFact(s.skuId(), s.skuPartNumber(), s.capabilityStatus(), s.prepaidEnabled(), used,
                        Math.max(0, s.prepaidEnabled() - used)));
            }

            Set<GroupFact> groupFacts = new HashSet<>();
            Set<MembershipFact> memberships = new HashSet<>();
            for (Group g : groups) {
                groupFacts.add(new GroupFact(g.id(), g.displayName(),
                        GroupKind.classify(g.groupTypes(), g.mailEnabled(), g.securityEnabled()), g.isTeam(), g.mail()));
                Set<String> direct = new HashSet<>(g.members());
                for (String m : reachable(g.id(), groupById)) {
                    String type = groupById.containsKey(m) ? "group" : "user";
                    memberships.add(new MembershipFact(g.id(), m, type, direct.contains(m) ? "direct" : "transitive"));
                }
            }

            Set<RoleFact> roleFacts = new HashSet<>();
            Set<RoleAssignmentFact> assignmentFacts = new HashSet<>();
            if (roles) {
                for (var r : t.directoryRoleList()) {
                    var template = io.m365platform.graphsim.tenant.Catalog.roleTemplate(r.roleTemplateId());
                    if (template != null) {
                        roleFacts.add(new RoleFact(r.id(), r.roleTemplateId(), template.displayName()));
                    }
                }
                for (var a : t.roleAssignmentList()) {
                    assignmentFacts.add(new RoleAssignmentFact(a.id(), a.principalId(), a.roleDefinitionId()));
                }
            }

            var org = t.organization();
            Set<OrgFact> orgFacts = Set.of(new OrgFact(t.id(), org.displayName(), new TreeSet<>(org.verifiedDomains())));

            Set<TeamFact> teamFacts = new HashSet<>();
            Set<ChannelFact> channelFacts = new HashSet<>();
            Set<TeamMemberFact> teamMemberFacts = new HashSet<>();
            Set<InstalledAppFact> appFacts = new HashSet<>();
            if (teams) {
                for (Group g : groups) {
                    var team = t.team(g.id());
                    if (team == null) {
                        continue;
                    }
                    teamFacts.add(new TeamFact(g.id(), g.displayName(), team.classification(), team.isArchived(), true));
                    team.channels().forEach(c -> channelFacts.add(
                            new ChannelFact(g.id(), c.id(), c.displayName(), c.membershipType())));
                    Set<String> ids = new java.util.LinkedHashSet<>(g.owners());
                    ids.addAll(g.members());
                    for (String id : ids) {
                        User u = userById.get(id);
                        if (u != null) {
                            Set<String> r = new TreeSet<>();
                            if (g.owners().contains(id)) {
                                r.add("owner");
                            } else if (u.isGuest()) {
                                r.add("guest");
                            }
                            teamMemberFacts.add(new TeamMemberFact(g.id(), id, r));
                        }
                    }
                }
                for (User u : users) {
                    for (TeamsApp a : t.installedApps(u)) {
                        appFacts.add(new InstalledAppFact(u.id(), a.id(), a.displayName()));
                    }
                }
            }

            Set<ExternalAppFact> externalFacts = new HashSet<>();
            List<OAuth2PermissionGrant> grants = t.permissionGrantList();
            for (ServicePrincipal sp : apps ? t.servicePrincipalTable().liveValues() : List.<ServicePrincipal>of()) {
                String owner = sp.appOwnerOrganizationId();
                if (owner == null || MICROSOFT_OWNERS.contains(owner) || owner.equalsIgnoreCase(t.id())) {
                    continue;
                }
                Set<String> ids = grants.stream().filter(g -> sp.id().equals(g.clientId()))
                        .map(OAuth2PermissionGrant::id).collect(Collectors.toCollection(TreeSet::new));
                Set<String> permissions = t.appRoleAssignmentList().stream().filter(a -> sp.id().equals(a.principalId()))
                        .map(a -> a.id() + " " + a.resourceId() + " " + a.appRoleId() + " "
                                + io.m365platform.graphsim.tenant.Catalog.graphAppRole(a.appRoleId()).value())
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!ids.isEmpty() || !permissions.isEmpty()) {
                    externalFacts.add(new ExternalAppFact(sp.id(), sp.appId(), sp.displayName(), ids, permissions));
                }
            }
            return new DirectoryFacts(userFacts, licenseFacts, skuFacts, groupFacts, memberships, roleFacts,
                    assignmentFacts, orgFacts, teamFacts, channelFacts, teamMemberFacts, appFacts, externalFacts);
        });
    }

    /** The simulator's signInActivity as the contracts carry it (request ids are not part of the contract). */
    private static SignInActivity signIn(io.m365platform.graphsim.model.SignInActivity a) {
        return new SignInActivity(a.lastSignInDateTime(), a.lastNonInteractiveSignInDateTime(),
                a.lastSuccessfulSignInDateTime());
    }

    /** Every object reachable from a group through members, nested groups followed, the group itself excluded. */
    private static Set<String> reachable(String groupId, Map<String, Group> groups) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(groupId));
        while (!todo.isEmpty()) {
            Group g = groups.get(todo.pop());
            if (g == null) {
                continue;
            }
            for (String m : g.members()) {
                if (seen.add(m) && groups.containsKey(m)) {
                    todo.push(m);
                }
            }
        }
        seen.remove(groupId);
        return seen;
    }

    // ------------------------------------------------------------------ the synced tables

    public static DirectoryFacts fromDatabase(Jdbc jdbc, EntityCatalog catalog, String connectionId) {
        return new DirectoryFacts(
                rows(jdbc, catalog, UserKind.INSTANCE, connectionId, UserFact::of),
                rows(jdbc, catalog, LicenseAssignmentKind.INSTANCE, connectionId, LicenseFact::of),
                rows(jdbc, catalog, SubscribedSkuKind.INSTANCE, connectionId, SkuFact::of),
                rows(jdbc, catalog, GroupEntityKind.INSTANCE, connectionId, GroupFact::of),
                rows(jdbc, catalog, MembershipKind.INSTANCE, connectionId, MembershipFact::of),
                rows(jdbc, catalog, DirectoryRoleKind.INSTANCE, connectionId, RoleFact::of),
                rows(jdbc, catalog, RoleAssignmentKind.INSTANCE, connectionId, RoleAssignmentFact::of),
                rows(jdbc, catalog, OrganizationKind.INSTANCE, connectionId, OrgFact::of),
                rows(jdbc, catalog, TeamKind.INSTANCE, connectionId, TeamFact::of),
                rows(jdbc, catalog, ChannelKind.INSTANCE, connectionId, ChannelFact::of),
                rows(jdbc, catalog, TeamMemberKind.INSTANCE, connectionId, TeamMemberFact::of),
                rows(jdbc, catalog, InstalledAppKind.INSTANCE, connectionId, InstalledAppFact::of),
                rows(jdbc, catalog, ExternalAppKind.INSTANCE, connectionId, ExternalAppFact::of));
    }

    private static <S, F> Set<F> rows(Jdbc jdbc, EntityCatalog catalog, EntityKind<S> kind, String connectionId,
                                      Function<S, F> fact) {
        EntityStore<S> store = catalog.store(kind);
        return jdbc.withConnection(c -> {
            Set<F> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select data from " + kind.table()
                    + " where connection_id = ?")) {
                ps.setString(1, connectionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(fact.apply(store.parse(rs.getString(1))));
                    }
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ the topics, replayed from offset 0

    public static DirectoryFacts fromTopics(TopicReader topics, String connectionId) {
        Collection<PlatformEvent> roleTopic = topics.replay(Topics.DIRECTORY_ROLES, connectionId).values();
        return new DirectoryFacts(
                facts(topics, Topics.DIRECTORY_USERS, connectionId, UserSynced.class, e -> UserFact.of(e.user())),
                facts(topics, Topics.DIRECTORY_LICENSE_ASSIGNMENTS, connectionId, LicenseAssignmentSynced.class,
                        e -> LicenseFact.of(e.assignment())),
                facts(topics, Topics.DIRECTORY_SUBSCRIBED_SKUS, connectionId, SubscribedSkuSynced.class,
                        e -> SkuFact.of(e.sku())),
                facts(topics, Topics.DIRECTORY_GROUPS, connectionId, GroupSynced.class, e -> GroupFact.of(e.group())),
                facts(topics, Topics.DIRECTORY_GROUP_MEMBERSHIPS, connectionId, GroupMembershipSynced.class,
                        e -> MembershipFact.of(e.membership())),
                of(roleTopic, DirectoryRoleSynced.class, e -> RoleFact.of(e.role())),
                of(roleTopic, RoleAssignmentSynced.class, e -> RoleAssignmentFact.of(e.assignment())),
                facts(topics, Topics.DIRECTORY_ORGANIZATION, connectionId, OrganizationSynced.class,
                        e -> OrgFact.of(e.organization())),
                facts(topics, Topics.TEAMS_TEAMS, connectionId, TeamSynced.class, e -> TeamFact.of(e.team())),
                facts(topics, Topics.TEAMS_CHANNELS, connectionId, ChannelSynced.class, e -> ChannelFact.of(e.channel())),
                facts(topics, Topics.TEAMS_MEMBERS, connectionId, TeamMemberSynced.class,
                        e -> TeamMemberFact.of(e.member())),
                facts(topics, Topics.TEAMS_INSTALLED_APPS, connectionId, InstalledAppSynced.class,
                        e -> InstalledAppFact.of(e.app())),
                facts(topics, Topics.APPS_EXTERNAL, connectionId, ExternalAppSynced.class,
                        e -> ExternalAppFact.of(e.app())));
    }

    private static <E extends PlatformEvent, F> Set<F> facts(TopicReader topics, String topic, String connectionId,
                                                             Class<E> type, Function<E, F> fact) {
        return of(topics.replay(topic, connectionId).values(), type, fact);
    }

    /** Facts of the events of {@code type}; any other event left as a key's latest record fails the test. */
    private static <E extends PlatformEvent, F> Set<F> of(Collection<PlatformEvent> latest, Class<E> type,
                                                          Function<E, F> fact) {
        Set<F> out = new HashSet<>();
        for (PlatformEvent e : latest) {
            if (type.isInstance(e)) {
                out.add(fact.apply(type.cast(e)));
            } else if (e.getClass().getSimpleName().endsWith("Deleted")) {
                throw new AssertionError("a deleted event was not followed by a tombstone: " + e);
            }
        }
        return out;
    }

    /** Field-by-field comparison with a readable message. */
    /** Asserts that the connection's tables and its topics (replayed from offset 0) both equal {@code truth}. */
    public static void assertStoredAndPublished(DirectoryFacts truth, Jdbc jdbc, EntityCatalog catalog,
                                                String bootstrapServers, String connectionId) {
        org.junit.jupiter.api.Assertions.assertEquals(Map.of(), differences(truth,
                fromDatabase(jdbc, catalog, connectionId)), "tables vs simulator");
        org.junit.jupiter.api.Assertions.assertEquals(Map.of(), differences(truth,
                fromTopics(new TopicReader(bootstrapServers), connectionId)), "topics vs simulator");
    }

    public static Map<String, String> differences(DirectoryFacts expected, DirectoryFacts actual) {
        Map<String, String> diff = new HashMap<>();
        compare(diff, "users", expected.users, actual.users);
        compare(diff, "licenses", expected.licenses, actual.licenses);
        compare(diff, "skus", expected.skus, actual.skus);
        compare(diff, "groups", expected.groups, actual.groups);
        compare(diff, "memberships", expected.memberships, actual.memberships);
        compare(diff, "roles", expected.roles, actual.roles);
        compare(diff, "roleAssignments", expected.roleAssignments, actual.roleAssignments);
        compare(diff, "organization", expected.organization, actual.organization);
        compare(diff, "teams", expected.teams, actual.teams);
        compare(diff, "channels", expected.channels, actual.channels);
        compare(diff, "teamMembers", expected.teamMembers, actual.teamMembers);
        compare(diff, "installedApps", expected.installedApps, actual.installedApps);
        compare(diff, "externalApps", expected.externalApps, actual.externalApps);
        return diff;
    }

    private static <F> void compare(Map<String, String> diff, String what, Set<F> expected, Set<F> actual) {
        if (expected.equals(actual)) {
            return;
        }
        List<F> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<F> unexpected = new ArrayList<>(actual);
        unexpected.removeAll(expected);
        diff.put(what, "expected " + expected.size() + ", got " + actual.size() + "; missing "
                + missing.stream().limit(3).toList() + "; unexpected " + unexpected.stream().limit(3).toList());
    }
}
