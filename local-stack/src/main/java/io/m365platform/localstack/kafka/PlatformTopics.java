package io.m365platform.localstack.kafka;

import io.m365platform.contracts.topics.ProvisioningOptions;
import io.m365platform.contracts.topics.ProvisioningReport;
import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;

/**
 * The platform's topics on the local broker, exactly as the AsyncAPI catalogue declares them (partitions,
 * compaction, retention), with replication 1 because there is one broker. Idempotent: a second run only aligns
 * configs that changed in the catalogue.
 */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    /** {@code java -cp local-stack.jar io.m365platform.localstack.kafka.PlatformTopics kafka:9092} (docker-compose). */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PlatformTopics <bootstrap servers>");
            System.exit(64);
        }
        ProvisioningReport report = ensure(args[0]);
        System.out.println("topics created: " + report.created() + "; already there: " + report.alreadyPresent()
                + (report.partitionMismatches().isEmpty() ? "" : "; partition counts differ: " + report.partitionMismatches()));
    }

    public static ProvisioningReport ensure(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-topics"))) {
            return new TopicProvisioner(admin).ensureTopics(TopicCatalog.all(), ProvisioningOptions.singleBroker());
        }
    }
}
