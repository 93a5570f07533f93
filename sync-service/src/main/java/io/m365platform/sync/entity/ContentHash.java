package io.m365platform.sync.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Fingerprint of an entity's state (its canonical JSON: record components in declaration order, nulls left out), so
 * that a run publishes an entity only when its content changed. 16 bytes of SHA-256: collisions are out of reach
 * for directory sizes, and the stored hash stays small.
 */
public final class ContentHash {

    public static final int LENGTH = 16;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private ContentHash() {
    }

    public static byte[] of(byte[] canonicalJson) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return Arrays.copyOf(digest.digest(canonicalJson), LENGTH);
    }
}
