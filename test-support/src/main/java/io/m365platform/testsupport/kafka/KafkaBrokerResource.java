package io.m365platform.testsupport.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.Map;

/**
 * Starts (once per test JVM) a real Apache Kafka KRaft broker and points the application at it.
 *
 * <p>Quarkus' own KafkaCompanionResource would try to start a container, which this build cannot do; this resource
 * runs Kafka's broker in-process instead. All topics of the platform's AsyncAPI catalogue are created up front,
 * with their real cleanup policies, so compaction-dependent behaviour is exercised as in production.
 * Inject a companion into a test with {@code @InjectKafkaCompanion KafkaCompanion companion}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        companion = new KafkaCompanion(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
        // The broker itself lives until the JVM exits: other test classes of the same run reuse it.
    }
}
