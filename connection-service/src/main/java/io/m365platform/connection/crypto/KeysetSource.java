package io.m365platform.connection.crypto;

import com.google.crypto.tink.KeysetHandle;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the keyset that seals client secrets and refresh tokens: the {@code connection.crypto.keyset} value (an
 * environment variable fed from a Kubernetes Secret) or the file {@code connection.crypto.keyset-file} (the Secret
 * mounted as a volume). Without either the service refuses to start, because a silently generated key would make
 * every stored credential unreadable after the next restart. Only dev mode may opt into a throw-away key.
 */
public final class KeysetSource {

    private static final Logger LOG = Logger.getLogger(KeysetSource.class);

    private KeysetSource() {
    }

    public static KeysetHandle load(CryptoSettings settings) {
        return load(settings.keyset(), settings.keysetFile(), settings.allowEphemeralKeyset());
    }

    static KeysetHandle load(Optional<String> inline, Optional<Path> file, boolean allowEphemeral) {
        Optional<String> configured = inline.filter(s -> !s.isBlank());
        if (configured.isPresent() && file.isPresent()) {
            throw new MissingKeysetException("both connection.crypto.keyset and connection.crypto.keyset-file are set:"
                    + " configure exactly one source for the credential encryption keyset");
        }
        if (configured.isPresent()) {
            return Keysets.parse(configured.get());
        }
        if (file.isPresent()) {
            try {
                return Keysets.parse(Files.readString(file.get(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new MissingKeysetException("cannot read the credential encryption keyset file " + file.get()
                        + ": " + e.getMessage());
            }
        }
        if (allowEphemeral) {
            LOG.warn("No credential encryption keyset is configured (connection.crypto.keyset): using a throw-away key."
                    + " Stored secrets will be unreadable after a restart. Never run like this in production.");
            return Keysets.generate();
        }
        throw new MissingKeysetException("No credential encryption keyset is configured: set CONNECTION_CRYPTO_KEYSET"
                + " (connection.crypto.keyset) or connection.crypto.keyset-file to a Tink JSON keyset from the"
                + " Kubernetes Secret (generate one with: java -cp <service jar> "
                + KeysetTool.class.getName() + " generate)");
    }

    /** The service cannot protect credentials, so it must not start. */
    public static final class MissingKeysetException extends IllegalStateException {
        public MissingKeysetException(String message) {
            super(message);
        }
    }
}
