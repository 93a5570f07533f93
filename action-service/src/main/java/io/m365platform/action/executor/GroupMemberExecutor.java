package io.m365platform.action.executor;

import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.GroupMemberParameters;
import io.m365platform.graph.error.GraphRequestException;

import java.util.Map;

/**
 * add-group-member ({@code POST /groups/{id}/members/$ref}) and remove-group-member
 * ({@code DELETE /groups/{id}/members/{memberId}/$ref} — with {@code /$ref}: without it Graph deletes the member
 * object itself). Graph's "already so" answers are success: 400 "One or more added object references already exist"
 * on add, 404 on remove of a member that is not there (when the group exists).
 */
public final class GroupMemberExecutor implements ActionExecutor {

    private final boolean add;

    private GroupMemberExecutor(boolean add) {
        this.add = add;
    }

    public static GroupMemberExecutor add() {
        return new GroupMemberExecutor(true);
    }

    public static GroupMemberExecutor remove() {
        return new GroupMemberExecutor(false);
    }

    @Override
    public ActionType type() {
        return add ? ActionType.ADD_GROUP_MEMBER : ActionType.REMOVE_GROUP_MEMBER;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        GroupMemberParameters p = input.parameters(GroupMemberParameters.class);
        String group = "/groups/" + GraphPaths.seg(p.groupId());
        Map<String, String> details = Map.of("changed.member", p.memberId() + (add ? " added" : " removed"));
        try {
            if (add) {
                graph.post(group + "/members/$ref", Map.of("@odata.id", GraphPaths.GRAPH + "/directoryObjects/"
                        + p.memberId()));
            } else {
                graph.delete(group + "/members/" + GraphPaths.seg(p.memberId()) + "/$ref");
            }
            return Step.applied(p.groupId(), details);
        } catch (GraphRequestException e) {
            if (add && GraphPaths.alreadyExists(e)) {
                return Step.alreadyApplied(p.groupId(), Map.of());
            }
            if (!add && e.isNotFound()) {
                // The group itself must exist: a 404 for a missing group is a failure, not "already removed".
                graph.get(group + "?$select=id");
                return Step.alreadyApplied(p.groupId(), Map.of());
            }
            throw e;
        }
    }
}
