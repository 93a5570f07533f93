package io.m365platform.graph.token.delegated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636, method S256): a random verifier kept server-side and its
 * SHA-256 challenge sent with the authorization request, so an intercepted code is useless alone.
 *
 * @param verifier  43 characters of base64url (32 random bytes)
 * @param challenge base64url(SHA-256(verifier)) without padding
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public static Pkce generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = B64URL.encodeToString(bytes);
        return new Pkce(verifier, challengeOf(verifier));
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random opaque value for {@code state} (CSRF protection of the redirect). */
    public static String randomState() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + ", verifier=***]";
    }
}
