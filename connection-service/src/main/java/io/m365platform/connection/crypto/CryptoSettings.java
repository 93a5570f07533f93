package io.m365platform.connection.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** Where the credential encryption keyset comes from. */
@ConfigMapping(prefix = "connection.crypto")
public interface CryptoSettings {

    /** A Tink cleartext JSON keyset (from a Kubernetes Secret via the environment: CONNECTION_CRYPTO_KEYSET). */
    Optional<String> keyset();

    /** A file holding the same JSON (the Secret mounted as a volume). */
    Optional<Path> keysetFile();

    /** Dev mode only: start with a throw-away key when none is configured (stored secrets die with the process). */
    @WithDefault("false")
    boolean allowEphemeralKeyset();

    /** How often the re-encryption job moves credentials onto the primary key (read by its schedule). */
    @WithDefault("1h")
    String reEncryptEvery();
}
