package io.m365platform.sync.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every 20 ms; the peak of a phase is what the run needed at most (garbage included). Every
 * 5 ms cost 1.6% of a core in a 1M-user run: the harness must not take what it measures.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > peak) {
                    peak = used;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a new phase: collects garbage first so that the phase's peak is its own. */
    void reset() {
        System.gc();
        peak = memory.getHeapMemoryUsage().getUsed();
    }

    long peakBytes() {
        return peak;
    }

    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
