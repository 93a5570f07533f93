package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.RemoveCalendarDelegationParameters;
import io.m365platform.graph.error.GraphRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * remove-calendar-delegation: the owner's calendar permissions are listed
 * ({@code GET /users/{id}/calendar/calendarPermissions}) and the removable ones for the delegate (or all removable
 * ones) deleted. Entries Graph marks {@code isRemovable: false} ("My Organization") are left alone.
 */
public final class CalendarDelegationExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.REMOVE_CALENDAR_DELEGATION;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        RemoveCalendarDelegationParameters p = input.parameters(RemoveCalendarDelegationParameters.class);
        String permissions = GraphPaths.user(p.userId()) + "/calendar/calendarPermissions";
        List<JsonNode> remove = new ArrayList<>();
        for (JsonNode permission : graph.get(permissions).path("value")) {
            String address = permission.path("emailAddress").path("address").asText("");
            boolean match = p.delegateEmail() == null || p.delegateEmail().equalsIgnoreCase(address);
            if (match && permission.path("isRemovable").asBoolean(false)) {
                remove.add(permission);
            }
        }
        List<String> removed = new ArrayList<>();
        for (JsonNode permission : remove) {
            try {
                graph.delete(permissions + "/" + GraphPaths.seg(permission.path("id").asText()));
                removed.add(permission.path("emailAddress").path("address").asText() + " ("
                        + permission.path("role").asText() + ")");
            } catch (GraphRequestException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
        if (removed.isEmpty()) {
            return Step.alreadyApplied(p.userId(), Map.of("removedDelegations", "0"));
        }
        return Step.applied(p.userId(), Map.of("removedDelegations", Integer.toString(removed.size()),
                "changed.delegates", String.join(", ", removed) + " → none"));
    }
}
