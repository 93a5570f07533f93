package io.m365platform.sync.bench;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.PreSerialized;
import io.m365platform.sync.engine.EngineContext;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.entity.EventContext;
import io.m365platform.sync.publish.PublishBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What publishing a full sync's entity events costs at the least, whatever the sync's design: the events of the
 * rows the measured run stored are built beforehand (not measured), with their states already serialised as a sync
 * page has them; then only sending them is measured — the CloudEvent envelope, the Kafka producer and the broker —
 * 5,000 a batch, two batches in flight, as the sync's pages are.
 */
final class PublishFloor {

    private static final int BATCH = 5000;

    /** All the events: their count, wall time, CPU seconds of the sync JVM and Kafka's; and each table's CPU. */
    record Result(long events, double seconds, double syncCpuSeconds, double kafkaCpuSeconds,
                  java.util.Map<String, Double> cpuByTable) {

        double cpuOf(List<String> tables) {
            return tables.stream().mapToDouble(t -> cpuByTable.getOrDefault(t, 0.0)).sum();
        }
    }

    private PublishFloor() {
    }

    static Result measure(EngineContext engine, String connectionId, String tenantId, List<String> tables) {
        EventContext context = new EventContext(connectionId, tenantId, UUID.randomUUID().toString(), Instant.now());
        long events = 0;
        double seconds = 0;
        double sync = 0;
        double kafka = 0;
        java.util.Map<String, Double> cpuByTable = new java.util.LinkedHashMap<>();
        for (String table : tables) {
            EntityKind<?> kind = engine.catalog().kinds().stream().filter(k -> k.table().equals(table)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no entity kind stores " + table));
            List<Prepared> prepared = prepare(engine, kind, connectionId, context);
            long[] cpu0 = SyncBenchmark.cpuMillis();
            long t0 = System.nanoTime();
            send(engine, prepared);
            seconds += (System.nanoTime() - t0) / 1e9;
            long[] cpu1 = SyncBenchmark.cpuMillis();
            sync += (cpu1[0] - cpu0[0]) / 1000.0;
            kafka += (cpu1[1] - cpu0[1]) / 1000.0;
            cpuByTable.put(table, (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1]) / 1000.0);
            events += prepared.size();
        }
        return new Result(events, seconds, sync, kafka, cpuByTable);
    }

    /** The kind's stored states as synced events, each with its state's JSON (as a page's comparison leaves it). */
    private static <S> List<Prepared> prepare(EngineContext engine, EntityKind<S> kind, String connectionId,
                                              EventContext context) {
        EntityStore<S> store = engine.catalog().store(kind);
        List<Prepared> prepared = new ArrayList<>();
        String after = null;
        while (true) {
            String from = after;
            List<EntityStore.Stored<S>> chunk = engine.jdbc().withConnection(
                    c -> store.scan(c, connectionId, from, BATCH));
            if (chunk.isEmpty()) {
                return prepared;
            }
            for (EntityStore.Stored<S> stored : chunk) {
                try {
                    byte[] json = engine.catalog().mapper().writeValueAsBytes(stored.state());
                    prepared.add(new Prepared(kind.synced(stored.state(), context),
                            new PreSerialized(stored.state(), json)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            after = chunk.getLast().objectId();
        }
    }

    private static void send(EngineContext engine, List<Prepared> prepared) {
        PublishBatch inFlight = null;
        for (int from = 0; from < prepared.size(); from += BATCH) {
            PublishBatch batch = engine.sink().newBatch();
            for (Prepared p : prepared.subList(from, Math.min(prepared.size(), from + BATCH))) {
                batch.publish(p.event(), p.state());
            }
            if (inFlight != null) {
                inFlight.await();
            }
            inFlight = batch;
        }
        if (inFlight != null) {
            inFlight.await();
        }
    }

    private record Prepared(PlatformEvent event, PreSerialized state) {
    }
}
