package io.m365platform.connection.crypto;

import com.google.crypto.tink.KeysetHandle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Operator tool for the credential encryption keyset (the value of the Kubernetes Secret):
 * <pre>
 *   java -cp connection-service.jar io.m365platform.connection.crypto.KeysetTool generate &gt; keyset.json
 *   java -cp ... KeysetTool rotate keyset.json &gt; rotated.json     (new primary key, old keys kept for decryption)
 *   java -cp ... KeysetTool describe keyset.json                  (key ids and which is primary; no key material)
 * </pre>
 * After a rotation, deploy the new Secret, restart, and let the re-encryption job (or
 * {@code POST /admin/credentials/re-encrypt}) move every credential onto the new key before removing old keys.
 */
public final class KeysetTool {

    private KeysetTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "generate" -> System.out.println(Keysets.toJson(Keysets.generate()));
            case "rotate" -> System.out.println(Keysets.toJson(Keysets.rotate(read(args))));
            case "describe" -> {
                KeysetHandle handle = read(args);
                for (int i = 0; i < handle.size(); i++) {
                    var entry = handle.getAt(i);
                    System.out.println("key " + Integer.toUnsignedLong(entry.getId()) + " " + entry.getStatus()
                            + (entry.isPrimary() ? " primary" : ""));
                }
            }
            default -> usage();
        }
    }

    private static KeysetHandle read(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("give the keyset file");
        }
        return Keysets.parse(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
    }

    private static void usage() {
        System.err.println("usage: KeysetTool generate | rotate <keyset.json> | describe <keyset.json>");
    }
}
