package io.m365platform.connection.broker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * At most one piece of work per key in flight: callers asking for a key whose work is running wait for that same
 * result instead of starting another. A caller waits at most a deadline; the work itself goes on (its result serves
 * whoever asks while it runs). Finished work is forgotten: the next call starts anew.
 */
final class SingleFlight<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();
    private final Executor executor;

    SingleFlight(Executor executor) {
        this.executor = executor;
    }

    /**
     * The result of {@code work} for the key, run now or joined if it is running.
     *
     * @throws TimeoutException      the work did not finish within the deadline (it goes on)
     * @throws RuntimeException      what the work threw
     */
    V get(K key, Supplier<V> work, Duration deadline) throws TimeoutException, InterruptedException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> current = running.putIfAbsent(key, mine);
        if (current == null) {
            current = mine;
            try {
                executor.execute(() -> {
                    // Forgotten before its callers are answered: whoever asks after an answer starts anew.
                    try {
                        V value = work.get();
                        running.remove(key, mine);
                        mine.complete(value);
                    } catch (Throwable e) {
                        running.remove(key, mine);
                        mine.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                running.remove(key, mine);
                throw e;
            }
        }
        try {
            return current.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Work running now (for tests and metrics). */
    int inFlight() {
        return running.size();
    }
}
