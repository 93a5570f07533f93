package io.m365platform.graph.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An app registration's client id and client secret. The secret only lives in memory here: it is
 * never part of {@link #toString()}, logs or cache keys (those use {@link #secretFingerprint()}).
 */
public record AppCredentials(String clientId, String clientSecret) {

    public AppCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id is required");
        }
        clientId = clientId.trim();
        if (clientId.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '?' || c == '#')) {
            throw new IllegalArgumentException("client id contains illegal characters");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("client secret is required");
        }
    }

    /** A SHA-256 prefix of the secret: tells two secrets apart without revealing either. */
    public String secretFingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clientSecret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AppCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
