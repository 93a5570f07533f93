package io.m365platform.localstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An overlay rendered by {@code kubectl kustomize} and read into fabric8's Kubernetes model: each document becomes
 * the typed class of its apiVersion/kind (Deployment, Service, …), or a {@link GenericKubernetesResource} for a
 * custom resource the model does not know (KafkaTopic).
 */
final class RenderedManifests {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private RenderedManifests() {
    }

    static String render(Path kustomization) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The raw documents, in rendering order. */
    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    /** A document as the model's typed resource (what the Kubernetes API would accept or reject). */
    static HasMetadata typed(JsonNode document) {
        KubernetesResource resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
        if (!(resource instanceof HasMetadata hasMetadata)) {
            throw new AssertionError("not a Kubernetes object with metadata: " + document);
        }
        return hasMetadata;
    }

    /** Whether fabric8's model has a class for this apiVersion and kind. */
    static boolean known(String apiVersion, String kind) {
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        return type != null && type != GenericKubernetesResource.class;
    }
}
