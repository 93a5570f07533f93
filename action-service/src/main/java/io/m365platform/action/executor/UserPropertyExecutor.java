package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.ActionParameters;
import io.m365platform.contracts.action.parameters.SetUserTypeParameters;
import io.m365platform.contracts.action.parameters.UpdateUserParameters;
import io.m365platform.contracts.action.parameters.UserTarget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Actions that set properties of a user with {@code PATCH /users/{id}} (enable, disable, update, user type): the
 * current values are read first, only what differs is written, and nothing is written when nothing differs
 * ({@code already-applied}). PATCH is idempotent, so a repeated attempt cannot do harm either.
 */
public final class UserPropertyExecutor implements ActionExecutor {

    private final ActionType type;
    private final Function<ActionParameters, String> userId;
    private final Function<ActionParameters, Map<String, Object>> wanted;

    private UserPropertyExecutor(ActionType type, Function<ActionParameters, String> userId,
                                 Function<ActionParameters, Map<String, Object>> wanted) {
        this.type = type;
        this.userId = userId;
        this.wanted = wanted;
    }

    public static UserPropertyExecutor enable(boolean enabled) {
        return new UserPropertyExecutor(enabled ? ActionType.ENABLE_USER : ActionType.DISABLE_USER,
                p -> ((UserTarget) p).userId(), p -> Map.of("accountEnabled", enabled));
    }

    public static UserPropertyExecutor userType() {
        return new UserPropertyExecutor(ActionType.SET_USER_TYPE, p -> ((SetUserTypeParameters) p).userId(),
                p -> Map.of("userType", ((SetUserTypeParameters) p).userType()));
    }

    public static UserPropertyExecutor update() {
        return new UserPropertyExecutor(ActionType.UPDATE_USER, p -> ((UpdateUserParameters) p).userId(), p -> {
            UpdateUserParameters u = (UpdateUserParameters) p;
            Map<String, Object> values = new LinkedHashMap<>();
            putIfSet(values, "displayName", u.displayName());
            putIfSet(values, "givenName", u.givenName());
            putIfSet(values, "surname", u.surname());
            putIfSet(values, "jobTitle", u.jobTitle());
            putIfSet(values, "department", u.department());
            putIfSet(values, "officeLocation", u.officeLocation());
            putIfSet(values, "usageLocation", u.usageLocation());
            putIfSet(values, "mobilePhone", u.mobilePhone());
            putIfSet(values, "companyName", u.companyName());
            putIfSet(values, "employeeId", u.employeeId());
            return values;
        });
    }

    private static void putIfSet(Map<String, Object> values, String property, String value) {
        if (value != null) {
            values.put(property, value);
        }
    }

    @Override
    public ActionType type() {
        return type;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        String id = userId.apply(input.parameters());
        Map<String, Object> target = wanted.apply(input.parameters());
        JsonNode current = graph.get(GraphPaths.user(id) + "?$select=id," + String.join(",", target.keySet()));
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : target.entrySet()) {
            JsonNode before = current.get(e.getKey());
            String beforeText = before == null || before.isNull() ? null : before.asText();
            String afterText = String.valueOf(e.getValue());
            if (!Objects.equals(beforeText, afterText)) {
                patch.set(e.getKey(), e.getValue() instanceof Boolean b ? BooleanNode.valueOf(b)
                        : TextNode.valueOf(String.valueOf(e.getValue())));
                details.put("changed." + e.getKey(), beforeText + " → " + afterText);
            }
        }
        String resourceId = GraphPaths.text(current, "id");
        if (patch.isEmpty()) {
            return Step.alreadyApplied(resourceId, Map.of());
        }
        graph.patch(GraphPaths.user(id), patch);
        return Step.applied(resourceId, details);
    }
}
