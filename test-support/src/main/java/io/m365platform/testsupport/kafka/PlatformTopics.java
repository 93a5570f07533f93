package io.m365platform.testsupport.kafka;

import io.m365platform.contracts.topics.ProvisioningOptions;
import io.m365platform.contracts.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;

/** Creates every topic of the platform's catalogue on a test broker, as production would (compaction included). */
final class PlatformTopics {

    /**
     * Three partitions per topic: enough that keyed ordering and consumer-group balancing are really exercised,
     * few enough that an in-process broker stays light.
     */
    static final int TEST_PARTITIONS = 3;

    private PlatformTopics() {
    }

    static void createAll(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicProvisioner(admin).ensureAll(ProvisioningOptions.singleBroker().withPartitions(TEST_PARTITIONS));
        }
    }
}
