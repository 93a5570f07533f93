package io.m365platform.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicSpec;
import io.m365platform.localstack.LocalStackOptions;
import io.m365platform.localstack.RepositoryPaths;
import io.m365platform.localstack.services.ServiceModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * deploy/: every overlay renders with {@code kubectl kustomize}, every object is valid against the Kubernetes API
 * schemas (fabric8's model: nothing it cannot place), the services are complete (probes, resources, metrics,
 * config and secret references that resolve) and the Kafka topics are exactly the AsyncAPI catalogue.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = RepositoryPaths.root().resolve("deploy");
    /** The Secrets the manifests reference (created outside git) and the keys they must hold. */
    private static final Map<String, Set<String>> SECRETS = Map.of(
            "m365-platform-db", Set.of("username", "password"),
            "m365-connection-crypto", Set.of("keyset"),
            "m365-platform-oidc-client", Set.of("client-secret"));
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private static List<JsonNode> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            try {
                return RenderedManifests.documents(RenderedManifests.render(DEPLOY.resolve("overlays").resolve(o)));
            } catch (IOException e) {
                throw new AssertionError("cannot render overlay " + o + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    private static List<HasMetadata> typed(String overlay) {
        return rendered(overlay).stream().map(RenderedManifests::typed).toList();
    }

    private static <T> List<T> ofType(String overlay, Class<T> type) {
        return typed(overlay).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectIsAValidKubernetesObject(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : rendered(overlay)) {
            String apiVersion = doc.path("apiVersion").asText();
            String kind = doc.path("kind").asText();
            String id = kind + " " + doc.path("metadata").path("name").asText();
            HasMetadata object = RenderedManifests.typed(doc);
            if (object instanceof GenericKubernetesResource) {
                if (!"kafka.strimzi.io/v1beta2".equals(apiVersion) || !"KafkaTopic".equals(kind)) {
                    problems.add(id + ": " + apiVersion + "/" + kind + " is not a kind the Kubernetes model knows");
                }
                continue;
            }
            assertTrue(RenderedManifests.known(apiVersion, kind), id);
            ModelStrictness.unknownFields(object).forEach(p -> problems.add(id + " " + p));
            if (object.getMetadata().getNamespace() == null && !"Namespace".equals(kind)) {
                problems.add(id + ": no namespace (the overlay must set one)");
            }
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceRunsWithProbesResourcesAndMetrics(String overlay) {
        Map<String, Deployment> deployments = ofType(overlay, Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        assertEquals(LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet(), deployments.keySet(),
                "one Deployment per service of the platform");
        String httpPort = configValue(overlay, "QUARKUS_HTTP_PORT");
        for (Deployment d : deployments.values()) {
            String name = d.getMetadata().getName();
            assertTrue(d.getSpec().getReplicas() >= 1, name);
            Container app = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("app", app.getName(), name);
            assertTrue(app.getImage().contains(name + ":"), name + " image " + app.getImage());
            assertEquals(Integer.valueOf(httpPort), app.getPorts().get(0).getContainerPort(), name + " port");
            assertEquals("http", app.getPorts().get(0).getName(), name);
            probe(name, "startup", app.getStartupProbe(), "/q/health/started");
            probe(name, "liveness", app.getLivenessProbe(), "/q/health/live");
            probe(name, "readiness", app.getReadinessProbe(), "/q/health/ready");
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(app.getResources().getRequests().get(resource), name + " requests " + resource);
                assertNotNull(app.getResources().getLimits().get(resource), name + " limits " + resource);
            }
            Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"), name);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), name);
            assertEquals(httpPort, annotations.get("prometheus.io/port"), name);
            assertEquals(Boolean.TRUE, d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot(), name);
            assertEquals(Boolean.FALSE, app.getSecurityContext().getAllowPrivilegeEscalation(), name);
        }
    }

    private static void probe(String service, String kind, Probe probe, String path) {
        assertNotNull(probe, service + " has no " + kind + " probe");
        assertEquals(path, probe.getHttpGet().getPath(), service + " " + kind + " probe");
        assertEquals("http", probe.getHttpGet().getPort().getStrVal(), service + " " + kind + " probe port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void servicesAndDisruptionBudgetsSelectTheirPods(String overlay) {
        List<Service> services = ofType(overlay, Service.class);
        List<PodDisruptionBudget> budgets = ofType(overlay, PodDisruptionBudget.class);
        for (Deployment d : ofType(overlay, Deployment.class)) {
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(podLabels.entrySet().containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()),
                    d.getMetadata().getName() + ": its selector does not match its pods");
            String name = d.getMetadata().getName();
            Service service = services.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Service for " + name));
            assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), name + " Service");
            assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal(), name);
            PodDisruptionBudget pdb = budgets.stream().filter(b -> b.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + name));
            assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void onlyServicesWithAnOidcClientGetItsSettings(String overlay) {
        // Exact property names: QUARKUS_OIDC_CLIENT_* would also read as an OIDC tenant named "client".
        Set<String> oidcClientVariables = Set.of("quarkus.oidc-client.auth-server-url", "quarkus.oidc-client.client-id",
                "quarkus.oidc-client.scopes", "quarkus.oidc-client.credentials.secret");
        for (ConfigMap config : ofType(overlay, ConfigMap.class)) {
            config.getData().keySet().forEach(key -> assertFalse(key.startsWith("QUARKUS_OIDC_CLIENT_")
                    || key.startsWith("quarkus.oidc-client."), "ConfigMap " + config.getMetadata().getName() + " gives "
                    + key + " to every service"));
        }
        for (Deployment d : ofType(overlay, Deployment.class)) {
            String service = d.getMetadata().getName();
            List<String> names = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .map(EnvVar::getName).toList();
            assertFalse(names.stream().anyMatch(n -> n.startsWith("QUARKUS_OIDC_CLIENT_")),
                    service + ": QUARKUS_OIDC_CLIENT_* also configures an OIDC tenant named \"client\"");
            Set<String> variables = names.stream().filter(n -> n.startsWith("quarkus.oidc-client.")).collect(Collectors.toSet());
            Set<String> expected = ServiceModules.usesOidcClient(RepositoryPaths.root(), service) ? oidcClientVariables : Set.of();
            assertEquals(expected, variables, service + ": OIDC client settings (Quarkus' OIDC client in its pom or not)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void configAndSecretReferencesResolve(String overlay) {
        Map<String, ConfigMap> configMapsByName = ofType(overlay, ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        Set<String> configMaps = configMapsByName.keySet();
        Map<String, Set<String>> secretKeys = new HashMap<>();
        for (Deployment d : ofType(overlay, Deployment.class)) {
            Container app = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (EnvFromSource from : app.getEnvFrom()) {
                assertTrue(configMaps.contains(from.getConfigMapRef().getName()),
                        d.getMetadata().getName() + " refers to missing ConfigMap " + from.getConfigMapRef().getName());
            }
            for (EnvVar env : app.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    secretKeyRefs(secretKeys, env);
                }
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = env.getValueFrom().getConfigMapKeyRef();
                    ConfigMap config = configMapsByName.get(ref.getName());
                    assertNotNull(config, d.getMetadata().getName() + " " + env.getName() + ": no ConfigMap " + ref.getName());
                    assertTrue(config.getData().containsKey(ref.getKey()),
                            d.getMetadata().getName() + " " + env.getName() + ": ConfigMap has no key " + ref.getKey());
                }
            }
        }
        assertEquals(SECRETS, secretKeys, "the Secrets the services need (documented in deploy/README.md)");
    }

    private static void secretKeyRefs(Map<String, Set<String>> secretKeys, EnvVar env) {
        var ref = env.getValueFrom().getSecretKeyRef();
        secretKeys.computeIfAbsent(ref.getName(), k -> new TreeSet<>()).add(ref.getKey());
    }

    @Test
    void everyReferencedSecretIsDocumented() throws IOException {
        String readme = Files.readString(DEPLOY.resolve("README.md"), StandardCharsets.UTF_8);
        SECRETS.forEach((secret, keys) -> {
            assertTrue(readme.contains(secret), "deploy/README.md does not explain Secret " + secret);
            keys.forEach(k -> assertTrue(readme.contains(k), "deploy/README.md does not name key " + k + " of " + secret));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void kafkaTopicsAreExactlyTheAsyncApiCatalogue(String overlay) {
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode doc : rendered(overlay)) {
            if ("KafkaTopic".equals(doc.path("kind").asText())) {
                assertEquals("kafka.strimzi.io/v1beta2", doc.path("apiVersion").asText());
                if (topics.put(doc.path("spec").path("topicName").asText(), doc) != null) {
                    fail("topic declared twice: " + doc.path("spec").path("topicName").asText());
                }
            }
        }
        List<TopicSpec> catalogue = TopicCatalog.all();
        assertEquals(catalogue.stream().map(TopicSpec::name).collect(Collectors.toCollection(TreeSet::new)),
                topics.keySet(), "KafkaTopics vs the AsyncAPI catalogue");
        for (TopicSpec spec : catalogue) {
            JsonNode topic = topics.get(spec.name());
            String name = spec.name();
            assertEquals(name, topic.path("metadata").path("name").asText(), name);
            assertFalse(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText().isBlank(), name);
            assertEquals(spec.partitions(), topic.path("spec").path("partitions").asInt(), name + " partitions");
            int replicas = overlay.equals("dev") ? 1 : spec.replicas();
            assertEquals(replicas, topic.path("spec").path("replicas").asInt(), name + " replicas");
            Map<String, String> config = new TreeMap<>();
            topic.path("spec").path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            assertEquals(new TreeMap<>(spec.configs()), config, name + " config (cleanup, retention)");
            Set<String> allowed = Set.of("topicName", "partitions", "replicas", "config");
            topic.path("spec").fieldNames().forEachRemaining(f -> assertTrue(allowed.contains(f), name + ": spec." + f));
        }
    }

    @Test
    void productionIsScrapedByAServiceMonitor() {
        List<ServiceMonitor> monitors = ofType("production", ServiceMonitor.class);
        assertEquals(1, monitors.size());
        ServiceMonitor monitor = monitors.get(0);
        for (Service service : ofType("production", Service.class)) {
            assertTrue(service.getMetadata().getLabels().entrySet()
                    .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()),
                    service.getMetadata().getName() + " is not selected by the ServiceMonitor");
        }
        assertEquals("http", monitor.getSpec().getEndpoints().get(0).getPort());
        assertEquals("/q/metrics", monitor.getSpec().getEndpoints().get(0).getPath());
    }

    @Test
    void committedTopicManifestIsTheGeneratorsOutput() throws IOException {
        String committed = Files.readString(DEPLOY.resolve("base/kafka-topics.yaml"), StandardCharsets.UTF_8);
        assertEquals(KafkaTopicManifests.render(TopicCatalog.all()), committed,
                "deploy/base/kafka-topics.yaml is stale: regenerate it (see KafkaTopicManifests)");
    }

    private static String configValue(String overlay, String key) {
        return ofType(overlay, ConfigMap.class).stream().map(c -> c.getData().get(key)).filter(v -> v != null)
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap sets " + key));
    }
}
