package io.m365platform.service.token;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

import java.time.Duration;

/**
 * Service-to-service credentials from the OIDC provider by the client-credentials grant (quarkus-oidc-client),
 * reused until they expire.
 */
public final class OidcClientCredentials implements ServiceCredentials {

    private final OidcClient client;
    private volatile Tokens tokens;

    public OidcClientCredentials(OidcClient client) {
        this.client = client;
    }

    @Override
    public String bearerToken() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            synchronized (this) {
                current = tokens;
                if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
                    current = client.getTokens().await().atMost(Duration.ofSeconds(30));
                    tokens = current;
                }
            }
        }
        return current.getAccessToken();
    }
}
