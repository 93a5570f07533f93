package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.RemoveMailForwardingParameters;
import io.m365platform.contracts.action.parameters.SetMailForwardingParameters;
import io.m365platform.graph.error.GraphRequestException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * set-mail-forwarding: an inbox rule ({@code POST /users/{id}/mailFolders/inbox/messageRules}) that forwards or
 * redirects every message. POST is not idempotent, so the rules are read first and a rule with the same name is
 * {@code already-applied}. The rule's name is the request's, or {@value #PREFIX} and the address, which is also how
 * remove-mail-forwarding without a rule id finds the rules the platform created.
 */
public final class MailForwardingExecutor implements ActionExecutor {

    static final String PREFIX = "Platform forwarding to ";

    private final boolean set;

    private MailForwardingExecutor(boolean set) {
        this.set = set;
    }

    public static MailForwardingExecutor set() {
        return new MailForwardingExecutor(true);
    }

    public static MailForwardingExecutor remove() {
        return new MailForwardingExecutor(false);
    }

    @Override
    public ActionType type() {
        return set ? ActionType.SET_MAIL_FORWARDING : ActionType.REMOVE_MAIL_FORWARDING;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        return set ? create(input.parameters(SetMailForwardingParameters.class), graph)
                : remove(input.parameters(RemoveMailForwardingParameters.class), graph);
    }

    private static String rules(String userId) {
        return GraphPaths.user(userId) + "/mailFolders/inbox/messageRules";
    }

    private Step create(SetMailForwardingParameters p, GraphSession graph) {
        String name = p.ruleDisplayName() != null ? p.ruleDisplayName() : PREFIX + p.forwardToAddress();
        for (JsonNode rule : graph.get(rules(p.userId())).path("value")) {
            if (name.equals(rule.path("displayName").asText())) {
                return Step.alreadyApplied(rule.path("id").asText(), Map.of("rule", name));
            }
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("address", p.forwardToAddress());
        if (p.forwardToName() != null) {
            address.put("name", p.forwardToName());
        }
        Map<String, Object> body = Map.of("displayName", name, "sequence", 1, "isEnabled", true,
                "actions", Map.of(p.redirect() ? "redirectTo" : "forwardTo", List.of(Map.of("emailAddress", address)),
                        "stopProcessingRules", false));
        var created = graph.post(rules(p.userId()), body);
        String ruleId = created.body() == null ? null : GraphPaths.text(created.body(), "id");
        return Step.applied(ruleId, Map.of("rule", name, "changed.forwarding",
                "none → " + (p.redirect() ? "redirect to " : "forward to ") + p.forwardToAddress()));
    }

    private Step remove(RemoveMailForwardingParameters p, GraphSession graph) {
        List<String> ids = new ArrayList<>();
        if (p.ruleId() != null) {
            ids.add(p.ruleId());
        } else {
            for (JsonNode rule : graph.get(rules(p.userId())).path("value")) {
                if (rule.path("displayName").asText().startsWith(PREFIX)) {
                    ids.add(rule.path("id").asText());
                }
            }
        }
        int removed = 0;
        for (String id : ids) {
            try {
                graph.delete(rules(p.userId()) + "/" + GraphPaths.seg(id));
                removed++;
            } catch (GraphRequestException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
        if (removed == 0) {
            return Step.alreadyApplied(p.userId(), Map.of("removedRules", "0"));
        }
        return Step.applied(p.userId(), Map.of("removedRules", Integer.toString(removed)));
    }
}
