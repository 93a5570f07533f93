package io.m365platform.contracts.cloudevents;

import io.m365platform.contracts.EventType;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which outgoing events {@link CloudEventWriter} checks against their JSON Schema.
 *
 * <p>{@link #every()} checks each one: the setting of tests and of low-volume producers. {@link #sampled} checks
 * the first events of every type and then one in {@code oneIn}: a sync run publishes hundreds of thousands of
 * entity events, and building a JSON tree and validating it costs several times the encoding itself. A bug that
 * makes a type's events invalid shows on its first events; the records' constructors enforce required fields on
 * every event, and the contracts' tests prove that records and schemas agree. Thread-safe.
 */
public final class SchemaCheck {

    private static final SchemaCheck EVERY = new SchemaCheck(Long.MAX_VALUE, 1);

    private final long first;
    private final long oneIn;
    private final Map<EventType, AtomicLong> written = new EnumMap<>(EventType.class);

    private SchemaCheck(long first, long oneIn) {
        if (first < 0 || oneIn < 1) {
            throw new IllegalArgumentException("first must be >= 0 and oneIn >= 1");
        }
        this.first = first;
        this.oneIn = oneIn;
        for (EventType type : EventType.values()) {
            written.put(type, new AtomicLong());
        }
    }

    /** Every event is validated. */
    public static SchemaCheck every() {
        return EVERY;
    }

    /** The first {@code first} events of each type are validated, then one in {@code oneIn}. */
    public static SchemaCheck sampled(long first, long oneIn) {
        return oneIn == 1 ? EVERY : new SchemaCheck(first, oneIn);
    }

    /**
     * Parses {@code every} or {@code sampled} (the first 100 per type, then one in 1,000), or
     * {@code sampled:FIRST:ONE_IN}.
     */
    public static SchemaCheck parse(String setting) {
        String s = setting == null ? "" : setting.trim();
        if (s.equals("every")) {
            return every();
        }
        if (s.equals("sampled")) {
            return sampled(100, 1_000);
        }
        String[] parts = s.split(":");
        if (parts.length == 3 && parts[0].equals("sampled")) {
            try {
                return sampled(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("schema check must be 'every', 'sampled' or 'sampled:FIRST:ONE_IN', not '"
                + setting + "'");
    }

    /** Whether the next event of {@code type} is to be validated. */
    public boolean validateNext(EventType type) {
        if (this == EVERY) {
            return true;
        }
        long n = written.get(type).getAndIncrement();
        return n < first || n % oneIn == 0;
    }

    @Override
    public String toString() {
        return this == EVERY ? "every" : "sampled:" + first + ":" + oneIn;
    }
}
