package io.m365platform.graph.token.delegated;

import io.m365platform.graph.config.TenantId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;

/**
 * A started admin-user sign-in: send the browser to {@link #authorizationUrl()}; keep the rest
 * server-side (the verifier is a secret) until the redirect comes back with {@code code} and {@code state}.
 */
public record AuthorizationRequest(URI authorizationUrl, TenantId tenant, String clientId, URI redirectUri,
                                   Set<String> scopes, String state, String codeVerifier) {

    public AuthorizationRequest {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    /** Constant-time comparison of the {@code state} the redirect carried with ours. */
    public boolean stateMatches(String returnedState) {
        return returnedState != null && MessageDigest.isEqual(
                state.getBytes(StandardCharsets.UTF_8), returnedState.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[tenant=" + tenant + ", clientId=" + clientId + ", redirectUri=" + redirectUri
                + ", scopes=" + scopes + ", state=" + state + ", codeVerifier=***]";
    }
}
