package io.m365platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, seen from a test running in local-stack/. */
public final class RepositoryPaths {

    private RepositoryPaths() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("local-stack/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tests must run inside the repository (no local-stack/pom.xml above "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }
}
