package io.m365platform.connection.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Seals and opens credentials with Tink's AEAD (AES-256-GCM). Every ciphertext is bound to where it belongs
 * (connection id and credential kind as associated data), so a ciphertext copied onto another row does not open.
 * New secrets use the keyset's primary key; every enabled key of the keyset still opens what it sealed earlier.
 */
public class SecretSealer {

    private final Aead aead;
    private final long primaryKeyId;
    private final int keyCount;

    public SecretSealer(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keyset holds no usable AEAD key", e);
        }
        this.primaryKeyId = Integer.toUnsignedLong(keyset.getPrimary().getId());
        this.keyCount = keyset.size();
    }

    public SealedSecret seal(String plaintext, SecretSlot slot) {
        try {
            byte[] ciphertext = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), slot.associatedData());
            return new SealedSecret(ciphertext, keyIdOf(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a " + slot.kind() + " credential", e);
        }
    }

    public String open(SealedSecret sealed, SecretSlot slot) {
        try {
            return new String(aead.decrypt(sealed.ciphertext(), slot.associatedData()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UnreadableSecretException("the " + slot.kind() + " credential of connection " + slot.connectionId()
                    + " cannot be decrypted (sealed with key " + sealed.keyId() + ", which the configured keyset may"
                    + " no longer contain)");
        }
    }

    /** The key new secrets are sealed with. */
    public long primaryKeyId() {
        return primaryKeyId;
    }

    public int keyCount() {
        return keyCount;
    }

    /**
     * Tink's output prefix: version byte 0x01 followed by the 4-byte big-endian key id. Ciphertexts without it
     * (RAW keys) report 0.
     */
    static long keyIdOf(byte[] ciphertext) {
        if (ciphertext.length < 5 || ciphertext[0] != 0x01) {
            return 0;
        }
        return ((ciphertext[1] & 0xFFL) << 24) | ((ciphertext[2] & 0xFFL) << 16) | ((ciphertext[3] & 0xFFL) << 8)
                | (ciphertext[4] & 0xFFL);
    }

    /** A stored credential that the configured keyset cannot open. */
    public static final class UnreadableSecretException extends IllegalStateException {
        public UnreadableSecretException(String message) {
            super(message);
        }
    }
}
