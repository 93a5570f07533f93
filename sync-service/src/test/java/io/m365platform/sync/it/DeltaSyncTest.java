package io.m365platform.sync.it;

import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.directory.GroupMembershipDeleted;
import io.m365platform.contracts.directory.LicenseAssignmentDeleted;
import io.m365platform.contracts.directory.UserDeleted;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.support.Api;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.m365platform.sync.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After changes in the tenant, an incremental run (delta queries) publishes exactly the changes — one synced event
 * per changed entity, a deleted event and a tombstone per deleted one, nothing for the rest — and leaves tables and
 * topics equal to the tenant again.
 */
@QuarkusTest
class DeltaSyncTest extends SyncIntegrationTest {

    @Inject
    RunRepository runs;




    @Test
    void aDeltaRunPublishesExactlyTheChanges() {
        TestConnections.Synced synced = connections.connectAndSync(simulator, "deltasync", 23, 60,
                TestConnections.ALL_READ, Product.MICROSOFT_365,
                Duration.ofSeconds(60));
        var c = synced.connection();
        Run full = synced.run();

        TopicReader topics = new TopicReader(bootstrapServers);
        Map<String, Map<TopicPartition, Long>> offsets = new HashMap<>();
        for (String topic : List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_LICENSE_ASSIGNMENTS,
                Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_GROUP_MEMBERSHIPS)) {
            offsets.put(topic, topics.endOffsets(topic));
        }
        Map<String, String> usersBefore = stored("users", c.connectionId());
        Map<String, String> licensesBefore = stored("license_assignments", c.connectionId());
        Map<String, String> groupsBefore = stored("groups", c.connectionId());
        DirectoryFacts truthBefore = DirectoryFacts.groundTruth(c.tenant(), false, true);

        String deletedUser = mutate(c.tenant());
        // A sign-in of a user nothing else changed: users delta does not show it; the sign-in read of this
        // incremental run does, because the last one is older than sync.schedule.sign-in-activity-max-age.
        Set<String> changedByDelta = changedIds(truthBefore.users(), DirectoryFacts.groundTruth(c.tenant(), false, true).users(),
                DirectoryFacts.UserFact::id);
        User signedIn = c.tenant().users().list().stream().filter(u -> !u.isGuest() && !changedByDelta.contains(u.id()))
                .reduce((a, b) -> b).orElseThrow();
        Instant signInAt = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        c.tenant().users().recordSignIn(signedIn.id(), signInAt, true, true);
        ageSignInRead(c.connectionId(), Duration.ofHours(25));

        String runId = Api.trigger(c.connectionId(), "incremental");
        Run delta = connections.awaitRun(c.connectionId(), r -> r.runId().toString().equals(runId),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.HELD), Duration.ofSeconds(60));
        assertEquals(RunStatus.COMPLETED, delta.status(), delta.statusReason());
        assertEquals(RunMode.INCREMENTAL, delta.mode());

        DirectoryFacts truth = DirectoryFacts.groundTruth(c.tenant(), false, true);
        assertEquals(Map.of(), DirectoryFacts.differences(truth,
                DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())), "tables vs simulator after the delta");
        assertEquals(Map.of(), DirectoryFacts.differences(truth, DirectoryFacts.fromTopics(topics, c.connectionId())),
                "topics vs simulator after the delta");

        // Users: one synced event per user whose state changed, deleted event + tombstone per deleted user.
        var userRecords = topics.read(Topics.DIRECTORY_USERS, c.connectionId(), offsets.get(Topics.DIRECTORY_USERS));
        // A user created in this run is published once, with the sign-in activity the run's sign-in read found
        // (users delta cannot carry it: the round completes its users from that read).
        String created = c.tenant().users().list().stream().filter(u -> u.userPrincipalName().startsWith("delta.new@"))
                .findFirst().orElseThrow().id();
        String createdKey = io.m365platform.contracts.directory.UserSynced.key(c.connectionId(), created);
        var createdRecords = userRecords.stream().filter(e -> e.key().equals(createdKey)).toList();
        assertEquals(1, createdRecords.size(), "the new user, once");
        assertTrue(((io.m365platform.contracts.directory.UserSynced) createdRecords.get(0).event()).user()
                .signInActivity() != null, "with its sign-in activity");
        assertExactlyTheChanges(userRecords, usersBefore, stored("users", c.connectionId()),
                id -> io.m365platform.contracts.directory.UserSynced.key(c.connectionId(), id));
        Set<String> factChanges = changedIds(truthBefore.users(), truth.users(), DirectoryFacts.UserFact::id);
        Set<String> published = userRecords.stream().map(TopicReader.Entry::key).collect(Collectors.toSet());
        for (String id : factChanges) {
            assertTrue(published.contains(io.m365platform.contracts.directory.UserSynced.key(c.connectionId(), id)),
                    "user " + id + " changed in the tenant but was not published");
        }
        assertTrue(userRecords.size() < truth.users().size() / 2, "unchanged users were not published again");
        var signInRecords = userRecords.stream().filter(e -> e.key().endsWith(signedIn.id())).toList();
        assertEquals(1, signInRecords.size(), "the new sign-in is published once");
        var published1 = assertInstanceOf(io.m365platform.contracts.directory.UserSynced.class, signInRecords.get(0).event());
        assertEquals(signInAt, published1.user().signInActivity().lastSignInDateTime());
        assertEquals(signInAt, published1.user().signInActivity().lastSuccessfulSignInDateTime());
        var deletion = userRecords.stream().filter(e -> e.key().endsWith(deletedUser)).toList();
        assertEquals(2, deletion.size(), "a deleted event and a tombstone for the deleted user");
        UserDeleted deleted = assertInstanceOf(UserDeleted.class, deletion.get(0).event());
        assertEquals(DeletionReason.SOFT_DELETED, deleted.reason());
        assertTrue(deletion.get(1).tombstone());

        var licenseRecords = topics.read(Topics.DIRECTORY_LICENSE_ASSIGNMENTS, c.connectionId(),
                offsets.get(Topics.DIRECTORY_LICENSE_ASSIGNMENTS));
        assertExactlyTheChanges(licenseRecords, licensesBefore, stored("license_assignments", c.connectionId()),
                id -> c.connectionId() + "/" + id);
        assertTrue(licenseRecords.stream().anyMatch(e -> e.event() instanceof LicenseAssignmentDeleted l
                && l.userId().equals(deletedUser)), "the deleted user's licenses are withdrawn");

        var groupRecords = topics.read(Topics.DIRECTORY_GROUPS, c.connectionId(), offsets.get(Topics.DIRECTORY_GROUPS));
        assertExactlyTheChanges(groupRecords, groupsBefore, stored("groups", c.connectionId()),
                id -> io.m365platform.contracts.directory.GroupSynced.key(c.connectionId(), id));

        // Memberships: the facts are the whole state, so the published keys are exactly the fact differences.
        var membershipRecords = topics.read(Topics.DIRECTORY_GROUP_MEMBERSHIPS, c.connectionId(),
                offsets.get(Topics.DIRECTORY_GROUP_MEMBERSHIPS));
        Set<String> membershipChanges = changedIds(truthBefore.memberships(), truth.memberships(),
                m -> m.groupId() + "/" + m.memberId());
        Set<String> membershipKeys = membershipRecords.stream().map(e -> e.key().substring(c.connectionId().length() + 1))
                .collect(Collectors.toSet());
        assertEquals(membershipChanges, membershipKeys, "membership records are exactly the membership changes");
        assertTrue(membershipRecords.stream().anyMatch(e -> e.event() instanceof GroupMembershipDeleted),
                "ended memberships are published as deletions");

        // The sign-in read is fresh now: the next incremental run does not read sign-ins again (no GET /users),
        // so a newer sign-in waits for the next full run or for the read to age.
        Map<TopicPartition, Long> usersOffset = topics.endOffsets(Topics.DIRECTORY_USERS);
        long signInReads = simulator.counters().count("GET /v1.0/users");
        c.tenant().users().recordSignIn(signedIn.id(), signInAt.plusSeconds(30), true, true);
        String second = Api.trigger(c.connectionId(), "incremental");
        Run quiet = connections.awaitRun(c.connectionId(), r -> r.runId().toString().equals(second),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.HELD), Duration.ofSeconds(60));
        assertEquals(RunStatus.COMPLETED, quiet.status(), quiet.statusReason());
        assertEquals(signInReads, simulator.counters().count("GET /v1.0/users"), "no sign-in read within the max age");
        assertEquals(List.of(), topics.read(Topics.DIRECTORY_USERS, c.connectionId(), usersOffset),
                "nothing changed that users delta shows");
        assertEquals(Map.of(), DirectoryFacts.differences(truth,
                DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())), "stored sign-in is the one read last");
    }

    /** Makes the connection's last sign-in read look {@code age} old. */
    private void ageSignInRead(String connectionId, Duration age) {
        int rows = jdbc.withConnection(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("update sign_in_activity_read set read_at = read_at - "
                    + "make_interval(secs => ?) where connection_id = ?")) {
                ps.setDouble(1, age.toSeconds());
                ps.setString(2, connectionId);
                return ps.executeUpdate();
            }
        });
        assertEquals(1, rows, "the full run recorded its sign-in read");
    }

    /** Changes the tenant in the ways a real tenant changes; returns the id of the user it deleted. */
    private static String mutate(Tenant t) {
        List<User> users = t.users().list().stream().filter(u -> !u.isGuest()).toList();
        User renamed = users.get(1);
        t.users().update(renamed.id(), b -> b.department("Delta Department").jobTitle("Delta Engineer"));
        t.users().setAccountEnabled(users.get(2).id(), false);
        t.users().setManager(users.get(3).id(), users.get(4).id());
        User licensed = users.stream().filter(u -> u.usageLocation() != null && u.assignedLicenses().isEmpty())
                .findFirst().orElseThrow();
        String sku = t.read(() -> t.skuMap().keySet().iterator().next());
        t.users().assignLicenses(licensed.id(), List.of(AssignedLicense.of(sku)), List.of());
        User added = t.users().add(new User.Builder().userPrincipalName("delta.new@" + domain(users.get(0)))
                .displayName("Delta New").usageLocation("US").build());

        // The user deleted is a member of some group: its memberships go too.
        List<Group> groups = t.groups().list();
        Group withMembers = groups.stream().filter(g -> !g.isDynamic() && g.members().size() > 2).findFirst()
                .orElseThrow();
        String deleted = withMembers.members().stream().filter(m -> t.users().get(m) != null
                && !m.equals(renamed.id())).findFirst().orElseThrow();
        t.users().delete(deleted, false);
        Group target = groups.stream().filter(g -> !g.isDynamic() && !g.id().equals(withMembers.id())
                && !g.members().contains(added.id())).findFirst().orElseThrow();
        t.groups().addMember(target.id(), added.id());
        Group shrinking = groups.stream().filter(g -> !g.isDynamic() && g.members().size() > 3
                && !g.id().equals(target.id())).reduce((a, b) -> b).orElseThrow();
        t.groups().removeMember(shrinking.id(), t.groups().get(shrinking.id()).members().get(0));
        t.groups().rename(groups.get(groups.size() - 1).id(), "Delta Renamed Group " + UUID.randomUUID());
        return deleted;
    }

    private static String domain(User u) {
        return u.userPrincipalName().substring(u.userPrincipalName().indexOf('@') + 1);
    }

    /**
     * The records published since the offsets are exactly: one synced event per object whose stored state changed
     * or that is new, a deleted event and a tombstone per object that is gone — and nothing else.
     */
    private static void assertExactlyTheChanges(List<TopicReader.Entry> records, Map<String, String> before,
                                                Map<String, String> after, Function<String, String> keyOf) {
        Map<String, List<TopicReader.Entry>> byKey = records.stream()
                .collect(Collectors.groupingBy(TopicReader.Entry::key));
        Set<String> expectedKeys = new HashSet<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                String key = keyOf.apply(e.getKey());
                expectedKeys.add(key);
                List<TopicReader.Entry> got = byKey.getOrDefault(key, List.of());
                assertEquals(1, got.size(), "exactly one record for changed " + key + ", got " + got);
                assertTrue(got.get(0).event().getClass().getSimpleName().endsWith("Synced"), key + " synced");
            }
        }
        for (String id : before.keySet()) {
            if (!after.containsKey(id)) {
                String key = keyOf.apply(id);
                expectedKeys.add(key);
                List<TopicReader.Entry> got = byKey.getOrDefault(key, List.of());
                assertEquals(2, got.size(), "a deleted event and a tombstone for " + key + ", got " + got);
                assertTrue(got.get(0).event().getClass().getSimpleName().endsWith("Deleted"), key + " deleted");
                assertTrue(got.get(1).tombstone(), key + " tombstone");
            }
        }
        assertEquals(expectedKeys, byKey.keySet(), "no record for anything that did not change");
    }

    private static <F> Set<String> changedIds(Set<F> before, Set<F> after, Function<F, String> id) {
        Set<String> changed = new HashSet<>();
        for (F f : after) {
            if (!before.contains(f)) {
                changed.add(id.apply(f));
            }
        }
        for (F f : before) {
            if (!after.contains(f)) {
                changed.add(id.apply(f));
            }
        }
        return changed;
    }

    private Map<String, String> stored(String table, String connectionId) {
        return jdbc.withConnection(conn -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("select object_id, data::text from " + table
                    + " where connection_id = ?")) {
                ps.setString(1, connectionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

}
