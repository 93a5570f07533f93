package io.m365platform.graph.token.delegated;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * msal4j's serialized token cache for ONE connection's admin user. It holds the refresh token (msal4j
 * never hands refresh tokens out otherwise), so it is a secret: store it encrypted (connection-service
 * does), never log it. Opaque to callers: pass back exactly what you got.
 */
public final class TokenCacheBlob {

    private final String json;

    private TokenCacheBlob(String json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Wraps a blob read back from storage (after decryption). */
    public static TokenCacheBlob of(String serializedCache) {
        if (serializedCache == null || serializedCache.isBlank()) {
            throw new IllegalArgumentException("token cache blob is empty");
        }
        return new TokenCacheBlob(serializedCache);
    }

    public static TokenCacheBlob ofBytes(byte[] utf8) {
        return of(new String(utf8, StandardCharsets.UTF_8));
    }

    /** The serialized cache, to be encrypted by the caller. */
    public String serialized() {
        return json;
    }

    public byte[] toBytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenCacheBlob other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "TokenCacheBlob[" + json.length() + " chars, redacted]";
    }
}
