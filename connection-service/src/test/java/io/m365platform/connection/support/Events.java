package io.m365platform.connection.support;

import org.eclipse.microprofile.config.ConfigProvider;

/** The event log of the test run, connected to the broker the application uses. */
public final class Events {

    private Events() {
    }

    public static ConnectionEventLog log() {
        return ConnectionEventLog.start(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
