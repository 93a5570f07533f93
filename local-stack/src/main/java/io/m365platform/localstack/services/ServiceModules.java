package io.m365platform.localstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about a service read from its module in the repository. */
public final class ServiceModules {

    private ServiceModules() {
    }

    /**
     * Whether the service has Quarkus' OIDC client (its calls to the token broker): only such a service gets the
     * client's settings.
     */
    public static boolean usesOidcClient(Path repository, String service) {
        Path pom = repository.resolve(service).resolve("pom.xml");
        try {
            return Files.isRegularFile(pom)
                    && Files.readString(pom, StandardCharsets.UTF_8).contains("<artifactId>quarkus-oidc-client</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }
}
