package io.m365platform.usage.directory;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.directory.SubscribedSkuDeleted;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.m365platform.service.events.IncomingEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Keeps {@link SubscribedSkus} in step with m365.directory.subscribed-skus (key {@code {connectionId}/{skuId}}). */
@ApplicationScoped
public class SubscribedSkuEventsConsumer {

    private final IncomingEvents incoming;
    private final ConsumerErrorPolicy policy;
    private final SubscribedSkus skus;

    public SubscribedSkuEventsConsumer(IncomingEvents incoming, ConsumerErrorPolicy policy, SubscribedSkus skus) {
        this.incoming = incoming;
        this.policy = policy;
        this.skus = skus;
    }

    @Incoming("directory-subscribed-skus")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        policy.process(record, this::handle);
    }

    /** Malformed records are dead-lettered (here or by the policy, e.g. a key without its parts). */
    private void handle(ConsumerRecord<String, byte[]> record) {
        switch (incoming.readOrDeadLetter(record)) {
            case ReadResult.Accepted accepted -> apply(accepted.envelope().data());
            case ReadResult.Tombstone tombstone -> {
                List<String> key = EventKey.parts(tombstone.key());
                skus.delete(key.get(0), key.get(1));
            }
            case ReadResult.Rejected rejected -> {
                // already dead-lettered with the whole record
            }
        }
    }

    private void apply(Object event) {
        if (event instanceof SubscribedSkuSynced synced) {
            skus.upsert(synced.connectionId(), synced.sku(), synced.observedAt());
        } else if (event instanceof SubscribedSkuDeleted deleted) {
            skus.delete(deleted.connectionId(), deleted.skuId());
        }
    }
}
