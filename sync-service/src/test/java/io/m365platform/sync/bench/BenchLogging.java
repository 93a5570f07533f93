package io.m365platform.sync.bench;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log levels of the benchmark JVMs as in the service (Kafka at WARN): with no configuration the Kafka client
 * formats a trace line for every record it sends, which would dominate the figures.
 */
final class BenchLogging {

    /** Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> CONFIGURED = List.of(
            level("", Level.INFO),
            level("org.apache.kafka", Level.WARNING),
            level("kafka", Level.WARNING),
            level("state.change.logger", Level.WARNING),
            level("io.m365platform", Level.WARNING),
            level("org.flywaydb", Level.WARNING));

    private BenchLogging() {
    }

    static void quiet() {
        if (CONFIGURED.isEmpty()) {
            throw new IllegalStateException();
        }
    }

    private static Logger level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
