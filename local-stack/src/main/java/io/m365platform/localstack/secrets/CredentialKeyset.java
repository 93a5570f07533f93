package io.m365platform.localstack.secrets;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * connection-service's credential encryption key for the local run: a Tink AES-256-GCM keyset in the format
 * the service reads from {@code connection.crypto.keyset-file}, made once and kept (owner-only file) so that the
 * client secret stored by one run is still readable by the next. Production keysets come from a Kubernetes Secret.
 */
public final class CredentialKeyset {

    private CredentialKeyset() {
    }

    /** {@code java -cp local-stack.jar io.m365platform.localstack.secrets.CredentialKeyset FILE} (docker-compose). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CredentialKeyset <keyset.json>  (created when missing, kept otherwise)");
            System.exit(64);
        }
        Path file = Path.of(args[0]);
        System.out.println((ensure(file) ? "created " : "kept ") + file);
    }

    /** Returns true when it created the file. */
    public static boolean ensure(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            return false;
        }
        Files.createDirectories(file.getParent());
        String json;
        try {
            AeadConfig.register();
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IOException("could not generate the credential encryption keyset: " + e.getMessage(), e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
