package io.m365platform.graph.token;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.TokenSource;
import java.time.Instant;
import java.util.Set;

/** Converts msal4j results to {@link AccessToken}s, reading permissions and tenant from the JWT. */
public final class AuthResults {

    private AuthResults() {
    }

    public static AccessToken toAccessToken(IAuthenticationResult result, TokenKind kind, String requestedTenant) {
        String token = result.accessToken();
        JwtClaims claims = JwtClaims.parse(token).orElse(null);
        Set<String> permissions = claims == null ? Set.of() : claims.permissions(kind);
        String tenant = claims == null ? requestedTenant : claims.tenantId().orElse(requestedTenant);
        Instant expiresAt = result.expiresOnDate() != null
                ? result.expiresOnDate().toInstant()
                : (claims == null ? Instant.EPOCH : claims.expiresAt().orElse(Instant.EPOCH));
        // msal4j marks network answers IDENTITY_PROVIDER; cache hits come back as CACHE or (client credentials) null.
        boolean fromCache = result.metadata() != null && result.metadata().tokenSource() != TokenSource.IDENTITY_PROVIDER;
        return new AccessToken(token, expiresAt, permissions, tenant, kind, fromCache);
    }
}
