package io.m365platform.graphsim.identity;

import io.m365platform.graphsim.Tenants;
import io.m365platform.graphsim.auth.Caller;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.Tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Graph request's bearer token like Graph does: signature (our key), lifetime, audience, a known tenant
 * and app; then reads roles (app-only) or scp (delegated) into a {@link Caller}.
 */
public final class GraphTokenVerifier {
    private static final long CLOCK_SKEW_SECONDS = 300;
    private final SigningKey key;
    private final Tenants tenants;
    private final Clock clock;

    public GraphTokenVerifier(SigningKey key, Tenants tenants, Clock clock) {
        this.key = key;
        this.tenants = tenants;
        this.clock = clock;
    }

    public record Verified(Caller caller, Tenant tenant) {
    }

    public Verified verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw GraphException.unauthenticated("Access token is empty.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw GraphException.unauthenticated("Access token validation failure. Invalid scheme.");
        }
        String token = authorization.substring(7).trim();
        Map<String, Object> claims = key.verify(token);
        if (claims == null) {
            throw GraphException.unauthenticated("Access token validation failure. Invalid signature or malformed token.");
        }
        long now = clock.instant().getEpochSecond();
        long exp = number(claims.get("exp"));
        long nbf = number(claims.get("nbf"));
        if (now >= exp || now + CLOCK_SKEW_SECONDS < nbf) {
            throw GraphException.unauthenticated("Lifetime validation failed, the token is expired.");
        }
        if (!TokenIssuer.GRAPH_AUDIENCES.contains(String.valueOf(claims.get("aud")))) {
            throw GraphException.unauthenticated("Invalid audience.");
        }
        Tenant tenant = tenants.find(String.valueOf(claims.get("tid")));
        if (tenant == null) {
            throw GraphException.unauthenticated("Access token validation failure. Unknown tenant.");
        }
        String appId = String.valueOf(claims.get("appid"));
        AppRegistration app = tenant.apps().find(appId);
        if (app == null) {
            throw GraphException.unauthenticated("Access token validation failure. The application is no longer registered.");
        }
        Instant issuedAt = Instant.ofEpochSecond(number(claims.get("iat")));
        Instant preciseIssue = TokenIssuer.issuedAtFromUti(claims.get("uti"));
        if (app.tokensValidAfter() != null && (preciseIssue != null ? preciseIssue : issuedAt).isBefore(app.tokensValidAfter())) {
            throw GraphException.unauthenticated("Access token has been revoked: it was issued before the application's consent was withdrawn.");
        }
        boolean delegated = "user".equals(claims.get("idtyp")) || claims.containsKey("scp");
        Set<String> permissions = new HashSet<>();
        if (delegated) {
            Object scp = claims.get("scp");
            if (scp != null) {
                for (String s : scp.toString().split(" ")) {
                    if (!s.isBlank()) {
                        permissions.add(s);
                    }
                }
            }
        } else if (claims.get("roles") instanceof Collection<?> roles) {
            roles.forEach(r -> permissions.add(String.valueOf(r)));
        }
        Set<String> wids = new HashSet<>();
        if (claims.get("wids") instanceof Collection<?> w) {
            w.forEach(r -> wids.add(String.valueOf(r)));
        }
        Caller caller = new Caller(tenant.id(), app.clientId(), app.servicePrincipalId(), delegated, Set.copyOf(permissions),
                delegated ? String.valueOf(claims.get("oid")) : null, Set.copyOf(wids), issuedAt);
        return new Verified(caller, tenant);
    }

    private static long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        throw GraphException.unauthenticated("Access token validation failure. Missing time claims.");
    }
}
