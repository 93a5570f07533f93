package io.m365platform.connection.support;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Installs {@link CapturedLogs} once Quarkus has set up logging (it replaces the root handlers at startup). */
@Singleton
public class LogCaptureInstaller {

    void onStart(@Observes StartupEvent event) {
        CapturedLogs.install();
    }
}
