package io.m365platform.localstack.console;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStepIsOneLineWithItsOutcomeAndTime() {
        console.step("Starting Kafka").ok("localhost:9092");
        console.step("Starting sync-service").failed("exited with code 1");
        String[] lines = text().split("\n");
        assertTrue(lines[0].matches(" > Starting Kafka \\.\\.\\. ok, localhost:9092 \\([0-9.]+ s\\)"), lines[0]);
        assertTrue(lines[1].matches(" > Starting sync-service \\.\\.\\. FAILED: exited with code 1 \\([0-9.]+ s\\)"), lines[1]);
        assertFalse(text().contains("\u001B"), "no terminal escapes without a terminal");
    }

    @Test
    void messagesDuringAStepStartOnTheirOwnLine() {
        Console.Step step = console.step("Syncing");
        console.warn("something to know");
        step.ok();
        assertTrue(text().startsWith(" > Syncing ...\n ! something to know\n > Syncing ... ok ("), text());
    }

    @Test
    void awaitReturnsWhetherTheConditionBecameTrue() throws InterruptedException {
        AtomicInteger polls = new AtomicInteger();
        assertTrue(console.await(console.step("waiting"), Duration.ofSeconds(5), Duration.ofMillis(1),
                () -> polls.incrementAndGet() >= 3));
        assertFalse(console.await(console.step("never"), Duration.ofMillis(50), Duration.ofMillis(5), () -> false));
    }
}
