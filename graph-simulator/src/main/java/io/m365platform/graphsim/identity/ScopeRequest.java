package io.m365platform.graphsim.identity;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed {@code scope} parameter: the OIDC scopes msal4j always adds (openid, profile, offline_access, any
 * order), Graph's {@code .default}, individual Graph permissions ({@code https://graph.microsoft.com/User.Read.All}
 * or bare {@code User.Read.All}), and the first scope of another resource, if any (AADSTS500011).
 */
public record ScopeRequest(boolean openid, boolean offlineAccess, boolean graphDefault, Set<String> graphPermissions,
                           String foreignResource, Set<String> raw) {

    private static final Set<String> GRAPH_RESOURCES = Set.of("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000",
            "https://graph.microsoft.com/", "graph.microsoft.com");

    public static ScopeRequest parse(String scope) {
        boolean openid = false;
        boolean offline = false;
        boolean graphDefault = false;
        Set<String> permissions = new LinkedHashSet<>();
        Set<String> raw = new LinkedHashSet<>();
        String foreign = null;
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (s.isEmpty()) {
                    continue;
                }
                raw.add(s);
                switch (s.toLowerCase(Locale.ROOT)) {
                    case "openid" -> openid = true;
                    case "offline_access" -> offline = true;
                    case "profile", "email" -> {
                    }
                    default -> {
                        int slash = s.lastIndexOf('/');
                        String resource = slash < 0 ? "https://graph.microsoft.com" : s.substring(0, slash).replaceAll("/+$", "");
                        String permission = slash < 0 ? s : s.substring(slash + 1);
                        if (!GRAPH_RESOURCES.contains(resource.toLowerCase(Locale.ROOT))) {
                            if (foreign == null) {
                                foreign = resource;
                            }
                        } else if (permission.equals(".default")) {
                            graphDefault = true;
                        } else if (!permission.isEmpty()) {
                            permissions.add(permission);
                        }
                    }
                }
            }
        }
        return new ScopeRequest(openid, offline, graphDefault, permissions, foreign, raw);
    }

    public boolean empty() {
        return raw.isEmpty();
    }
}
