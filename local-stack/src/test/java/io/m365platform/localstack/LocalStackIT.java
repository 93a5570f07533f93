package io.m365platform.localstack;

import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The "done when" of the local stack: runs the packaged launcher ({@code java -jar target/local-stack.jar}, what
 * ./run-local.sh runs once the build is there) from nothing (--fresh, own data directory, own database, ports
 * shifted so that a developer's stack can keep running), waits until the demo sync completed, checks the printed
 * summary, reads m365.directory.users back with a Kafka consumer, then presses Ctrl-C (SIGINT) and checks that
 * every child process and the broker are gone.
 */
@Tag("local-stack")
class LocalStackIT {

    private static final int OFFSET = 2000;
    private static final int USERS = 40;
    private static final int KAFKA_PORT = 9092 + OFFSET;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final Pattern PID = Pattern.compile("Starting (\\S+) on port (\\d+) \\.*\\s*ok, pid (\\d+)");
    private static final Pattern CONNECTION = Pattern.compile("connection ([0-9a-f-]{36}): status (\\S+)");

    private Process launcher;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> servicePids = new HashMap<>();

    @Test
    void runsTheDemoAndStopsCleanlyOnCtrlC() throws Exception {
        Path root = RepositoryPaths.root();
        Path jar = Path.of(System.getProperty("localstack.jar", root.resolve("local-stack/target/local-stack.jar").toString()));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "--fresh", "--port-offset", String.valueOf(OFFSET),
                "--users", String.valueOf(USERS), "--data-dir", root.resolve("local-stack/target/it-stack").toString(),
                "--db-name", "m365_local_it");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("LOCAL_STACK_"));
        long started = System.nanoTime();
        launcher = builder.start();
        CountDownLatch up = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().daemon().name("launcher-output").start(() -> read(up));

        boolean ready = up.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String transcript = String.join("\n", output);
        assertTrue(ready, "the local stack did not come up within " + START_TIMEOUT + ":\n" + transcript);
        System.out.printf("local stack up in %.1f s (this test's measure, build excluded)%n",
                (System.nanoTime() - started) / 1e9);

        // The summary: every service ready, the demo connected and synced, the users all on the topic.
        for (String service : LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet()) {
            assertTrue(servicePids.containsKey(service), service + " did not start:\n" + transcript);
        }
        assertTrue(transcript.contains("demo tenant users: " + USERS), transcript);
        assertTrue(transcript.contains("sync completed: full run"), "no completed sync:\n" + transcript);
        assertTrue(transcript.contains("its final event is on m365.sync.runs: sync.completed"), transcript);
        assertTrue(transcript.contains("users on m365.directory.users: " + USERS + " (the simulator holds " + USERS
                + ": all synced)"), transcript);
        assertTrue(transcript.contains("Capability table") && transcript.contains("Sync users"), transcript);
        assertFalse(transcript.contains("What did not work"), transcript);
        Matcher connection = CONNECTION.matcher(transcript);
        assertTrue(connection.find(), transcript);
        String connectionId = connection.group(1);

        // The topic itself: every user of the demo tenant, as a schema-valid CloudEvent, keyed by the connection.
        Map<String, DirectoryUser> users = readUsers(connectionId);
        assertEquals(USERS, users.size(), "live users of the connection on " + Topics.DIRECTORY_USERS);
        users.forEach((key, user) -> assertEquals(connectionId + "/" + user.id(), key, "key of user " + user.id()));

        // Ctrl-C: the launcher stops the services, the simulator and the broker, then exits.
        new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertTrue(launcher.waitFor(90, TimeUnit.SECONDS), "the launcher did not exit after Ctrl-C:\n" + String.join("\n", output));
        reader.join(5_000);
        assertTrue(String.join("\n", output).contains("Stopped."), String.join("\n", output));
        servicePids.forEach((service, pid) -> assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                service + " (pid " + pid + ") still runs after Ctrl-C"));
        assertFalse(listening(KAFKA_PORT), "Kafka still listens on " + KAFKA_PORT);
        LocalStackOptions.DEFAULT_SERVICE_PORTS.forEach((service, port) ->
                assertFalse(listening(port + OFFSET), service + " still listens on " + (port + OFFSET)));
    }

    private void read(CountDownLatch up) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                Matcher pid = PID.matcher(line);
                if (pid.find()) {
                    servicePids.put(pid.group(1), Long.parseLong(pid.group(3)));
                }
                if (line.startsWith("Local stack is up")) {
                    up.countDown();
                }
            }
        } catch (IOException e) {
            output.add("(output unreadable: " + e + ")");
        }
    }

    private static Map<String, DirectoryUser> readUsers(String connectionId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + KAFKA_PORT);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, DirectoryUser> live = new HashMap<>();
        CloudEventReader reader = new CloudEventReader();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIRECTORY_USERS, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    fail("could not read " + Topics.DIRECTORY_USERS + " to its end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !record.key().startsWith(connectionId + "/")) {
                        continue;
                    }
                    switch (reader.read(record)) {
                        case ReadResult.Accepted a when a.envelope().data() instanceof UserSynced s ->
                                live.put(record.key(), s.user());
                        case ReadResult.Accepted a -> live.remove(record.key()); // a deleted event
                        case ReadResult.Tombstone t -> live.remove(record.key());
                        case ReadResult.Rejected r -> fail("invalid event on " + Topics.DIRECTORY_USERS + ": " + r.rejection());
                    }
                }
            }
        }
        return live;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whatever happens, nothing this test started keeps running. */
    @AfterEach
    void stopEverything() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor(10, TimeUnit.SECONDS);
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (Long pid : servicePids.values()) {
            Optional<ProcessHandle> child = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            child.ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
