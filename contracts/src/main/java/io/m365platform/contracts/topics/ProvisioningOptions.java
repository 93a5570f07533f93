package io.m365platform.contracts.topics;

import java.time.Duration;

/**
 * How {@link TopicProvisioner} creates topics.
 *
 * @param replicationFactor  replication factor of new topics (1 on a single local broker)
 * @param partitionsOverride partition count to use instead of the catalog's, null to use the catalog's
 *                           (tests use 1 to keep a broker light)
 * @param alignConfigs       also set the catalog's configs on topics that already exist
 * @param timeout            how long to wait for each admin call
 */
public record ProvisioningOptions(short replicationFactor, Integer partitionsOverride, boolean alignConfigs,
                                  Duration timeout) {

    public ProvisioningOptions {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1");
        }
        if (partitionsOverride != null && partitionsOverride < 1) {
            throw new IllegalArgumentException("partitionsOverride must be at least 1");
        }
    }

    /** One local broker: replication 1, catalog partitions, configs aligned, 30 s timeout. */
    public static ProvisioningOptions singleBroker() {
        return new ProvisioningOptions((short) 1, null, true, Duration.ofSeconds(30));
    }

    /** A production cluster: replication 3, catalog partitions, configs aligned. */
    public static ProvisioningOptions production() {
        return new ProvisioningOptions((short) 3, null, true, Duration.ofSeconds(60));
    }

    /** The same options with a fixed partition count for every topic. */
    public ProvisioningOptions withPartitions(int partitions) {
        return new ProvisioningOptions(replicationFactor, partitions, alignConfigs, timeout);
    }
}
