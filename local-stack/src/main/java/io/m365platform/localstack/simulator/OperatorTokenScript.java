package io.m365platform.localstack.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes {@code <data>/bin/operator-token}: a script that prints a bearer token of the platform tenant's operator
 * console app (roles operator and admin), for calling the services' APIs with curl. The app's secret lives only in
 * this owner-only file, never on the terminal or in a log.
 */
public final class OperatorTokenScript {

    private OperatorTokenScript() {
    }

    public static Path write(Path binDirectory, PlatformIdentity platform, Path certificate) throws IOException {
        Files.createDirectories(binDirectory);
        Path script = binDirectory.resolve("operator-token");
        String text = "#!/bin/sh\n"
                + "# Prints a bearer token of the local platform tenant's operator console app (roles operator, admin).\n"
                + "# Written by the local stack for its simulator; valid while that stack runs.\n"
                + "curl -sS --cacert " + quote(certificate.toString())
                + " -d grant_type=client_credentials"
                + " -d client_id=" + quote(platform.operatorApp().clientId())
                + " --data-urlencode client_secret=" + quote(platform.operatorApp().secret())
                + " --data-urlencode scope=" + quote(PlatformIdentity.SCOPE)
                + " " + quote(platform.tokenUrl())
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'\n";
        Files.deleteIfExists(script);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(script, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createFile(script);
        }
        Files.writeString(script, text, StandardCharsets.UTF_8);
        return script;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
