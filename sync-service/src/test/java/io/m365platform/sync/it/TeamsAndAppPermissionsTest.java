package io.m365platform.sync.it;

import io.m365platform.contracts.apps.ExternalAppSynced;
import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.teams.TeamSynced;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.support.Api;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.m365platform.sync.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Teams come with GET /teams/{id} (archive state, classification, web URL), third-party apps with their application
 * permissions (appRoleAssignments) and users with their signInActivity: a full run stores and publishes them as the
 * simulator holds them, with one request per team and per third-party app; an incremental run reads only the teams
 * whose group changed; a later full run publishes exactly the archived team, the app with a new app role and the
 * user with a new sign-in — once each, nothing else.
 */
@QuarkusTest
class TeamsAndAppPermissionsTest extends SyncIntegrationTest {

    private static final String GET_TEAM = "GET /v1.0/teams/{id}";
    private static final String GET_APP_ROLES = "GET /v1.0/servicePrincipals/{id}/appRoleAssignments";

    @Test
    void teamsAppPermissionsAndSignInsFollowTheTenant() {
        Tenant t = simulator.tenants().generate(new GenerationSpec(57, 90, "teamsapps"));
        List<User> members = t.users().list().stream().filter(u -> !u.isGuest()).toList();
        // two more teams: one archived before the first run, one that stays active
        Group archivedTeam = team(t, "Archived Project", members);
        t.groups().setTeamArchived(archivedTeam.id(), true);
        Group activeTeam = team(t, "Active Project", members);
        long teams = t.groups().list().stream().filter(Group::isTeam).count();
        List<ServicePrincipal> thirdParty = t.read(() -> t.servicePrincipalTable().liveValues().stream()
                .filter(sp -> !sp.appOwnerOrganizationId().equals(ServicePrincipal.MICROSOFT_TENANT)
                        && !sp.appOwnerOrganizationId().equals(t.id())).toList());

        long teamReads = simulator.counters().count(GET_TEAM);
        long roleReads = simulator.counters().count(GET_APP_ROLES);
        TestConnections.Synced synced = connections.connectAndSync(simulator, t, TestConnections.ALL_READ,
                Product.MICROSOFT_TEAMS,
                Duration.ofSeconds(90));
        var c = synced.connection();
        Run full = synced.run();
        int appCount = thirdParty.size();
        assertEquals(teams, simulator.counters().count(GET_TEAM) - teamReads, "one GET /teams/{id} per team");
        assertEquals(appCount, simulator.counters().count(GET_APP_ROLES) - roleReads,
                "one appRoleAssignments request per third-party app");

        DirectoryFacts truth = DirectoryFacts.groundTruth(t, true, true);
        assertTrue(truth.teams().stream().anyMatch(f -> f.id().equals(archivedTeam.id()) && f.archived()), "archived team");
        assertTrue(truth.externalApps().stream().anyMatch(a -> !a.appPermissions().isEmpty()), "apps with app roles");
        assertTrue(truth.users().stream().anyMatch(u -> u.signIn() != null && u.signIn().lastSignInDateTime() != null));
        assertTrue(truth.users().stream().anyMatch(u -> u.employeeId() != null && u.lastPasswordChange() != null));
        assertEquals(Map.of(), DirectoryFacts.differences(truth, DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())),
                "tables vs simulator");
        TopicReader topics = new TopicReader(bootstrapServers);
        assertEquals(Map.of(), DirectoryFacts.differences(truth, DirectoryFacts.fromTopics(topics, c.connectionId())),
                "topics vs simulator");
        TeamSynced archivedEvent = (TeamSynced) topics.replay(Topics.TEAMS_TEAMS, c.connectionId())
                .get(TeamSynced.key(c.connectionId(), archivedTeam.id()));
        assertTrue(archivedEvent.team().isArchived());
        assertNotNull(archivedEvent.team().webUrl());
        ExternalAppSynced withRoles = topics.replay(Topics.APPS_EXTERNAL, c.connectionId()).values().stream()
                .map(ExternalAppSynced.class::cast).filter(e -> !e.app().applicationPermissions().isEmpty())
                .findFirst().orElseThrow();
        assertTrue(withRoles.app().adminConsented());
        assertEquals("Microsoft Graph", withRoles.app().applicationPermissions().get(0).resourceDisplayName());
        assertNotNull(withRoles.app().applicationPermissions().get(0).permission());

        // Incremental: the team whose group changed is read again (and is now archived); a team archived without a
        // group change is not read until the next full run.
        t.groups().setTeamArchived(activeTeam.id(), true);
        t.groups().rename(activeTeam.id(), "Active Project (archived)");
        Group quietlyArchived = t.groups().list().stream().filter(g -> g.isTeam() && !g.id().equals(activeTeam.id())
                && !g.id().equals(archivedTeam.id())).findFirst().orElseThrow();
        t.groups().setTeamArchived(quietlyArchived.id(), true);
        Map<TopicPartition, Long> teamOffsets = topics.endOffsets(Topics.TEAMS_TEAMS);
        teamReads = simulator.counters().count(GET_TEAM);
        Run incremental = run(c.connectionId(), "incremental");
        assertEquals(1, simulator.counters().count(GET_TEAM) - teamReads, "only the team whose group changed");
        var teamRecords = topics.read(Topics.TEAMS_TEAMS, c.connectionId(), teamOffsets);
        assertEquals(List.of(TeamSynced.key(c.connectionId(), activeTeam.id())),
                teamRecords.stream().map(TopicReader.Entry::key).toList(), "exactly the changed team, once");
        TeamSynced renamed = assertInstanceOf(TeamSynced.class, teamRecords.get(0).event());
        assertTrue(renamed.team().isArchived());
        assertEquals("Active Project (archived)", renamed.team().displayName());
        assertEquals(RunMode.INCREMENTAL, incremental.mode());

        // A later full run: the quietly archived team, the app with a new application permission and the user with a
        // new sign-in are published once each; nothing else changes.
        ServicePrincipal app = thirdParty.get(thirdParty.size() - 1);
        Set<String> held = t.apps().appRoleAssignments(app.id()).stream()
                .map(io.m365platform.graphsim.model.AppRoleAssignment::appRoleId).collect(java.util.stream.Collectors.toSet());
        var role = io.m365platform.graphsim.tenant.Catalog.GRAPH_APP_ROLES.stream().filter(r -> !held.contains(r.id()))
                .findFirst().orElseThrow();
        var granted = t.apps().grantAppRole(app.id(), AppOperations.GRAPH_APP_ID, role.value());
        User signedIn = members.get(members.size() - 1);
        Instant at = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        t.users().recordSignIn(signedIn.id(), at, false, true);
        teamOffsets = topics.endOffsets(Topics.TEAMS_TEAMS);
        Map<TopicPartition, Long> appOffsets = topics.endOffsets(Topics.APPS_EXTERNAL);
        Map<TopicPartition, Long> userOffsets = topics.endOffsets(Topics.DIRECTORY_USERS);
        run(c.connectionId(), "full");

        assertEquals(List.of(TeamSynced.key(c.connectionId(), quietlyArchived.id())),
                topics.read(Topics.TEAMS_TEAMS, c.connectionId(), teamOffsets).stream().map(TopicReader.Entry::key).toList());
        var appRecords = topics.read(Topics.APPS_EXTERNAL, c.connectionId(), appOffsets);
        assertEquals(List.of(ExternalAppSynced.key(c.connectionId(), app.id())),
                appRecords.stream().map(TopicReader.Entry::key).toList(), "exactly the app with a new app role, once");
        ExternalAppSynced appEvent = assertInstanceOf(ExternalAppSynced.class, appRecords.get(0).event());
        assertTrue(appEvent.app().applicationPermissions().stream().anyMatch(p -> p.assignmentId().equals(granted.id())
                && role.value().equals(p.permission()) && role.id().equals(p.appRoleId())));
        var userRecords = topics.read(Topics.DIRECTORY_USERS, c.connectionId(), userOffsets);
        assertEquals(List.of(UserSynced.key(c.connectionId(), signedIn.id())),
                userRecords.stream().map(TopicReader.Entry::key).toList(), "exactly the user with a new sign-in, once");
        UserSynced userEvent = assertInstanceOf(UserSynced.class, userRecords.get(0).event());
        assertEquals(at, userEvent.user().signInActivity().lastNonInteractiveSignInDateTime());
        assertEquals(at, userEvent.user().signInActivity().lastSuccessfulSignInDateTime());

        DirectoryFacts after = DirectoryFacts.groundTruth(t, true, true);
        assertEquals(Map.of(), DirectoryFacts.differences(after, DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())),
                "tables vs simulator after the second full run");
        assertEquals(Map.of(), DirectoryFacts.differences(after, DirectoryFacts.fromTopics(topics, c.connectionId())),
                "topics vs simulator after the second full run");
        assertFalse(after.equals(truth));
    }

    private static Group team(Tenant t, String name, List<User> members) {
        String nick = name.toLowerCase().replace(' ', '-');
        return t.groups().create(new Group(null, name, "Team " + name, nick + "@" + domain(members.get(0)), nick, true,
                false, List.of("Unified"), null, null, "Private", null, List.of("Team"), List.of(),
                List.of(members.get(1).id(), members.get(2).id()), List.of(members.get(1).id())));
    }

    private static String domain(User u) {
        return u.userPrincipalName().substring(u.userPrincipalName().indexOf('@') + 1);
    }

    private Run run(String connectionId, String mode) {
        String runId = Api.trigger(connectionId, mode);
        Run run = connections.awaitRun(connectionId, r -> r.runId().toString().equals(runId),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.HELD), Duration.ofSeconds(90));
        assertEquals(RunStatus.COMPLETED, run.status(), run.statusReason());
        return run;
    }
}
