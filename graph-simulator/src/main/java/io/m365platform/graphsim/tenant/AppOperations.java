package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.ServicePrincipal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * App registrations usable at the tenant's token endpoint. Registering an app also creates its service principal
 * (owned by this tenant) and, for consented delegated permissions, the AllPrincipals consent grant to Microsoft
 * Graph — so the directory reads show the app like Entra would.
 */
public final class AppOperations {
    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Tenant tenant;

    AppOperations(Tenant tenant) {
        this.tenant = tenant;
    }

    /** A secret as handed out once at creation: the value is not kept by the simulator. */
    public record IssuedSecret(String keyId, String value, Instant endDateTime) {
    }

    /** The outcome of a registration: client id and the secret values (shown once). */
    public record RegisteredApp(String tenantId, String clientId, String servicePrincipalId, List<IssuedSecret> secrets) {
        public String secret() {
            return secrets.get(0).value();
        }
    }

    /** What to register. {@code secretLifetimes}: one secret per entry (negative = already expired). */
    public record Registration(String clientId, String displayName, Set<String> applicationPermissions,
                               Set<String> delegatedPermissions, List<String> redirectUris,
                               List<Duration> secretLifetimes, List<String> secretValues) {
        public static Registration of(String displayName, Set<String> applicationPermissions) {
            return new Registration(null, displayName, applicationPermissions, Set.of(), List.of(),
                    List.of(Duration.ofDays(365)), List.of());
        }
    }

    public RegisteredApp register(Registration r) {
        return register(r, RANDOM);
    }

    /** Registers with secrets drawn from {@code random} (seeded for reproducible demo credentials). */
    public RegisteredApp register(Registration r, Random random) {
        String clientId = r.clientId() != null ? r.clientId().toLowerCase() : new UUID(random.nextLong(), random.nextLong()).toString();
        if (r.displayName() == null || r.displayName().isBlank()) {
            throw TenantException.invalid("displayName is required");
        }
        List<IssuedSecret> issued = new ArrayList<>();
        List<ClientSecret> stored = new ArrayList<>();
        Instant now = tenant.now();
        int count = Math.max(r.secretLifetimes().size(), r.secretValues().size());
        for (int i = 0; i < count; i++) {
            Duration lifetime = i < r.secretLifetimes().size() ? r.secretLifetimes().get(i) : Duration.ofDays(365);
            String value = i < r.secretValues().size() ? r.secretValues().get(i) : newSecretValue(random);
            String keyId = new UUID(random.nextLong(), random.nextLong()).toString();
            Instant end = now.plus(lifetime);
            stored.add(ClientSecret.of(keyId, value, now.isBefore(end) ? now : end.minus(Duration.ofDays(1)), end));
            issued.add(new IssuedSecret(keyId, value, end));
        }
        return tenant.write(() -> {
            if (tenant.apps.containsKey(clientId)) {
                throw TenantException.conflict("An app with client id " + clientId + " is already registered");
            }
            String spId = new UUID(random.nextLong(), random.nextLong()).toString();
            long seq = tenant.nextSeq();
            tenant.servicePrincipals.insert(new ServicePrincipal(spId, clientId, r.displayName(), tenant.id(),
                    tenant.organization.displayName(), "AzureADMyOrg", List.of("WindowsAzureActiveDirectoryIntegratedApp"),
                    null, null, null, true, null, r.redirectUris()), seq);
            tenant.apps.put(clientId, new AppRegistration(clientId, r.displayName(), spId, stored,
                    r.applicationPermissions(), r.delegatedPermissions(), r.redirectUris(), null));
            syncDelegatedGrant(clientId);
            return new RegisteredApp(tenant.id(), clientId, spId, issued);
        });
    }

    private static String newSecretValue(Random random) {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        String b = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', '.').replace('_', '~');
        return b.substring(0, 3) + "8Q~" + b.substring(3, 37);
    }

    public AppRegistration find(String clientId) {
        return tenant.read(() -> clientId == null ? null : tenant.apps.get(clientId.toLowerCase()));
    }

    public AppRegistration require(String clientId) {
        AppRegistration app = find(clientId);
        if (app == null) {
            throw TenantException.notFound(clientId);
        }
        return app;
    }

    public List<AppRegistration> list() {
        return tenant.read(() -> List.copyOf(tenant.apps.values()));
    }

    public IssuedSecret addSecret(String clientId, Duration lifetime) {
        String value = newSecretValue(RANDOM);
        String keyId = UUID.randomUUID().toString();
        Instant now = tenant.now();
        Instant end = now.plus(lifetime);
        tenant.write(() -> {
            AppRegistration app = requireInWrite(clientId);
            List<ClientSecret> secrets = new ArrayList<>(app.secrets());
            secrets.add(ClientSecret.of(keyId, value, now, end));
            tenant.apps.put(app.clientId(), app.withSecrets(secrets));
        });
        return new IssuedSecret(keyId, value, end);
    }

    /** Makes one secret (keyId) or all secrets (keyId null) expire now: the next token request gets AADSTS7000222. */
    public void expireSecrets(String clientId, String keyId) {
        tenant.write(() -> {
            AppRegistration app = requireInWrite(clientId);
            Instant now = tenant.now();
            boolean found = false;
            List<ClientSecret> secrets = new ArrayList<>();
            for (ClientSecret s : app.secrets()) {
                if (keyId == null || s.keyId().equalsIgnoreCase(keyId)) {
                    secrets.add(s.withEnd(now));
                    found = true;
                } else {
                    secrets.add(s);
                }
            }
            if (!found) {
                throw TenantException.notFound(keyId);
            }
            tenant.apps.put(app.clientId(), app.withSecrets(secrets));
        });
    }

    /** Replaces the consented permissions (application → roles, delegated → scp). */
    public void setPermissions(String clientId, Set<String> application, Set<String> delegated) {
        tenant.write(() -> {
            AppRegistration app = requireInWrite(clientId);
            tenant.apps.put(app.clientId(), app.withPermissions(application, delegated));
            syncDelegatedGrant(app.clientId());
            tenant.nextSeq();
        });
    }

    /**
     * Admin consent withdrawn: no application or delegated permissions remain. New tokens carry no roles (and
     * refresh attempts fail with AADSTS65001). With {@code rejectIssuedTokens}, tokens issued before now are also
     * refused by Graph (401), so clients holding a cached token feel it at once.
     */
    public void revokeConsent(String clientId, boolean rejectIssuedTokens) {
        tenant.write(() -> {
            AppRegistration app = requireInWrite(clientId).withPermissions(Set.of(), Set.of());
            if (rejectIssuedTokens) {
                app = app.withTokensValidAfter(tenant.now());
            }
            tenant.apps.put(app.clientId(), app);
            syncDelegatedGrant(app.clientId());
            tenant.nextSeq();
        });
    }

    private AppRegistration requireInWrite(String clientId) {
        AppRegistration app = clientId == null ? null : tenant.apps.get(clientId.toLowerCase());
        if (app == null) {
            throw TenantException.notFound(clientId);
        }
        return app;
    }

    /** Keeps the app's AllPrincipals grant to Microsoft Graph equal to its delegated permissions (inside write). */
    private void syncDelegatedGrant(String clientId) {
        AppRegistration app = tenant.apps.get(clientId);
        ServicePrincipal graph = tenant.servicePrincipals.get(GRAPH_APP_ID);
        if (graph == null) {
            return;
        }
        tenant.permissionGrants.removeIf(g -> g.clientId().equals(app.servicePrincipalId()) && "AllPrincipals".equals(g.consentType())
                && g.resourceId().equals(graph.id()));
        if (!app.delegatedPermissions().isEmpty()) {
            String scope = String.join(" ", new TreeSet<>(app.delegatedPermissions()));
            tenant.permissionGrants.add(new OAuth2PermissionGrant(
                    Base64.getUrlEncoder().withoutPadding().encodeToString((app.servicePrincipalId() + graph.id()).getBytes()).substring(0, 43),
                    app.servicePrincipalId(), "AllPrincipals", null, graph.id(), scope));
        }
    }

    /**
     * Grants an application permission: the app role {@code appRoleId} (id or permission value, e.g.
     * {@code User.Read.All}) of the resource service principal (id or appId; Microsoft Graph's app roles are
     * {@link Catalog#GRAPH_APP_ROLES}) to the client service principal {@code principalId} (id or appId).
     * Like Graph, granting the same role twice is refused.
     */
    public io.m365platform.graphsim.model.AppRoleAssignment grantAppRole(String principalId, String resourceId, String appRoleId) {
        return tenant.write(() -> {
            ServicePrincipal principal = tenant.servicePrincipals.get(principalId);
            if (principal == null) {
                throw TenantException.notFound(principalId);
            }
            ServicePrincipal resource = tenant.servicePrincipals.get(resourceId);
            if (resource == null) {
                throw TenantException.notFound(resourceId);
            }
            Catalog.AppRole role = GRAPH_APP_ID.equals(resource.appId()) ? Catalog.graphAppRole(appRoleId) : null;
            if (role == null) {
                throw TenantException.invalid("Permission (appRole) " + appRoleId + " does not exist on the resource "
                        + resource.displayName() + " (" + resource.id() + ").");
            }
            for (io.m365platform.graphsim.model.AppRoleAssignment a : tenant.appRoleAssignments) {
                if (a.principalId().equals(principal.id()) && a.resourceId().equals(resource.id()) && a.appRoleId().equals(role.id())) {
                    throw TenantException.conflict("Permission being assigned already exists on the object");
                }
            }
            io.m365platform.graphsim.model.AppRoleAssignment a = new io.m365platform.graphsim.model.AppRoleAssignment(
                    assignmentId(RANDOM), role.id(), principal.id(), resource.id(),
                    tenant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            tenant.appRoleAssignments.add(a);
            tenant.nextSeq();
            return a;
        });
    }

    /** Removes an app role assignment (the application permission is revoked). */
    public void revokeAppRole(String assignmentId) {
        tenant.write(() -> {
            if (!tenant.appRoleAssignments.removeIf(a -> a.id().equals(assignmentId))) {
                throw TenantException.notFound(assignmentId);
            }
            tenant.nextSeq();
        });
    }

    /** The app role assignments held by a service principal (id or appId), in grant order. */
    public List<io.m365platform.graphsim.model.AppRoleAssignment> appRoleAssignments(String principalId) {
        return tenant.read(() -> {
            ServicePrincipal principal = tenant.servicePrincipals.get(principalId);
            if (principal == null) {
                throw TenantException.notFound(principalId);
            }
            return tenant.appRoleAssignments.stream().filter(a -> a.principalId().equals(principal.id())).toList();
        });
    }

    /** Entra's assignment ids: 43 characters of URL-safe base64. */
    static String assignmentId(Random random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).substring(0, 43);
    }
}
