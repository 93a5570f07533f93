package io.m365platform.connection.credentials;

import io.m365platform.connection.crypto.CredentialKind;
import io.m365platform.connection.crypto.SealedSecret;
import io.m365platform.connection.crypto.SecretSealer;
import io.m365platform.connection.crypto.SecretSlot;
import io.m365platform.connection.store.SealedCredentialStore;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.delegated.TokenCacheBlob;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The only way in and out of a connection's stored credentials: seals before storing, opens after reading. Opened
 * values live in memory for the duration of one token request.
 */
@ApplicationScoped
public class CredentialVault {

    private final SecretSealer sealer;
    private final SealedCredentialStore store;
    private final Clock clock;

    public CredentialVault(SecretSealer sealer, SealedCredentialStore store, Clock clock) {
        this.sealer = sealer;
        this.store = store;
        this.clock = clock;
    }

    public void storeClientSecret(UUID connectionId, String clientSecret) {
        SecretSlot slot = new SecretSlot(connectionId, CredentialKind.CLIENT_SECRET);
        store.put(slot, sealer.seal(clientSecret, slot), clock.instant());
    }

    public AppCredentials appCredentials(UUID connectionId, String clientId) {
        SecretSlot slot = new SecretSlot(connectionId, CredentialKind.CLIENT_SECRET);
        SealedSecret sealed = store.get(slot)
                .orElseThrow(() -> new MissingCredentialException("connection " + connectionId + " has no stored client secret"));
        return new AppCredentials(clientId, sealer.open(sealed, slot));
    }

    public void storeTokenCache(UUID connectionId, TokenCacheBlob blob) {
        SecretSlot slot = new SecretSlot(connectionId, CredentialKind.TOKEN_CACHE);
        store.put(slot, sealer.seal(blob.serialized(), slot), clock.instant());
    }

    public Optional<TokenCacheBlob> tokenCache(UUID connectionId) {
        SecretSlot slot = new SecretSlot(connectionId, CredentialKind.TOKEN_CACHE);
        return store.get(slot).map(sealed -> TokenCacheBlob.of(sealer.open(sealed, slot)));
    }

    /** Destroys the admin's token cache (refresh token) of a connection. */
    public void forgetTokenCache(UUID connectionId) {
        store.delete(new SecretSlot(connectionId, CredentialKind.TOKEN_CACHE));
    }

    public SealedSecret sealVerifier(UUID connectionId, String codeVerifier) {
        return sealer.seal(codeVerifier, new SecretSlot(connectionId, CredentialKind.PKCE_VERIFIER));
    }

    public String openVerifier(UUID connectionId, SealedSecret sealed) {
        return sealer.open(sealed, new SecretSlot(connectionId, CredentialKind.PKCE_VERIFIER));
    }

    /** A connection whose credential row is missing (it was deleted, or never stored). */
    public static final class MissingCredentialException extends IllegalStateException {
        public MissingCredentialException(String message) {
            super(message);
        }
    }
}
