package io.m365platform.graphsim.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One client secret of an app registration. Only a SHA-256 digest of the value is kept (the value is handed to
 * the caller once, at creation, like Entra does); {@code hint} is the first three characters, as the portal shows.
 */
public record ClientSecret(String keyId, String hint, String sha256, Instant startDateTime, Instant endDateTime) {

    public static ClientSecret of(String keyId, String value, Instant start, Instant end) {
        return new ClientSecret(keyId, value.substring(0, Math.min(3, value.length())), digest(value), start, end);
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256.getBytes(StandardCharsets.US_ASCII),
                digest(candidate).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean expiredAt(Instant now) {
        return endDateTime != null && !now.isBefore(endDateTime);
    }

    public ClientSecret withEnd(Instant end) {
        return new ClientSecret(keyId, hint, sha256, startDateTime, end);
    }

    static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
