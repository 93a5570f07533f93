package io.m365platform.graph.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AppCredentialsTest {

    @Test
    void secretNeverPrinted() {
        AppCredentials c = new AppCredentials("client-1", "s3cr3t~value");
        assertFalse(c.toString().contains("s3cr3t"));
        assertFalse(c.secretFingerprint().contains("s3cr3t"));
        assertEquals(24, c.secretFingerprint().length());
        assertNotEquals(c.secretFingerprint(), new AppCredentials("client-1", "other").secretFingerprint());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new AppCredentials(" ", "x"));
        assertThrows(IllegalArgumentException.class, () -> new AppCredentials("a/b", "x"));
        assertThrows(IllegalArgumentException.class, () -> new AppCredentials("a", ""));
    }
}
