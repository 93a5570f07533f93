package io.m365platform.graphsim.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An app registered in a tenant and usable at its token endpoint: secrets, the admin-consented application
 * permissions (→ {@code roles}), the consented delegated permissions (→ {@code scp}) and allowed redirect URIs.
 * {@code tokensValidAfter}: Graph rejects tokens of this app issued before it (used to make a consent revocation
 * bite at once instead of after the cached token expires).
 */
public record AppRegistration(String clientId, String displayName, String servicePrincipalId,
                              List<ClientSecret> secrets, Set<String> applicationPermissions,
                              Set<String> delegatedPermissions, List<String> redirectUris, Instant tokensValidAfter) {
    public AppRegistration {
        secrets = List.copyOf(secrets);
        applicationPermissions = Set.copyOf(applicationPermissions);
        delegatedPermissions = Set.copyOf(delegatedPermissions);
        redirectUris = List.copyOf(redirectUris);
    }

    public AppRegistration withSecrets(List<ClientSecret> s) {
        return new AppRegistration(clientId, displayName, servicePrincipalId, s, applicationPermissions, delegatedPermissions, redirectUris, tokensValidAfter);
    }

    public AppRegistration withPermissions(Set<String> application, Set<String> delegated) {
        return new AppRegistration(clientId, displayName, servicePrincipalId, secrets, application, delegated, redirectUris, tokensValidAfter);
    }

    public AppRegistration withTokensValidAfter(Instant t) {
        return new AppRegistration(clientId, displayName, servicePrincipalId, secrets, applicationPermissions, delegatedPermissions, redirectUris, t);
    }
}
