package io.m365platform.connection.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed credential belongs. Its text is the AEAD's associated data: authenticated, not secret.
 *
 * @param connectionId the connection
 * @param kind         which credential of it
 */
public record SecretSlot(UUID connectionId, CredentialKind kind) {

    public SecretSlot {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(kind, "kind");
    }

    byte[] associatedData() {
        return ("m365platform/connection/" + connectionId + "/" + kind.wireName()).getBytes(StandardCharsets.UTF_8);
    }
}
