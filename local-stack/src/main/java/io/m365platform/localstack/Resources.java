package io.m365platform.localstack;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the stack started, closed in reverse order exactly once: by Ctrl-C (the JVM's shutdown hook), by a
 * failure, or at the end of an {@code --exit-after-demo} run. Something registered after closing began is closed
 * at once, so that Ctrl-C in the middle of a start leaves nothing behind.
 */
final class Resources {

    /** A started thing and how to say it is being stopped. */
    record Named(String name, AutoCloseable resource) {
    }

    private final Deque<Named> started = new ArrayDeque<>();
    private boolean closing;

    synchronized <T extends AutoCloseable> T add(String name, T resource) {
        if (closing) {
            closeQuietly(new Named(name, resource), null);
            throw new IllegalStateException("stopping: " + name + " was not kept");
        }
        started.push(new Named(name, resource));
        return resource;
    }

    synchronized boolean closing() {
        return closing;
    }

    /** Closes everything; {@code reporter} is told what is being stopped. */
    void closeAll(java.util.function.Consumer<String> reporter) {
        synchronized (this) {
            closing = true;
        }
        while (true) {
            Named next;
            synchronized (this) {
                next = started.poll();
            }
            if (next == null) {
                return;
            }
            closeQuietly(next, reporter);
        }
    }

    private static void closeQuietly(Named named, java.util.function.Consumer<String> reporter) {
        if (reporter != null) {
            reporter.accept(named.name());
        }
        try {
            named.resource().close();
        } catch (Exception e) {
            if (reporter != null) {
                reporter.accept(named.name() + " did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
