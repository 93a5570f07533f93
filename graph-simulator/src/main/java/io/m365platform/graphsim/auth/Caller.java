package io.m365platform.graphsim.auth;

import java.time.Instant;
import java.util.Set;

/**
 * Who is calling Graph, as read from a verified access token: the tenant, the app, app-only ({@code roles}) or
 * delegated ({@code scp}, with the signed-in user and their directory role template ids, {@code wids}).
 */
public record Caller(String tenantId, String appId, String servicePrincipalId, boolean delegated,
                     Set<String> permissions, String userId, Set<String> directoryRoleTemplateIds, Instant issuedAt) {

    public boolean hasAny(Set<String> candidates) {
        for (String p : candidates) {
            if (permissions.contains(p)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasRole(String roleTemplateId) {
        return directoryRoleTemplateIds.contains(roleTemplateId);
    }
}
