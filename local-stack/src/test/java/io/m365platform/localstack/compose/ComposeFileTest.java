package io.m365platform.localstack.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.m365platform.localstack.LocalStackOptions;
import io.m365platform.localstack.RepositoryPaths;
import io.m365platform.localstack.services.ServiceEnvironment;
import io.m365platform.localstack.services.ServiceModules;
import io.m365platform.localstack.services.StackEndpoints;
import io.m365platform.localstack.simulator.LocalSimulator;
import io.m365platform.localstack.simulator.PlatformIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml: valid for {@code docker-compose config} (Debian's docker-compose; .ci/run installs it), and
 * every service gets exactly the environment the local stack gives it ({@link ServiceEnvironment}), with the
 * container network's addresses and the simulator's platform tenant as it is generated from the compose seed.
 */
class ComposeFileTest {

    private static final Path ROOT = RepositoryPaths.root();
    private static JsonNode compose;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(),
                "config");
        // The defaults written in the file, not whatever the developer exported.
        List.of("POSTGRES_PASSWORD", "SIMULATOR_KEYSTORE_PASSWORD", "PLATFORM_OPERATOR_CLIENT_SECRET",
                "PLATFORM_SERVICE_CLIENT_SECRET").forEach(builder.environment()::remove);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose is not installed: install Debian's docker-compose package"
                    + " (.ci/run does) to check docker-compose.yml", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not finish");
        assertEquals(0, process.exitValue(), "docker-compose config rejected docker-compose.yml: " + err);
        compose = new YAMLMapper().readTree(out);
    }

    @Test
    void runsKafkaPostgresTheSimulatorAndEveryService() {
        JsonNode services = compose.path("services");
        for (String name : List.of("kafka", "kafka-topics", "postgres", "local-secrets", "graph-simulator")) {
            assertTrue(services.has(name), "no " + name + " in docker-compose.yml");
        }
        assertTrue(services.path("kafka").path("image").asText().startsWith("apache/kafka:"), "KRaft image");
        for (String service : LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet()) {
            assertTrue(services.path(service).path("image").asText().startsWith("m365platform/" + service + ":"),
                    service + " runs the image Jib builds");
        }
    }

    @Test
    void everyServiceIsWiredLikeTheLocalStack(@TempDir Path tmp) throws IOException {
        JsonNode simulatorEnv = compose.path("services").path("graph-simulator").path("environment");
        long seed = simulatorEnv.path("LOCAL_STACK_SEED").asLong();
        int users = simulatorEnv.path("LOCAL_STACK_USERS").asInt();
        String serviceSecret = simulatorEnv.path("LOCAL_STACK_PLATFORM_SERVICE_SECRET").asText();
        // The platform tenant's ids follow from the seed: generate them as the graph-simulator container will.
        try (LocalSimulator simulator = LocalSimulator.start(new LocalSimulator.Settings("127.0.0.1", 0,
                Optional.empty(), "", tmp, seed, users, Optional.empty(), Optional.of(serviceSecret)))) {
            PlatformIdentity platform = simulator.platform();
            String sim = "https://graph-simulator:8443";
            String authServer = sim + "/" + platform.tenantId() + "/v2.0";
            Map<String, String> urls = new LinkedHashMap<>();
            LocalStackOptions.DEFAULT_SERVICE_PORTS.forEach((s, port) -> urls.put(s, "http://" + s + ":" + port));
            StackEndpoints endpoints = new StackEndpoints("kafka:29092", "postgres", 5432, "m365platform", "postgres",
                    "local-only", sim, sim + "/v1.0", Path.of("/tls/certificate.pem"), authServer,
                    sim + "/" + platform.tenantId() + "/oauth2/v2.0/token", platform.issuer(),
                    PlatformIdentity.AUDIENCE, platform.serviceApp().clientId(), platform.serviceApp().secret(),
                    PlatformIdentity.SCOPE, LocalStackOptions.DEFAULT_SERVICE_PORTS, urls,
                    "http://localhost:8081/admin-sign-in/callback", Path.of("/secrets/credential-keyset.json"),
                    Optional.empty());
            ServiceEnvironment expected = new ServiceEnvironment(endpoints,
                    service -> ServiceModules.usesOidcClient(ROOT, service));
            for (String service : LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet()) {
                Map<String, String> actual = new TreeMap<>();
                compose.path("services").path(service).path("environment").fields()
                        .forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asText()));
                assertEquals(new TreeMap<>(expected.forService(service)), actual,
                        service + ": docker-compose.yml differs from the local stack's ServiceEnvironment");
            }
        }
    }
}
