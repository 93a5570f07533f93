package io.m365platform.action.execution;

import io.m365platform.action.config.ActionConfig;
import io.m365platform.action.result.OutboxRelay;
import io.m365platform.action.store.ActionStore;
import io.m365platform.action.store.ClaimedAction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Claims due actions from the table and runs them, up to {@code action.worker.concurrency} at once (on different
 * targets: the claim gives out only the earliest open action of each target). The table is the only schedule: a
 * throttled action waits for its {@code not_before}, a crashed instance's actions for their lease to expire, so any
 * instance resumes any action. The intake wakes the worker up when a request arrives; otherwise it polls.
 */
@ApplicationScoped
public class ActionWorker {

    private static final Logger LOG = Logger.getLogger(ActionWorker.class);

    private final ActionStore store;
    private final ActionRunner runner;
    private final OutboxRelay relay;
    private final ActionConfig config;
    private final String owner = "action-service-" + UUID.randomUUID();
    private final Object signal = new Object();
    private final Semaphore slots;
    private volatile boolean running;
    private volatile boolean nudged;
    private Thread loop;
    private ExecutorService pool;

    public ActionWorker(ActionStore store, ActionRunner runner, OutboxRelay relay, ActionConfig config) {
        this.store = store;
        this.runner = runner;
        this.relay = relay;
        this.config = config;
        this.slots = new Semaphore(config.worker().concurrency());
    }

    void start(@Observes StartupEvent event) {
        if (!config.worker().enabled()) {
            LOG.info("Action worker disabled (action.worker.enabled=false): actions are recorded, not run");
            return;
        }
        running = true;
        pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofPlatform().name("action-worker").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (loop != null) {
            try {
                loop.join(5_000);
                pool.shutdown();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This instance's lease owner id. */
    public String owner() {
        return owner;
    }

    /** Something may be due now (a request arrived, an operator approved): claim without waiting for the poll. */
    public void wake() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                int free = slots.availablePermits();
                List<ClaimedAction> claimed = free == 0 ? List.of()
                        : store.claim(owner, config.worker().lease(), Math.min(free, config.worker().batchSize()));
                for (ClaimedAction action : claimed) {
                    slots.acquireUninterruptibly();
                    pool.submit(() -> runOne(action));
                }
                if (claimed.isEmpty() || free <= claimed.size()) {
                    await();
                }
            } catch (RuntimeException e) {
                LOG.warnf("Claiming actions failed (%s); trying again shortly", e.getMessage());
                sleepQuietly(1_000);
            }
        }
    }

    private void runOne(ClaimedAction action) {
        try {
            runner.run(action, owner);
        } catch (RuntimeException e) {
            // The lease runs out and the action is claimed again (here or elsewhere): nothing is lost.
            LOG.warnf(e, "Action %s could not be run to its next state", action.actionId());
        } finally {
            slots.release();
            relay.wake();
            wake();
        }
    }

    private void await() {
        synchronized (signal) {
            if (!nudged && running) {
                try {
                    signal.wait(config.worker().pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            nudged = false;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
