package io.m365platform.graphsim.faults;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The active fault rules. Evaluated for every request before routing: latency rules add up, the first matching
 * error/reset rule decides the answer. Probabilities draw from one seeded random, so a sequential client sees the
 * same faults on every run.
 */
public final class Faults {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private Random random;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** What to do with one request. */
    public record Decision(Duration latency, FaultRule terminal) {
        static final Decision NONE = new Decision(Duration.ZERO, null);
    }

    public FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    public boolean remove(String id) {
        return rules.removeIf(r -> r.id().equals(id));
    }

    public List<FaultRule> list() {
        return List.copyOf(rules);
    }

    public void clear() {
        rules.clear();
    }

    /** Clears the rules and restarts the random sequence from {@code seed}. */
    public synchronized void reseed(long seed) {
        this.random = new Random(seed);
    }

    private synchronized double nextRandom() {
        return random.nextDouble();
    }

    public Decision evaluate(String method, String path, String tenantId) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        Duration latency = Duration.ZERO;
        FaultRule terminal = null;
        for (FaultRule r : rules) {
            if (r.exhausted() || !r.matches(method, path, tenantId)) {
                continue;
            }
            if (r.kind() == FaultRule.Kind.LATENCY) {
                if (r.fire(this::nextRandom)) {
                    latency = latency.plus(r.latencyDuration());
                }
            } else if (terminal == null && r.fire(this::nextRandom)) {
                terminal = r;
            }
        }
        return latency.isZero() && terminal == null ? Decision.NONE : new Decision(latency, terminal);
    }
}
