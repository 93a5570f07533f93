package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.AddTeamMemberParameters;
import io.m365platform.contracts.action.parameters.RemoveTeamMemberParameters;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * add-team-member ({@code POST /teams/{id}/members}) and remove-team-member
 * ({@code DELETE /teams/{id}/members/{membershipId}}: Graph removes by membership id, not user id). The team's
 * members are read first: a user already there with the asked role, or already gone, is {@code already-applied}.
 * Removing the last owner is refused by Graph and classified as {@code last-owner}.
 */
public final class TeamMemberExecutor implements ActionExecutor {

    private final boolean add;

    private TeamMemberExecutor(boolean add) {
        this.add = add;
    }

    public static TeamMemberExecutor add() {
        return new TeamMemberExecutor(true);
    }

    public static TeamMemberExecutor remove() {
        return new TeamMemberExecutor(false);
    }

    @Override
    public ActionType type() {
        return add ? ActionType.ADD_TEAM_MEMBER : ActionType.REMOVE_TEAM_MEMBER;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        String teamId = add ? input.parameters(AddTeamMemberParameters.class).teamId()
                : input.parameters(RemoveTeamMemberParameters.class).teamId();
        String userId = add ? input.parameters(AddTeamMemberParameters.class).userId()
                : input.parameters(RemoveTeamMemberParameters.class).userId();
        String members = "/teams/" + GraphPaths.seg(teamId) + "/members";
        Optional<JsonNode> membership = membership(graph, members, userId);
        if (!add) {
            if (membership.isEmpty()) {
                return Step.alreadyApplied(teamId, Map.of());
            }
            graph.delete(members + "/" + GraphPaths.seg(membership.get().path("id").asText()));
            return Step.applied(teamId, Map.of("changed.member", userId + " removed"));
        }
        boolean owner = input.parameters(AddTeamMemberParameters.class).owner();
        if (membership.isPresent() && isOwner(membership.get()) == owner) {
            return Step.alreadyApplied(teamId, Map.of("membershipId", membership.get().path("id").asText()));
        }
        var response = graph.post(members, Map.of(
                "@odata.type", "#microsoft.graph.aadUserConversationMember",
                "roles", owner ? List.of("owner") : List.of(),
                "user@odata.bind", GraphPaths.GRAPH + "/users('" + userId + "')"));
        String membershipId = response.body() == null ? null : GraphPaths.text(response.body(), "id");
        return Step.applied(teamId, membershipId == null ? Map.of("changed.member", userId + " added")
                : Map.of("changed.member", userId + " added" + (owner ? " as owner" : ""), "membershipId",
                membershipId));
    }

    /** The user's membership in the team (members are listed in pages; teams are small). */
    static Optional<JsonNode> membership(GraphSession graph, String membersPath, String userId) {
        String next = membersPath;
        while (next != null) {
            JsonNode page = graph.get(next);
            for (JsonNode m : page.path("value")) {
                if (userId.equalsIgnoreCase(m.path("userId").asText())) {
                    return Optional.of(m);
                }
            }
            next = GraphPaths.text(page, "@odata.nextLink");
        }
        return Optional.empty();
    }

    private static boolean isOwner(JsonNode membership) {
        for (JsonNode role : membership.path("roles")) {
            if ("owner".equalsIgnoreCase(role.asText())) {
                return true;
            }
        }
        return false;
    }
}
