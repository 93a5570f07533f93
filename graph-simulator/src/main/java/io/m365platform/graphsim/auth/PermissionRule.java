package io.m365platform.graphsim.auth;

import io.m365platform.graphsim.http.GraphException;

import java.util.Set;

/**
 * Which permissions let a caller use an endpoint (GRAPH_FACTS §8): any one of {@code application} for app-only
 * tokens ({@code roles}), any one of {@code delegated} for delegated tokens ({@code scp}). An empty set means the
 * token kind is not supported at all (e.g. delegated-only operations). Denial produces the workload's error
 * (directory: 403 Authorization_RequestDenied; Exchange: 403 ErrorAccessDenied).
 */
public record PermissionRule(Set<String> application, Set<String> delegated, int deniedStatus, String deniedCode,
                             String deniedMessage) {

    private static final String DIRECTORY_DENIED = "Authorization_RequestDenied";
    private static final String DIRECTORY_MESSAGE = "Insufficient privileges to complete the operation.";

    /** The same permission names accepted as application or delegated permissions; directory-style denial. */
    public static PermissionRule anyOf(String... permissions) {
        Set<String> set = Set.of(permissions);
        return new PermissionRule(set, set, 403, DIRECTORY_DENIED, DIRECTORY_MESSAGE);
    }

    public static PermissionRule of(Set<String> application, Set<String> delegated) {
        return new PermissionRule(application, delegated, 403, DIRECTORY_DENIED, DIRECTORY_MESSAGE);
    }

    /** Same rule, other denial (e.g. Exchange's 403 ErrorAccessDenied "Access is denied. Check credentials and try again."). */
    public PermissionRule deniedWith(int status, String code, String message) {
        return new PermissionRule(application, delegated, status, code, message);
    }

    public boolean allows(Caller caller) {
        return caller.hasAny(caller.delegated() ? delegated : application);
    }

    /** Throws the configured denial unless the caller holds one of the permissions. */
    public void check(Caller caller) {
        if (!allows(caller)) {
            throw new GraphException(deniedStatus, deniedCode, deniedMessage);
        }
    }
}
