package io.m365platform.graphsim.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes and refresh tokens of the delegated flow. Both are bearer secrets, so only their SHA-256
 * digests are kept as keys. Codes live 10 minutes and are single-use; refresh tokens expire after a period of
 * inactivity (AADSTS700082) and can be revoked per user (revokeSignInSessions → AADSTS50173).
 */
public final class GrantStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    public record AuthorizationCode(String tenantId, String clientId, String userId, String redirectUri,
                                    Set<String> scopes, String codeChallenge, String codeChallengeMethod,
                                    String nonce, Instant expiresAt) {
    }

    public static final class RefreshGrant {
        final String tenantId;
        final String clientId;
        final String userId;
        final Set<String> scopes;
        volatile Instant lastUsed;
        volatile boolean revoked;

        RefreshGrant(String tenantId, String clientId, String userId, Set<String> scopes, Instant lastUsed) {
            this.tenantId = tenantId;
            this.clientId = clientId;
            this.userId = userId;
            this.scopes = scopes;
            this.lastUsed = lastUsed;
        }
    }

    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> redeemed = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration refreshInactivity = Duration.ofDays(90);

    static String newSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String issueCode(AuthorizationCode code) {
        String value = "1.A" + newSecret(48);
        codes.put(digest(value), code);
        return value;
    }

    /** Removes and returns the code; a second redemption is reported via {@link #wasRedeemed}. */
    public AuthorizationCode redeemCode(String value) {
        String key = digest(value);
        AuthorizationCode code = codes.remove(key);
        if (code != null) {
            redeemed.put(key, code);
        }
        return code;
    }

    public boolean wasRedeemed(String value) {
        return redeemed.containsKey(digest(value));
    }

    public String issueRefreshToken(String tenantId, String clientId, String userId, Set<String> scopes, Instant now) {
        String value = "1.AR" + newSecret(64);
        refreshTokens.put(digest(value), new RefreshGrant(tenantId, clientId, userId, Set.copyOf(scopes), now));
        return value;
    }

    public RefreshGrant refreshGrant(String value) {
        return refreshTokens.get(digest(value));
    }

    public boolean expiredForInactivity(RefreshGrant grant, Instant now) {
        return grant.lastUsed.plus(refreshInactivity).isBefore(now);
    }

    public void touch(RefreshGrant grant, Instant now) {
        grant.lastUsed = now;
    }

    /** How long a refresh token may stay unused (default 90 days). */
    public void refreshInactivity(Duration d) {
        this.refreshInactivity = d;
    }

    /** Revokes every refresh token of a user (revokeSignInSessions) in a tenant. */
    public int revokeUser(String tenantId, String userId) {
        int n = 0;
        for (RefreshGrant g : refreshTokens.values()) {
            if (g.tenantId.equals(tenantId) && g.userId.equals(userId) && !g.revoked) {
                g.revoked = true;
                n++;
            }
        }
        return n;
    }

    /** Makes every refresh token of a tenant (or all, with null) look unused for longer than the inactivity limit. */
    public void expireRefreshTokens(String tenantId) {
        for (RefreshGrant g : refreshTokens.values()) {
            if (tenantId == null || g.tenantId.equals(tenantId)) {
                g.lastUsed = Instant.EPOCH;
            }
        }
    }

    public void clear() {
        codes.clear();
        redeemed.clear();
        refreshTokens.clear();
    }
}
