package io.m365platform.connection.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every log record of the test JVM (message, parameters and stack traces) from the moment it is installed,
 * for the check that no secret ever reaches a log.
 */
public final class CapturedLogs extends Handler {

    private static CapturedLogs instance;
    private final List<String> lines = new ArrayList<>();

    public static synchronized CapturedLogs install() {
        if (instance == null) {
            instance = new CapturedLogs();
            instance.setLevel(java.util.logging.Level.ALL);
            Logger.getLogger("").addHandler(instance);
        }
        return instance;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                text.append(' ').append(p);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(' ').append(t);
        }
        lines.add(text.toString());
    }

    public synchronized String all() {
        return String.join("\n", lines);
    }

    public synchronized int size() {
        return lines.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
