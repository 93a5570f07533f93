package io.m365platform.contracts.kafka;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JUnit extension giving tests the bootstrap servers of a real, in-process Kafka broker (KRaft). The broker is
 * started once per test JVM, on first use, and stopped (log dirs deleted) when the JVM's test run ends.
 * Inject it as a {@code String bootstrapServers} parameter of a test or lifecycle method.
 */
public final class EmbeddedKafka implements ParameterResolver {

    private static final String KEY = EmbeddedKafka.class.getName();

    /**
     * Kafka's broker and clients log at INFO by default, which slows the broker start and buries test output.
     * Quarkus' bootstrap jars on the test classpath install their own JBoss LogManager configurator (so a
     * logging.properties file is ignored); setting the levels here works whatever the configurator. The list
     * keeps the loggers strongly reachable so the levels stick. The producer's Sender goes to ERROR: right
     * after topic creation it warns about NOT_LEADER_OR_FOLLOWER retries that it then handles itself.
     */
    private static final List<Logger> QUIET_LOGGERS = List.of(Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("kafka"), Logger.getLogger("state.change.logger"),
            Logger.getLogger("io.smallrye.reactive.messaging.kafka"),
            Logger.getLogger("org.apache.kafka.clients.producer.internals.Sender"));

    /** Wraps the broker so JUnit closes it at the end of the run. */
    private record Broker(EmbeddedKafkaBroker broker, String bootstrapServers)
            implements AutoCloseable {

        @Override
        public void close() {
            broker.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == String.class
                && parameter.getParameter().getName().equals("bootstrapServers");
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> start(), Broker.class).bootstrapServers();
    }

    private static Broker start() {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(logger.getName().endsWith("Sender") ? Level.SEVERE
                : Level.WARNING));
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true).start();
        return new Broker(broker, broker.getAdvertisedListeners().replace("PLAINTEXT://", ""));
    }
}
