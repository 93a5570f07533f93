package io.m365platform.sync.it;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.graphsim.model.User;
import io.m365platform.sync.engine.EngineContext;
import io.m365platform.sync.engine.RunDispatcher;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.testsupport.graph.ConnectedTenants.TestConnection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages that write only entity rows are written two at once (the later one's checkpoint waits for the earlier
 * page). When a page's write fails, no page after it may commit: the run pauses with its checkpoint after the last
 * good page, and the resumed run ends in the tenant's exact state. The failure is a PostgreSQL trigger that rejects
 * one user of the second users page.
 */
@QuarkusTest
class PageWriteFailureTest extends SyncIntegrationTest {

    private static final int PAGE = 40; // %test.sync.graph.page-size


    @Inject
    EngineContext context;

    @Inject
    RunRepository runs;

    @Inject
    StepRepository steps;

    @Inject
    RunDispatcher dispatcher;





    @Test
    void aFailedPageWriteHoldsBackThePagesAfterItAndTheResumedRunEndsExact() {
        TestConnection c = connections.known(simulator, "failing-write", 73, 130);
        String connectionId = c.connectionId();
        // A first delta round returns the users in the tenant's order, PAGE a page.
        List<User> order = c.tenant().users().list();
        String poisoned = order.get(PAGE + PAGE / 2).id();
        Set<String> firstPage = new HashSet<>(order.subList(0, PAGE).stream().map(User::id).toList());

        reject("users", poisoned);
        UUID runId = UUID.randomUUID();
        try {
            startAndAwaitPause(c, runId);

            // Only the first page committed: not the failed one, nor one written beside it.
            assertEquals(firstPage, storedUsers(connectionId), "the users of the first page, and only those");
            assertFalse(storedUsers(connectionId).contains(poisoned));
            // The step's counters commit with its checkpoint: they count the first page's users alone.
            assertEquals(PAGE, steps.steps(runId).stream().filter(s -> s.resource() == SyncResource.USERS)
                    .mapToLong(s -> s.created()).sum(), "checkpoint after the first page");
        } finally {
            allowAll("users");
        }

        awaitExactAfterResume(c, runId);
    }

    /**
     * A first sync publishes memberships in chunks, two written at once, in key order: when one chunk's write fails,
     * the run pauses with its cursor after the last good chunk (of the direct memberships, read from the edges, or
     * of the staged transitive ones), and the resumed run continues from there to the exact state.
     */
    @ParameterizedTest
    @ValueSource(strings = {"direct", "transitive"})
    void aFailedMembershipChunkHoldsBackTheChunksAfterItAndTheResumedRunEndsExact(String relation) {
        TestConnection c = connections.known(simulator, "failing-" + relation, 79, 1000);
        int chunk = context.settings().membershipChunk();
        DirectoryFacts truth = DirectoryFacts.groundTruth(c.tenant(), false, true);
        // Both kinds are published in the order of (group id, member id), as the database's collation sorts them.
        List<DirectoryFacts.MembershipFact> direct = inKeyOrder(truth.memberships().stream()
                .filter(m -> m.relation().equals("direct")).toList());
        List<DirectoryFacts.MembershipFact> transitive = inKeyOrder(truth.memberships().stream()
                .filter(m -> m.relation().equals("transitive")).toList());
        List<DirectoryFacts.MembershipFact> ofRelation = relation.equals("direct") ? direct : transitive;
        assertTrue(ofRelation.size() > 3 * chunk, "the tenant has " + ofRelation.size() + " " + relation
                + " memberships: too few for chunks of " + chunk);
        // In the third chunk: two chunks commit, the third fails, and the fourth (written beside it) must not commit.
        int poisonedAt = 2 * chunk + chunk / 2;
        DirectoryFacts.MembershipFact poisoned = ofRelation.get(poisonedAt);
        Set<DirectoryFacts.MembershipFact> expected = new HashSet<>(ofRelation.subList(0, 2 * chunk));
        if (relation.equals("transitive")) {
            expected.addAll(direct);
        }

        reject("group_memberships", EventKey.of(poisoned.groupId(), poisoned.memberId()));
        UUID runId = UUID.randomUUID();
        try {
            startAndAwaitPause(c, runId);
            assertEquals(expected, DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId()).memberships(),
                    "the memberships of the chunks before the failed one, and only those");
        } finally {
            allowAll("group_memberships");
        }
        awaitExactAfterResume(c, runId);
    }

    /** The memberships sorted by (group id, member id) in the database's own order, as the keyset reads them. */
    private List<DirectoryFacts.MembershipFact> inKeyOrder(List<DirectoryFacts.MembershipFact> memberships) {
        java.util.Map<String, DirectoryFacts.MembershipFact> byKey = new java.util.HashMap<>();
        for (DirectoryFacts.MembershipFact m : memberships) {
            byKey.put(EventKey.of(m.groupId(), m.memberId()), m);
        }
        return jdbc.withConnection(c -> {
            List<DirectoryFacts.MembershipFact> sorted = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select g, m from unnest(?::text[], ?::text[]) as t(g, m) "
                    + "order by g, m")) {
                ps.setArray(1, c.createArrayOf("text", memberships.stream().map(DirectoryFacts.MembershipFact::groupId)
                        .toArray(String[]::new)));
                ps.setArray(2, c.createArrayOf("text", memberships.stream().map(DirectoryFacts.MembershipFact::memberId)
                        .toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sorted.add(byKey.get(EventKey.of(rs.getString(1), rs.getString(2))));
                    }
                }
            }
            return sorted;
        });
    }

    private void startAndAwaitPause(TestConnection c, UUID runId) {
        runs.enqueue(new RunRepository.NewRun(runId, c.connectionId(), c.tenant().id(), RunMode.FULL,
                SyncTrigger.REQUEST, null, "test", "write failure test", List.of(),
                context.settings().instanceId(), context.settings().lease()));
        dispatcher.dispatch(runId);
        Run paused = connections.awaitRun(c.connectionId(), r -> r.runId().equals(runId), Set.of(RunStatus.PAUSED,
                RunStatus.FAILED, RunStatus.COMPLETED), Duration.ofSeconds(60));
        assertEquals(RunStatus.PAUSED, paused.status(), paused.statusReason());
        assertEquals("database-error", paused.errorCode());
    }

    private void awaitExactAfterResume(TestConnection c, UUID runId) {
        Run resumed = connections.awaitRun(c.connectionId(), r -> r.runId().equals(runId),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED), Duration.ofSeconds(90));
        assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.statusReason());
        DirectoryFacts.assertStoredAndPublished(DirectoryFacts.groundTruth(c.tenant(), false, true), jdbc, catalog,
                bootstrapServers, c.connectionId());
    }

    /** A trigger that fails the write of one row of {@code table}: the injected database failure. */
    private void reject(String table, String objectId) {
        if (!objectId.matches("[0-9a-f/-]+") || !table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table + " " + objectId);
        }
        jdbc.inTransactionVoid(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("create or replace function test_reject_row() returns trigger language plpgsql as $$ "
                        + "begin if new.object_id = '" + objectId + "' then "
                        + "raise exception 'injected write failure for %', new.object_id; end if; return new; end $$");
                st.execute("create trigger test_reject_row before insert or update on " + table + " for each row "
                        + "execute function test_reject_row()");
            }
        });
    }

    private void allowAll(String table) {
        jdbc.inTransactionVoid(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("drop trigger if exists test_reject_row on " + table);
                st.execute("drop function if exists test_reject_row()");
            }
        });
    }

    private Set<String> storedUsers(String connectionId) {
        return jdbc.withConnection(c -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select object_id from users where connection_id = ?")) {
                ps.setString(1, connectionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }
}
