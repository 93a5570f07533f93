package io.m365platform.graphsim.identity;

import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.Tenant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Mints the JWTs: Graph access tokens in the v1.0 shape Graph really receives (aud https://graph.microsoft.com,
 * iss https://sts.windows.net/{tid}/, appid, roles or scp, wids for delegated), and v2.0 id tokens for the
 * client (iss = the simulator's own issuer, as in its OIDC discovery document).
 */
public final class TokenIssuer {
    public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";
    public static final Set<String> GRAPH_AUDIENCES = Set.of(GRAPH_AUDIENCE, "https://graph.microsoft.com/",
            "00000003-0000-0000-c000-000000000000");

    private final SigningKey key;
    private volatile Duration lifetime = Duration.ofSeconds(3599);

    public TokenIssuer(SigningKey key) {
        this.key = key;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Access-token lifetime (default 3599 s, which msal4j caches; anything at or below 300 s it never reuses). */
    public void lifetime(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("Token lifetime must be positive");
        }
        this.lifetime = d;
    }

    private Map<String, Object> common(Tenant tenant, AppRegistration app, Instant now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", GRAPH_AUDIENCE);
        c.put("iss", "https://sts.windows.net/" + tenant.id() + "/");
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.plus(lifetime).getEpochSecond());
        c.put("app_displayname", app.displayName());
        c.put("appid", app.clientId());
        c.put("appidacr", "1");
        c.put("idp", "https://sts.windows.net/" + tenant.id() + "/");
        return c;
    }

    /** App-only token; no {@code roles} claim at all when the app has no consented application permission. */
    public String appToken(Tenant tenant, AppRegistration app, Instant now) {
        Map<String, Object> c = common(tenant, app, now);
        c.put("idtyp", "app");
        c.put("oid", app.servicePrincipalId());
        if (!app.applicationPermissions().isEmpty()) {
            c.put("roles", new ArrayList<>(new TreeSet<>(app.applicationPermissions())));
        }
        c.put("sub", app.servicePrincipalId());
        c.put("tid", tenant.id());
        c.put("uti", uti(now));
        c.put("ver", "1.0");
        return key.sign(c);
    }

    /**
     * The opaque unique token id; it carries the issue time in milliseconds so that a consent revocation can
     * reject tokens issued before it even within the same second (iat has second precision).
     */
    static String uti(Instant now) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(now.toEpochMilli());
        b.putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Issue time from {@link #uti}, or null when the value is not one of ours. */
    static Instant issuedAtFromUti(Object uti) {
        try {
            byte[] b = Base64.getUrlDecoder().decode(String.valueOf(uti));
            return b.length == 16 ? Instant.ofEpochMilli(java.nio.ByteBuffer.wrap(b).getLong()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String delegatedToken(Tenant tenant, AppRegistration app, User user, Set<String> scopes, List<String> wids, Instant now) {
        Map<String, Object> c = common(tenant, app, now);
        c.put("acr", "1");
        c.put("amr", List.of("pwd"));
        if (user.surname() != null) {
            c.put("family_name", user.surname());
        }
        if (user.givenName() != null) {
            c.put("given_name", user.givenName());
        }
        c.put("idtyp", "user");
        c.put("name", user.displayName());
        c.put("oid", user.id());
        c.put("scp", String.join(" ", new TreeSet<>(scopes)));
        c.put("sub", pairwiseSubject(user.id(), app.clientId()));
        c.put("tid", tenant.id());
        c.put("unique_name", user.userPrincipalName());
        c.put("upn", user.userPrincipalName());
        c.put("uti", uti(now));
        c.put("ver", "1.0");
        c.put("wids", wids);
        return key.sign(c);
    }

    public String idToken(String issuer, Tenant tenant, AppRegistration app, User user, String nonce, Instant now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", app.clientId());
        c.put("iss", issuer);
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        c.put("name", user.displayName());
        if (nonce != null) {
            c.put("nonce", nonce);
        }
        c.put("oid", user.id());
        c.put("preferred_username", user.userPrincipalName());
        c.put("sub", pairwiseSubject(user.id(), app.clientId()));
        c.put("tid", tenant.id());
        c.put("ver", "2.0");
        return key.sign(c);
    }

    /** msal4j's client_info: base64url({"uid": user object id, "utid": tenant id}). */
    public static String clientInfo(String userId, String tenantId) {
        String json = "{\"uid\":\"" + userId + "\",\"utid\":\"" + tenantId + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pairwiseSubject(String userId, String clientId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                UUID.nameUUIDFromBytes((userId + "|" + clientId).getBytes(StandardCharsets.UTF_8)).toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 43);
    }
}
