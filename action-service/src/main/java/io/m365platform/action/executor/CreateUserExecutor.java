package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.CreateUserParameters;
import io.m365platform.graph.error.GraphRequestException;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * create-user ({@code POST /users}). POST is not idempotent: the UPN is looked up first, and an existing user with
 * that UPN is {@code already-applied} (a repeated request, or a first attempt whose answer was lost). The initial
 * password is generated here, sent to Graph with {@code forceChangePasswordNextSignIn} and kept nowhere (not in
 * the table, the result or the log): the user gets a password through the tenant's own reset flow.
 */
public final class CreateUserExecutor implements ActionExecutor {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-=?@_";

    @Override
    public ActionType type() {
        return ActionType.CREATE_USER;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        CreateUserParameters p = input.parameters(CreateUserParameters.class);
        String select = "?$select=id,userPrincipalName";
        Optional<JsonNode> existing = graph.find(GraphPaths.user(p.userPrincipalName()) + select);
        if (existing.isPresent()) {
            return Step.alreadyApplied(GraphPaths.text(existing.get(), "id"), Map.of("userPrincipalName",
                    p.userPrincipalName()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountEnabled", p.accountEnabled() == null || p.accountEnabled());
        body.put("displayName", p.displayName());
        body.put("mailNickname", p.mailNickname());
        body.put("userPrincipalName", p.userPrincipalName());
        body.put("passwordProfile", Map.of("password", password(),
                "forceChangePasswordNextSignIn", p.forceChangePasswordNextSignIn() == null
                        || p.forceChangePasswordNextSignIn()));
        putIfSet(body, "givenName", p.givenName());
        putIfSet(body, "surname", p.surname());
        putIfSet(body, "jobTitle", p.jobTitle());
        putIfSet(body, "department", p.department());
        putIfSet(body, "officeLocation", p.officeLocation());
        putIfSet(body, "usageLocation", p.usageLocation());
        String id;
        try {
            var created = graph.post("/users", body);
            id = created.body() == null ? null : GraphPaths.text(created.body(), "id");
        } catch (GraphRequestException e) {
            // Created meanwhile (by an attempt whose answer was lost): the UPN is taken by the user we wanted.
            if (e.status() == 400 && e.graphMessage() != null && e.graphMessage().contains("already exists")) {
                Optional<JsonNode> now = graph.find(GraphPaths.user(p.userPrincipalName()) + select);
                if (now.isPresent()) {
                    return Step.alreadyApplied(GraphPaths.text(now.get(), "id"), Map.of());
                }
            }
            throw e;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("userPrincipalName", p.userPrincipalName());
        if (p.managerId() != null) {
            String userPath = GraphPaths.user(id != null ? id : p.userPrincipalName());
            graph.put(userPath + "/manager/$ref", Map.of("@odata.id", GraphPaths.GRAPH + "/users/" + p.managerId()));
            details.put("manager", p.managerId());
        }
        return Step.applied(id, details);
    }

    private static void putIfSet(Map<String, Object> body, String property, String value) {
        if (value != null) {
            body.put(property, value);
        }
    }

    /** 20 characters with all four classes Entra's complexity rule asks for. */
    static String password() {
        StringBuilder s = new StringBuilder();
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        for (String set : new String[] {UPPER, LOWER, DIGITS, SYMBOLS}) {
            s.append(set.charAt(RANDOM.nextInt(set.length())));
        }
        while (s.length() < 20) {
            s.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return s.toString();
    }
}
