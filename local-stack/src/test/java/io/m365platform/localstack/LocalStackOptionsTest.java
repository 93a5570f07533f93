package io.m365platform.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalStackOptionsTest {

    private static final Path REPO = Path.of("/repo");

    private static LocalStackOptions parse(Map<String, String> env, String... args) {
        return LocalStackOptions.parse(args, env, REPO);
    }

    @Test
    void defaultsFollowThePlatformsPortConvention() {
        LocalStackOptions o = parse(Map.of());
        assertEquals(9092, o.kafkaPort());
        assertEquals(8443, o.simulatorPort());
        assertEquals(Map.of("connection-service", 8081, "sync-service", 8082, "usage-service", 8083,
                "action-service", 8084), o.servicePorts());
        assertEquals(Path.of("/repo/.local"), o.dataDirectory());
        assertEquals("m365_local", o.dbName());
        assertTrue(o.demo());
        assertFalse(o.fresh());
    }

    @Test
    void portOffsetMovesEveryPortAndSinglePortsWin() {
        LocalStackOptions o = parse(Map.of(), "--port-offset", "1000", "--sync-port=7000");
        assertEquals(10092, o.kafkaPort());
        assertEquals(10093, o.kafkaControllerPort());
        assertEquals(9443, o.simulatorPort());
        assertEquals(9081, o.port("connection-service"));
        assertEquals(7000, o.port("sync-service"));
    }

    @Test
    void environmentVariablesAreOptionsAndTheCommandLineWins() {
        LocalStackOptions o = parse(Map.of("LOCAL_STACK_USERS", "500", "LOCAL_STACK_FRESH", "true",
                "LOCAL_STACK_DB_NAME", "from_env"), "--db-name", "from_args");
        assertEquals(500, o.demoUsers());
        assertTrue(o.fresh());
        assertEquals("from_args", o.dbName());
    }

    @Test
    void onlyNamesServices() {
        assertEquals(Set.of("sync-service"), parse(Map.of(), "--only", "sync-service").onlyServices());
        assertFalse(parse(Map.of(), "--only", "sync-service").runs("usage-service"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(Map.of(), "--only", "sink-service"));
        assertTrue(e.getMessage().contains("sink-service"), e.getMessage());
    }

    @Test
    void badInputSaysWhichOptionIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--kafka-prot", "1"))
                .getMessage().contains("--kafka-prot"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--users", "many"))
                .getMessage().contains("--users"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--kafka-port", "70000"))
                .getMessage().contains("--kafka-port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--db-name", "drop table"))
                .getMessage().contains("--db-name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--users"))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--bogus"))
                .getMessage().contains("unknown option --bogus"));
    }

    @Test
    void relativeDataDirectoryIsUnderTheRepository() {
        assertEquals(Path.of("/repo/tmp/stack"), parse(Map.of(), "--data-dir", "tmp/stack").dataDirectory());
        assertEquals(Path.of("/elsewhere"), parse(Map.of(), "--data-dir", "/elsewhere").dataDirectory());
    }
}
