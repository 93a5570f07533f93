package io.m365platform.contracts.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The released copies of the schemas, one folder per contracts release under {@value #ROOT} on the classpath
 * ({@code v1}, {@code v2}...). A release is a frozen copy of {@code schemas/}; the current schemas must stay
 * backward compatible with every release (see {@link SchemaCompatibilityChecker}).
 */
public final class SchemaReleases {

    /** Classpath folder of the released copies. */
    public static final String ROOT = "schemas-released";

    private SchemaReleases() {
    }

    /** Names of the released versions, oldest first ({@code v1}, {@code v2}, ... {@code v10}). */
    public static List<String> versions() {
        URL url = SchemaReleases.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            Path root;
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                root = jar.getPath(ROOT);
            } else {
                root = Path.of(uri);
            }
            List<String> versions = new ArrayList<>();
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString().replace("/", ""))
                        .filter(name -> name.matches("v\\d+"))
                        .forEach(versions::add);
            }
            versions.sort(Comparator.comparingInt(v -> Integer.parseInt(v.substring(1))));
            return versions;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema files of one release. */
    public static SchemaTree release(String version) {
        return SchemaTree.fromClasspath(ROOT + "/" + version);
    }

    /** Every incompatibility of the current schemas against every release; empty when all is compatible. */
    public static List<Incompatibility> checkCurrent() {
        SchemaTree current = SchemaTree.current();
        SchemaCompatibilityChecker checker = new SchemaCompatibilityChecker();
        List<Incompatibility> found = new ArrayList<>();
        for (String version : versions()) {
            for (Incompatibility incompatibility : checker.check(release(version), current)) {
                found.add(new Incompatibility(version + ":" + incompatibility.schema(), incompatibility.path(),
                        incompatibility.kind(), incompatibility.detail()));
            }
        }
        return found;
    }
}
