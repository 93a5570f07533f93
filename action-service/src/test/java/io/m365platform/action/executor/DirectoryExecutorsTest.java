package io.m365platform.action.executor;

import io.m365platform.action.client.GraphSession;
import io.m365platform.action.store.GraphCall;
import io.m365platform.contracts.action.ActionOutcome;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.ActionParameters;
import io.m365platform.contracts.action.parameters.GroupMemberParameters;
import io.m365platform.contracts.action.parameters.SetManagerParameters;
import io.m365platform.contracts.action.parameters.SetUserTypeParameters;
import io.m365platform.contracts.action.parameters.UpdateUserParameters;
import io.m365platform.contracts.action.parameters.UserTarget;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.request.GraphRequests;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory executors against the Graph simulator: the tenant's state afterwards (simulator ground truth), the
 * outcome of a repeat (already-applied, no second write), the Graph calls recorded, and a dry run that changes
 * nothing.
 */
class DirectoryExecutorsTest {

    static GraphSimulator sim;
    static SimulatedTenant t;
    static GraphRequests writer;
    static Executors EXECUTORS;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        t = new SimulatedTenant(sim, 71, 60);
        EXECUTORS = t.executors();
        writer = t.graph(Set.of("User.ReadWrite.All", "Group.ReadWrite.All", "User.RevokeSessions.All",
                "Directory.Read.All"));
    }

    @AfterAll
    static void stop() {
        t.close();
        sim.close();
    }

    static Step run(ActionType type, ActionParameters parameters, GraphSession session) {
        return EXECUTORS.forType(type).orElseThrow()
                .run(new ActionInput(UUID.randomUUID().toString(), type, parameters, null), session);
    }

    static Step.Done done(ActionType type, ActionParameters parameters) {
        return (Step.Done) run(type, parameters, new GraphSession(writer, false));
    }

    @Test
    void disableThenEnableChangesTheAccountAndARepeatWritesNothing() {
        User user = t.plainMembers().get(1);
        GraphSession session = new GraphSession(writer, false);
        Step.Done disabled = (Step.Done) run(ActionType.DISABLE_USER, new UserTarget(user.id()), session);
        assertEquals(ActionOutcome.APPLIED, disabled.outcome());
        assertFalse(t.user(user.id()).accountEnabled(), "ground truth: account disabled");
        assertEquals("true → false", disabled.details().get("changed.accountEnabled"));
        assertEquals(List.of("GET", "PATCH"), session.calls().stream().map(GraphCall::method).toList());
        assertTrue(session.calls().stream().allMatch(c -> c.requestId() != null && c.status() != null),
                "every call recorded with Graph's request-id: " + session.calls());

        GraphSession repeat = new GraphSession(writer, false);
        Step.Done again = (Step.Done) run(ActionType.DISABLE_USER, new UserTarget(user.id()), repeat);
        assertEquals(ActionOutcome.ALREADY_APPLIED, again.outcome());
        assertEquals(List.of("GET"), repeat.calls().stream().map(GraphCall::method).toList(), "no second write");

        assertEquals(ActionOutcome.APPLIED, done(ActionType.ENABLE_USER, new UserTarget(user.id())).outcome());
        assertTrue(t.user(user.id()).accountEnabled());
    }

    @Test
    void updateUserWritesOnlyWhatDiffers() {
        User user = t.plainMembers().get(2);
        Step.Done updated = done(ActionType.UPDATE_USER, new UpdateUserParameters(user.id(), null, null, null,
                "Chief Tester", "Quality", null, "DE", null, null, null));
        assertEquals(ActionOutcome.APPLIED, updated.outcome());
        User after = t.user(user.id());
        assertEquals("Chief Tester", after.jobTitle());
        assertEquals("Quality", after.department());
        assertEquals("DE", after.usageLocation());
        assertEquals(user.displayName(), after.displayName(), "untouched property unchanged");
        assertEquals(user.jobTitle() + " → Chief Tester", updated.details().get("changed.jobTitle"));
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.UPDATE_USER, new UpdateUserParameters(user.id(),
                null, null, null, "Chief Tester", null, null, null, null, null, null)).outcome());
    }

    @Test
    void userTypeChangesToGuestAndBack() {
        User user = t.plainMembers().get(3);
        assertEquals(ActionOutcome.APPLIED,
                done(ActionType.SET_USER_TYPE, new SetUserTypeParameters(user.id(), "Guest")).outcome());
        assertEquals("Guest", t.user(user.id()).userType());
        assertEquals(ActionOutcome.APPLIED,
                done(ActionType.SET_USER_TYPE, new SetUserTypeParameters(user.id(), "Member")).outcome());
        assertEquals("Member", t.user(user.id()).userType());
    }

    @Test
    void managerIsSetReplacedAndRemoved() {
        List<User> users = t.plainMembers();
        User user = users.get(4);
        User manager = users.get(5);
        Step.Done set = done(ActionType.SET_MANAGER, new SetManagerParameters(user.id(), manager.id()));
        assertEquals(ActionOutcome.APPLIED, set.outcome());
        assertEquals(manager.id(), t.user(user.id()).managerId());
        assertEquals(ActionOutcome.ALREADY_APPLIED,
                done(ActionType.SET_MANAGER, new SetManagerParameters(user.id(), manager.id())).outcome());
        assertEquals(ActionOutcome.APPLIED, done(ActionType.REMOVE_MANAGER, new UserTarget(user.id())).outcome());
        assertNull(t.user(user.id()).managerId());
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.REMOVE_MANAGER, new UserTarget(user.id())).outcome());
    }

    @Test
    void groupMemberIsAddedOnceAndRemoved() {
        Group group = t.assignedGroups().get(0);
        User user = t.plainMembers().stream().filter(u -> !group.members().contains(u.id())).findFirst().orElseThrow();
        var parameters = new GroupMemberParameters(group.id(), user.id());
        assertEquals(ActionOutcome.APPLIED, done(ActionType.ADD_GROUP_MEMBER, parameters).outcome());
        assertTrue(t.group(group.id()).members().contains(user.id()));
        // Graph answers the second add with 400 "One or more added object references already exist…".
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.ADD_GROUP_MEMBER, parameters).outcome());
        assertEquals(ActionOutcome.APPLIED, done(ActionType.REMOVE_GROUP_MEMBER, parameters).outcome());
        assertFalse(t.group(group.id()).members().contains(user.id()));
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.REMOVE_GROUP_MEMBER, parameters).outcome());
        assertNotNull(t.user(user.id()), "removing with /$ref never deletes the member object itself");
    }

    @Test
    void removingFromAGroupThatDoesNotExistFails() {
        User user = t.plainMembers().get(6);
        GraphRequestException e = assertThrows(GraphRequestException.class, () -> done(
                ActionType.REMOVE_GROUP_MEMBER, new GroupMemberParameters(UUID.randomUUID().toString(), user.id())));
        assertEquals(404, e.status());
    }

    @Test
    void revokeSessionsAndDeleteUser() {
        User user = t.plainMembers().get(7);
        assertEquals(ActionOutcome.APPLIED, done(ActionType.REVOKE_SESSIONS, new UserTarget(user.id())).outcome());
        Step.Done deleted = done(ActionType.DELETE_USER, new UserTarget(user.id()));
        assertEquals(ActionOutcome.APPLIED, deleted.outcome());
        assertNull(t.user(user.id()), "ground truth: user gone");
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.DELETE_USER, new UserTarget(user.id())).outcome());
    }

    @Test
    void aDryRunReadsButChangesNothing() {
        User user = t.plainMembers().get(8);
        GraphSession dry = new GraphSession(writer, true);
        Step.Done plan = (Step.Done) run(ActionType.DISABLE_USER, new UserTarget(user.id()), dry);
        assertEquals("true → false", plan.details().get("changed.accountEnabled"));
        assertTrue(t.user(user.id()).accountEnabled(), "the account is still enabled");
        GraphCall write = dry.calls().get(1);
        assertEquals("PATCH", write.method());
        assertTrue(write.dryRun());
        assertNull(write.status());

        GraphSession dryDelete = new GraphSession(writer, true);
        run(ActionType.DELETE_USER, new UserTarget(user.id()), dryDelete);
        assertNotNull(t.user(user.id()), "a dry-run delete deletes nobody");
        assertEquals("DELETE", dryDelete.calls().get(1).method());
    }

    @Test
    void withoutWritePermissionGraphAnswers403() {
        GraphRequests reader = t.graph(Set.of("User.Read.All"));
        User user = t.plainMembers().get(9);
        GraphRequestException e = assertThrows(GraphRequestException.class, () -> run(ActionType.DISABLE_USER,
                new UserTarget(user.id()), new GraphSession(reader, false)));
        assertEquals(403, e.status());
        assertTrue(t.user(user.id()).accountEnabled());
    }
}
