package io.m365platform.connection.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.security.GeneralSecurityException;

/**
 * Tink keyset handling shared by the service and {@link KeysetTool}: generate, rotate (add a new primary key, keep
 * the old ones for decryption), parse and serialise the cleartext JSON format that lives in a Kubernetes Secret.
 */
public final class Keysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {
    }

    /** A new keyset with one AES-256-GCM key. */
    public static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an AES-256-GCM keyset", e);
        }
    }

    /** The keyset plus a new AES-256-GCM key that becomes primary; the old keys stay enabled to decrypt. */
    public static KeysetHandle rotate(KeysetHandle current) {
        try {
            return KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add a key to the keyset", e);
        }
    }

    /** Parses Tink's cleartext JSON keyset format. The message never includes the input. */
    public static KeysetHandle parse(String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json.trim(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the configured keyset is not a valid Tink JSON keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    public static String toJson(KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialise the keyset", e);
        }
    }
}
