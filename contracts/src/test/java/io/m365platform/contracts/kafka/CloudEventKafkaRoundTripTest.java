package io.m365platform.contracts.kafka;

import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.SampleEvents;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.cloudevents.CloudEventHeaders;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.cloudevents.EventEnvelope;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.topics.ProvisioningOptions;
import io.m365platform.contracts.topics.ProvisioningReport;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.topics.TopicCatalog;
import io.m365platform.contracts.topics.TopicProvisioner;
import io.m365platform.contracts.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type (and every action parameters record) goes through a real Kafka broker as a binary-mode CloudEvent and comes back equal, with its
 * headers; a deletion arrives as the deleted event followed by a tombstone on the same partition. Topics are
 * created from the catalog, idempotently.
 */
@ExtendWith(EmbeddedKafka.class)
class CloudEventKafkaRoundTripTest {

    /** One partition per topic keeps the shared test broker light (153 partitions otherwise). */
    private static final ProvisioningOptions OPTIONS = ProvisioningOptions.singleBroker().withPartitions(1);

    private static Admin admin;
    private static ProvisioningReport firstProvisioning;
    private static String bootstrap;

    private final CloudEventWriter writer = new CloudEventWriter("/m365platform/contracts-test");
    private final CloudEventReader reader = new CloudEventReader();

    @BeforeAll
    static void createTopics(String bootstrapServers) {
        bootstrap = bootstrapServers;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        firstProvisioning = new TopicProvisioner(admin).ensureAll(OPTIONS);
    }

    @AfterAll
    static void closeAdmin() {
        admin.close(Duration.ofSeconds(5));
    }

    @Test
    void everyEventTypeRoundTripsAsACloudEvent() {
        Map<EventType, PlatformEvent> samples = SampleEvents.all();
        Map<String, PlatformEvent> sentById = new HashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<PlatformEvent> events = new ArrayList<>(samples.values());
        for (ActionType type : ActionType.values()) {
            events.add(SampleEvents.actionRequest(type)); // every parameters record too
        }
        for (PlatformEvent sample : events) {
            String id = UUID.randomUUID().toString();
            sentById.put(id, sample);
            records.add(writer.record(sample, id));
        }
        PlatformEvent deleted = samples.get(EventType.GROUP_MEMBERSHIP_DELETED);
        List<ProducerRecord<String, byte[]>> deletion = writer.deletion(deleted);
        sentById.put(new String(deletion.get(0).headers().lastHeader(CloudEventHeaders.ID).value(),
                StandardCharsets.UTF_8), deleted);
        records.addAll(deletion);
        send(records);

        List<ConsumerRecord<String, byte[]>> received = consume(records.size(),
                TopicCatalog.all().stream().map(TopicSpec::name).toList());
        int tombstones = 0;
        Map<String, Integer> partitionOfKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : received) {
            ReadResult result = reader.read(record);
            if (result instanceof ReadResult.Tombstone tombstone) {
                tombstones++;
                assertEquals(deleted.kafkaKey(), tombstone.key());
                assertEquals(Topic.DIRECTORY_GROUP_MEMBERSHIPS.topicName(), tombstone.topic());
                assertEquals(partitionOfKey.get(record.topic() + "|" + record.key()), record.partition(),
                        "tombstone and deleted event share a partition");
                continue;
            }
            EventEnvelope envelope = assertInstanceOf(ReadResult.Accepted.class, result,
                    () -> "rejected: " + result).envelope();
            PlatformEvent sent = sentById.get(envelope.id());
            assertNotNull(sent, "unexpected ce_id " + envelope.id());
            assertEquals(sent, envelope.data());
            assertEquals(sent.eventType(), envelope.type());
            assertEquals(sent.eventType().topic().topicName(), record.topic());
            assertEquals(sent.kafkaKey(), record.key());
            assertEquals(sent.subject(), envelope.subject());
            assertEquals(sent.eventTime(), envelope.time());
            assertEquals("/m365platform/contracts-test", envelope.source());
            assertEquals(sent.tenantId(), envelope.tenantId());
            assertEquals(sent.connectionId(), envelope.connectionId());
            assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
            assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
            assertEquals(sent.eventType().type(), header(record, CloudEventHeaders.TYPE));
            assertEquals(sent.eventType().schemaId(), header(record, CloudEventHeaders.DATA_SCHEMA));
            partitionOfKey.put(record.topic() + "|" + record.key(), record.partition());
            sentById.remove(envelope.id());
        }
        assertEquals(1, tombstones);
        assertEquals(events.size() + 2, received.size());
        assertTrue(sentById.isEmpty(), "not received: " + sentById.values().stream()
                .map(e -> e.eventType().name()).collect(Collectors.joining(", ")));
    }

    @Test
    void topicsAreCreatedFromTheCatalogIdempotently() throws Exception {
        assertEquals(Topic.values().length, firstProvisioning.created().size() + firstProvisioning.alreadyPresent().size());
        TopicProvisioner provisioner = new TopicProvisioner(admin);

        ProvisioningReport again = provisioner.ensureAll(OPTIONS);
        assertEquals(List.of(), again.created());
        assertEquals(Topic.values().length, again.alreadyPresent().size());
        assertEquals(List.of(), again.configsAligned());
        assertEquals(List.of(), again.partitionMismatches());

        TopicSpec users = TopicCatalog.standard().spec(Topic.DIRECTORY_USERS);
        assertEquals(1, partitions(users.name()));
        assertEquals("compact", topicConfig(users.name()).get("cleanup.policy").value());
        Config daily = topicConfig(Topic.USAGE_DAILY.topicName());
        assertEquals("compact,delete", daily.get("cleanup.policy").value());
        assertEquals(String.valueOf(Duration.ofDays(40).toMillis()), daily.get("retention.ms").value());

        // someone changed a setting by hand: the provisioner puts the catalog's value back
        ConfigResource runs = new ConfigResource(ConfigResource.Type.TOPIC, Topic.SYNC_RUNS.topicName());
        admin.incrementalAlterConfigs(Map.of(runs, List.of(new AlterConfigOp(
                new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET)))).all().get();
        ProvisioningReport aligned = provisioner.ensureAll(OPTIONS);
        assertEquals(List.of(Topic.SYNC_RUNS.topicName()), aligned.configsAligned());
        assertEquals(String.valueOf(Duration.ofDays(30).toMillis()),
                topicConfig(Topic.SYNC_RUNS.topicName()).get("retention.ms").value());

        // the catalogue's partition count (12) differs from the existing topic's: reported, never applied
        ProvisioningReport mismatch = provisioner.ensureTopics(List.of(users), ProvisioningOptions.singleBroker());
        assertEquals(List.of("m365.directory.users has 1 partitions, catalog says 12"), mismatch.partitionMismatches());
        assertEquals(1, partitions(users.name()));
    }

    private static int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private static void send(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8_388_608);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consume(int expected, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            // assign instead of subscribe: no consumer group to join, so no rebalance delay
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertEquals(expected, received.size(), "records received");
        return received;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
