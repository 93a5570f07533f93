package io.m365platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the local stack can be told, from command-line options ({@code --kafka-port 19092}) or environment
 * variables ({@code LOCAL_STACK_KAFKA_PORT=19092}); options win. {@code --port-offset} shifts every default port
 * at once, so a second stack (a test) can run next to a developer's.
 */
public record LocalStackOptions(
        Path repository,
        Path dataDirectory,
        int kafkaPort,
        int kafkaControllerPort,
        int simulatorPort,
        Map<String, Integer> servicePorts,
        String dbHost,
        int dbPort,
        String dbUser,
        String dbPassword,
        String dbName,
        int demoUsers,
        long demoSeed,
        boolean fresh,
        boolean demo,
        boolean exitAfterDemo,
        Optional<String> otelEndpoint,
        String serviceHeap,
        Set<String> onlyServices,
        SimulatorOnly simulatorOnly,
        boolean help) {

    /**
     * {@code --simulator-only}: run just the Graph simulator with the demo and platform tenants (docker-compose's
     * graph-simulator container), listening on {@code host}, with a given certificate and platform secrets.
     */
    public record SimulatorOnly(boolean enabled, String host, Optional<Path> keyStore, String keyStorePassword,
                                Optional<String> operatorSecret, Optional<String> serviceSecret) {
    }

    /** The services and their default ports (the platform's port convention). */
    public static final Map<String, Integer> DEFAULT_SERVICE_PORTS = orderedPorts();

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("connection-service", 8081);
        ports.put("sync-service", 8082);
        ports.put("usage-service", 8083);
        ports.put("action-service", 8084);
        return java.util.Collections.unmodifiableMap(ports);
    }

    /**
     * The text of {@code --help}: a plain file beside the sources (run-local.sh prints it before anything is built),
     * read from the launcher's jar here.
     */
    public static final String USAGE = readUsage();

    private static String readUsage() {
        try (var in = LocalStackOptions.class.getResourceAsStream("usage.txt")) {
            return in == null ? "(usage.txt missing from the launcher)" : new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    /** Parses options; unknown options are an error that names the option. */
    public static LocalStackOptions parse(String[] args, Map<String, String> env, Path defaultRepository) {
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("LOCAL_STACK_")) {
                values.put(k.substring("LOCAL_STACK_".length()).toLowerCase(Locale.ROOT).replace('_', '-'), v);
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --; see --help)");
            }
            int eq = arg.indexOf('=');
            String name = eq >= 0 ? arg.substring(2, eq) : arg.substring(2);
            if (!KNOWN.contains(name) && !FLAGS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            values.put(name, value);
        }
        // Options given on the command line are checked above; what is left came from the environment.
        List<String> unknown = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!KNOWN.contains(name) && !FLAGS.contains(name)) {
                unknown.add("LOCAL_STACK_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown environment variable(s) " + String.join(", ", unknown)
                    + ": LOCAL_STACK_* variables are options (see --help)");
        }
        Reader r = new Reader(values);
        int offset = r.integer("port-offset", 0);
        Path repository = r.string("repository").map(Path::of).orElse(defaultRepository).toAbsolutePath().normalize();
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        DEFAULT_SERVICE_PORTS.forEach((service, port) -> servicePorts.put(service,
                r.port(service.substring(0, service.indexOf('-')) + "-port", port + offset)));
        Set<String> only = r.string("only").map(s -> Set.of(s.split("\\s*,\\s*"))).orElse(Set.of());
        for (String service : only) {
            if (!DEFAULT_SERVICE_PORTS.containsKey(service)) {
                throw new IllegalArgumentException("--only: unknown service '" + service + "' (known: "
                        + String.join(", ", DEFAULT_SERVICE_PORTS.keySet()) + ")");
            }
        }
        return new LocalStackOptions(
                repository,
                r.string("data-dir").map(Path::of).map(p -> p.isAbsolute() ? p : repository.resolve(p))
                        .orElse(repository.resolve(".local")).normalize(),
                r.port("kafka-port", 9092 + offset),
                r.port("kafka-controller-port", 9093 + offset),
                r.port("simulator-port", 8443 + offset),
                java.util.Collections.unmodifiableMap(servicePorts),
                r.string("db-host").orElse("127.0.0.1"),
                r.port("db-port", 5432),
                r.string("db-user").orElse("postgres"),
                r.string("db-password").orElse(""),
                r.identifier("db-name", "m365_local"),
                r.positive("users", 60),
                r.longValue("seed", 42),
                r.flag("fresh"),
                !r.flag("no-demo"),
                r.flag("exit-after-demo"),
                r.string("otel-endpoint").filter(s -> !s.isBlank()),
                r.heap("service-heap", "256m"),
                only,
                new SimulatorOnly(r.flag("simulator-only"), r.string("simulator-host").orElse("127.0.0.1"),
                        r.string("simulator-keystore").map(Path::of), r.string("simulator-keystore-password").orElse(""),
                        r.string("platform-operator-secret").filter(v -> !v.isBlank()),
                        r.string("platform-service-secret").filter(v -> !v.isBlank())),
                r.flag("help"));
    }

    private static final Set<String> FLAGS = Set.of("fresh", "no-demo", "exit-after-demo", "simulator-only", "help");
    private static final Set<String> KNOWN = Set.of("users", "seed", "port-offset", "kafka-port", "kafka-controller-port",
            "simulator-port", "connection-port", "sync-port", "usage-port", "action-port", "db-host", "db-port", "db-user",
            "db-password", "db-name", "data-dir", "only", "service-heap", "otel-endpoint", "repository", "simulator-host",
            "simulator-keystore", "simulator-keystore-password", "platform-operator-secret", "platform-service-secret");

    /** Whether this service is to be started. */
    public boolean runs(String service) {
        return onlyServices.isEmpty() || onlyServices.contains(service);
    }

    public int port(String service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return port;
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** Typed access to the raw option values, with messages that name the option. */
    private record Reader(Map<String, String> values) {
        Optional<String> string(String name) {
            return Optional.ofNullable(values.get(name));
        }

        boolean flag(String name) {
            String v = values.get(name);
            if (v == null) {
                return false;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "" -> true;
                case "false", "0", "no" -> false;
                default -> throw new IllegalArgumentException("--" + name + " is a flag (true/false), not '" + v + "'");
            };
        }

        <T> T parsed(String name, T fallback, Function<String, T> parser, String expectation) {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                return parser.apply(v.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--" + name + " must be " + expectation + ", not '" + v + "'");
            }
        }

        int integer(String name, int fallback) {
            return parsed(name, fallback, Integer::parseInt, "a whole number");
        }

        long longValue(String name, long fallback) {
            return parsed(name, fallback, Long::parseLong, "a whole number");
        }

        int positive(String name, int fallback) {
            return parsed(name, fallback, v -> {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new IllegalArgumentException();
                }
                return n;
            }, "a positive whole number");
        }

        int port(String name, int fallback) {
            int port = parsed(name, fallback, Integer::parseInt, "a port number");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--" + name + " must be a port within 1..65535, not " + port);
            }
            return port;
        }

        String identifier(String name, String fallback) {
            return parsed(name, fallback, v -> {
                if (!v.matches("[a-z_][a-z0-9_]{0,62}")) {
                    throw new IllegalArgumentException();
                }
                return v;
            }, "a lower-case PostgreSQL identifier (letters, digits, _)");
        }

        String heap(String name, String fallback) {
            return parsed(name, fallback, v -> {
                if (!v.matches("[0-9]+[kmgKMG]?")) {
                    throw new IllegalArgumentException();
                }
                return v;
            }, "a JVM heap size such as 256m");
        }
    }

    /** The repository this launcher belongs to: two levels above local-stack/target/local-stack.jar, else cwd. */
    public static Path locateRepository(Path launcherLocation) {
        Path candidate = launcherLocation;
        for (int i = 0; i < 4 && candidate != null; i++) {
            if (Files.isRegularFile(candidate.resolve("local-stack/pom.xml"))) {
                return candidate;
            }
            candidate = candidate.getParent();
        }
        return Path.of("").toAbsolutePath();
    }
}
