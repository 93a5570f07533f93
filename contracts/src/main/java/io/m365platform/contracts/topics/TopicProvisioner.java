package io.m365platform.contracts.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the platform's topics with a Kafka {@link Admin} client, idempotently: missing topics are created
 * with the catalog's partitions and configs, existing ones are left in place (their configs aligned when
 * asked), and several instances may run it at the same time. Partition counts of existing topics are only
 * reported, never changed.
 */
public final class TopicProvisioner {

    private final Admin admin;

    /** The caller owns the admin client and closes it. */
    public TopicProvisioner(Admin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** Ensures every topic of the standard catalog. */
    public ProvisioningReport ensureAll(ProvisioningOptions options) {
        return ensureTopics(TopicCatalog.all(), options);
    }

    /** Ensures the given topics exist with their settings. */
    public ProvisioningReport ensureTopics(Collection<TopicSpec> specs, ProvisioningOptions options) {
        try {
            Set<String> existing = get(admin.listTopics().names(), options);
            List<String> created = new ArrayList<>();
            List<String> present = new ArrayList<>();
            List<NewTopic> toCreate = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    present.add(spec.name());
                } else {
                    int partitions = options.partitionsOverride() != null ? options.partitionsOverride()
                            : spec.partitions();
                    toCreate.add(new NewTopic(spec.name(), partitions, options.replicationFactor())
                            .configs(spec.configs()));
                }
            }
            if (!toCreate.isEmpty()) {
                CreateTopicsResult result = admin.createTopics(toCreate);
                for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
                    try {
                        get(entry.getValue(), options);
                        created.add(entry.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                        present.add(entry.getKey()); // created by a concurrent instance
                    }
                }
            }
            awaitLeaders(created, options);
            List<String> aligned = options.alignConfigs() ? alignConfigs(specs, present, options) : List.of();
            List<String> mismatches = partitionMismatches(specs, present, options);
            return new ProvisioningReport(created, present, aligned, mismatches);
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + options.timeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private List<String> alignConfigs(Collection<TopicSpec> specs, List<String> present, ProvisioningOptions options)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (present.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = present.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> current = get(admin.describeConfigs(resources).all(), options);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (TopicSpec spec : specs) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config config = current.get(resource);
            if (config == null) {
                continue;
            }
            List<AlterConfigOp> ops = new ArrayList<>();
            spec.configs().forEach((name, wanted) -> {
                ConfigEntry entry = config.get(name);
                if (entry == null || !wanted.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(name, wanted), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        }
        if (!changes.isEmpty()) {
            get(admin.incrementalAlterConfigs(changes).all(), options);
        }
        return changes.keySet().stream().map(ConfigResource::name).sorted().toList();
    }

    private List<String> partitionMismatches(Collection<TopicSpec> specs, List<String> present,
                                             ProvisioningOptions options)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (present.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(present).allTopicNames(), options);
        List<String> mismatches = new ArrayList<>();
        for (TopicSpec spec : specs) {
            TopicDescription description = descriptions.get(spec.name());
            int wanted = options.partitionsOverride() != null ? options.partitionsOverride() : spec.partitions();
            if (description != null && description.partitions().size() != wanted) {
                mismatches.add(spec.name() + " has " + description.partitions().size() + " partitions, catalog says "
                        + wanted);
            }
        }
        return mismatches;
    }

    /**
     * createTopics completes when the controller has recorded the topics; the broker may need a moment more
     * before it leads their partitions. Waiting here spares the first producers NOT_LEADER_OR_FOLLOWER retries.
     */
    private void awaitLeaders(List<String> topics, ProvisioningOptions options)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (true) {
            Map<String, TopicDescription> descriptions;
            try {
                descriptions = get(admin.describeTopics(topics).allTopicNames(), options);
            } catch (ExecutionException e) {
                descriptions = Map.of(); // not visible on the broker yet
            }
            boolean ready = descriptions.size() == topics.size() && descriptions.values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + topics + " have no leader after " + options.timeout());
            }
            Thread.sleep(100);
        }
    }

    private static <T> T get(KafkaFuture<T> future, ProvisioningOptions options)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
