package io.m365platform.usage.directory;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.directory.SubscribedSkuDeleted;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Keeps {@link SubscribedSkus} in step with m365.directory.subscribed-skus (key {@code {connectionId}/{skuId}}). */
@ApplicationScoped
public class SubscribedSkuEventsConsumer {

    private final ConsumerErrorPolicy policy;
    private final SubscribedSkus skus;

    public SubscribedSkuEventsConsumer(ConsumerErrorPolicy policy, SubscribedSkus skus) {
        this.policy = policy;
        this.skus = skus;
    }

    @Incoming("directory-subscribed-skus")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        policy.processEvents(record, this::apply, this::onTombstone);
    }

    /** A tombstone of a key whose deleted event came first (or was compacted away): forget the row. */
    private void onTombstone(String key) {
        List<String> parts = EventKey.parts(key);
        skus.delete(parts.get(0), parts.get(1));
    }

    private void apply(Object event) {
        if (event instanceof SubscribedSkuSynced synced) {
            skus.upsert(synced.connectionId(), synced.sku(), synced.observedAt());
        } else if (event instanceof SubscribedSkuDeleted deleted) {
            skus.delete(deleted.connectionId(), deleted.skuId());
        }
    }
}
