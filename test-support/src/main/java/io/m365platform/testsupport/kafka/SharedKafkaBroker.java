package io.m365platform.testsupport.kafka;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * One in-process Kafka broker per JVM, started lazily and stopped by a shutdown hook.
 *
 * <p>Starting a broker costs 2-3 s; sharing it lets every test class of a module (and plain JUnit tests next to
 * {@code @QuarkusTest}s) use the same broker. Tests isolate themselves by key or consumer group, not by broker.
 */
public final class SharedKafkaBroker {

    private static EmbeddedKafkaBroker broker;
    private static String bootstrapServers;

    private SharedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true);
            broker.start();
            bootstrapServers = broker.getAdvertisedListeners().replace("PLAINTEXT://", "");
            Runtime.getRuntime().addShutdownHook(new Thread(SharedKafkaBroker::stop, "kafka-broker-stop"));
            PlatformTopics.createAll(bootstrapServers);
        }
        return bootstrapServers;
    }

    private static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
