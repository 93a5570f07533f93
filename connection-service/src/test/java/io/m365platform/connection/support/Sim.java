package io.m365platform.connection.support;

import io.m365platform.graphsim.faults.FaultRule;

import java.util.Set;

/** The in-process simulator as tests drive it, with plain values only (see {@link TestApp}). */
public final class Sim {

    public static final String TOKEN_ROUTE = "POST /{tenant}/oauth2/v2.0/token";

    private Sim() {
    }

    public static String tenantId() {
        return SimulatorResource.tenant().id();
    }

    public static String defaultDomain() {
        var t = SimulatorResource.tenant();
        return t.read(() -> t.organization().defaultDomain());
    }

    /** The sign-in name of the tenant's configured admin (who the browserless sign-in signs in). */
    public static String adminUpn() {
        var t = SimulatorResource.tenant();
        return t.read(() -> t.users().get(t.adminUserId()).userPrincipalName());
    }

    /** The sign-in name of an enabled member without any Entra role (cannot read usage reports). */
    public static String userWithoutRole() {
        var t = SimulatorResource.tenant();
        return t.read(() -> {
            Set<String> withRoles = new java.util.HashSet<>();
            t.roleAssignmentList().forEach(a -> withRoles.add(a.principalId()));
            return t.userTable().liveValues().stream()
                    .filter(u -> u.accountEnabled() && "Member".equals(u.userType()) && !withRoles.contains(u.id()))
                    .map(u -> u.userPrincipalName()).findFirst().orElseThrow();
        });
    }

    /** The tenant's "display concealed names in reports" setting. */
    public static void concealReportNames(boolean conceal) {
        SimulatorResource.tenant().displayConcealedNames(conceal);
    }

    public static String tokenPath() {
        return "/" + tenantId() + "/oauth2/v2.0/token";
    }

    /** Token endpoint answers so far with this status. */
    public static long tokenRequests(int status) {
        return SimulatorResource.simulator().counters().count(TOKEN_ROUTE, status);
    }

    /** Token endpoint answers so far, any status. */
    public static long tokenRequests() {
        return SimulatorResource.simulator().counters().count(TOKEN_ROUTE);
    }

    /** Token endpoint answers that were not 200. */
    public static long failedTokenRequests() {
        return tokenRequests() - tokenRequests(200);
    }

    /** The token endpoint answers 503 ({@code times} times, or until removed when 0); returns the fault's id. */
    public static String tokenEndpointUnavailable(int times) {
        FaultRule rule = FaultRule.status(503).path(tokenPath());
        return SimulatorResource.simulator().faults().add(times > 0 ? rule.times(times) : rule).id();
    }

    public static int faultFired(String id) {
        return SimulatorResource.simulator().faults().list().stream().filter(f -> f.id().equals(id))
                .mapToInt(FaultRule::firedCount).sum();
    }

    public static void removeFault(String id) {
        SimulatorResource.simulator().faults().remove(id);
    }

    /** Expires one secret (by key id) or all secrets (null) of an app: the next token request gets AADSTS7000222. */
    public static void expireSecrets(String clientId, String keyId) {
        SimulatorResource.tenant().apps().expireSecrets(clientId, keyId);
    }

    /** Admin consent withdrawn: new tokens carry no roles, delegated requests fail with AADSTS65001. */
    public static void revokeConsent(String clientId) {
        SimulatorResource.tenant().apps().revokeConsent(clientId, false);
    }

    public static void setPermissions(String clientId, Set<String> application, Set<String> delegated) {
        SimulatorResource.tenant().apps().setPermissions(clientId, application, delegated);
    }

    /** Every refresh token of the tenant expires for inactivity (AADSTS700082 on the next refresh). */
    public static void expireRefreshTokens() {
        SimulatorResource.simulator().grants().expireRefreshTokens(tenantId());
    }

    public static javax.net.ssl.SSLContext trust() {
        return SimulatorResource.simulator().clientSslContext();
    }

    public static String graphBaseUrl() {
        return SimulatorResource.simulator().graphBaseUrl();
    }
}
