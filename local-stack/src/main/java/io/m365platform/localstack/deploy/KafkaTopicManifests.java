package io.m365platform.localstack.deploy;

import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the platform's topics as Strimzi {@code KafkaTopic} resources, from the AsyncAPI catalogue (partitions,
 * replicas, cleanup policy, retention), for deploy/base/kafka-topics.yaml:
 * <pre>
 *   java -cp local-stack/target/local-stack.jar io.m365platform.localstack.deploy.KafkaTopicManifests \
 *        deploy/base/kafka-topics.yaml
 * </pre>
 * DeployManifestsTest fails when the committed file and the catalogue differ, so a catalogue change is followed
 * by running this again.
 */
public final class KafkaTopicManifests {

    /** The Strimzi Kafka cluster the topics belong to (label strimzi.io/cluster); overlays may change it. */
    public static final String CLUSTER = "m365-kafka";

    private KafkaTopicManifests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: KafkaTopicManifests <output.yaml>");
            System.exit(64);
        }
        Path out = Path.of(args[0]);
        Files.writeString(out, render(TopicCatalog.all()), StandardCharsets.UTF_8);
        System.out.println("wrote " + TopicCatalog.all().size() + " KafkaTopic resources to " + out);
    }

    public static String render(List<TopicSpec> specs) {
        StringBuilder y = new StringBuilder();
        y.append("# GENERATED from contracts/src/main/resources/asyncapi.yaml by\n")
                .append("# io.m365platform.localstack.deploy.KafkaTopicManifests: do not edit, run it again.\n")
                .append("# One Strimzi KafkaTopic per topic of the catalogue (partitions, replicas, cleanup, retention).\n");
        for (TopicSpec spec : specs) {
            y.append("---\n");
            y.append("# ").append(spec.title()).append(" (key ").append(spec.keyPattern()).append("). ")
                    .append(oneLine(spec.partitionsGuidance())).append('\n');
            y.append("apiVersion: kafka.strimzi.io/v1beta2\n");
            y.append("kind: KafkaTopic\n");
            y.append("metadata:\n");
            y.append("  name: ").append(spec.name()).append('\n');
            y.append("  labels:\n");
            y.append("    strimzi.io/cluster: ").append(CLUSTER).append('\n');
            y.append("    app.kubernetes.io/part-of: m365-platform\n");
            y.append("spec:\n");
            y.append("  topicName: ").append(spec.name()).append('\n');
            y.append("  partitions: ").append(spec.partitions()).append('\n');
            y.append("  replicas: ").append(spec.replicas()).append('\n');
            y.append("  config:\n");
            for (Map.Entry<String, String> c : new TreeMap<>(spec.configs()).entrySet()) {
                y.append("    ").append(c.getKey()).append(": ").append(yamlValue(c.getValue())).append('\n');
            }
        }
        return y.toString();
    }

    private static String yamlValue(String value) {
        return value.matches("-?[0-9]+") ? value : "\"" + value.replace("\"", "\\\"") + "\"";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
