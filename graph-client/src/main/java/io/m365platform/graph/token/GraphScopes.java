package io.m365platform.graph.token;

import java.util.Set;

/** Scopes the platform requests from the Microsoft identity platform. */
public final class GraphScopes {

    /** Graph's resource identifier; the same whatever host serves Graph (real or simulator). */
    public static final String GRAPH_RESOURCE = "https://graph.microsoft.com";

    /** App-only: all admin-consented application permissions of the app. */
    public static final String GRAPH_DEFAULT = GRAPH_RESOURCE + "/.default";

    public static final Set<String> APP_ONLY = Set.of(GRAPH_DEFAULT);

    /** Delegated default: every delegated permission consented for the app (msal4j adds openid profile offline_access). */
    public static final Set<String> DELEGATED_DEFAULT = Set.of(GRAPH_DEFAULT);

    private GraphScopes() {
    }

    /** {@code User.Read.All} → {@code https://graph.microsoft.com/User.Read.All}; full URIs are kept. */
    public static String delegated(String permission) {
        return permission.startsWith("https://") ? permission : GRAPH_RESOURCE + "/" + permission;
    }
}
