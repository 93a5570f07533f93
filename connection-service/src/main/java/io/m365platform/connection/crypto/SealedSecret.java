package io.m365platform.connection.crypto;

/**
 * A credential as stored: Tink AEAD ciphertext and the id of the key that sealed it (so the re-encryption job finds
 * what an old key still protects without decrypting anything).
 */
public record SealedSecret(byte[] ciphertext, long keyId) {

    public SealedSecret {
        if (ciphertext == null || ciphertext.length == 0) {
            throw new IllegalArgumentException("ciphertext is empty");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", bytes=" + ciphertext.length + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedSecret s && s.keyId == keyId && java.util.Arrays.equals(s.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(ciphertext) * 31 + Long.hashCode(keyId);
    }
}
