package io.m365platform.localstack.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The launcher's own JVM logs (Kafka broker, simulator, clients) go to {@code <logs>/local-stack.log}, not to the
 * terminal, where only {@link Console} writes. Kafka's loggers stay at WARN: at INFO they write thousands of lines
 * and slow the broker's start.
 */
public final class Logs {

    /** JUL holds loggers weakly: without these references the levels set here would be forgotten. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.ArrayList<>();

    private Logs() {
    }

    public static Path toFile(Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        Path file = logDirectory.resolve("local-stack.log");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        FileHandler handler = new FileHandler(file.toString(), false);
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        for (String chatty : new String[]{"org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper"}) {
            Logger logger = Logger.getLogger(chatty);
            logger.setLevel(Level.WARNING);
            CONFIGURED.add(logger);
        }
        return file;
    }
}
