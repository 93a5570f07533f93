package io.m365platform.usage.directory;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.directory.UserDeleted;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Keeps {@link DirectoryUsers} in step with m365.directory.users (key {@code {connectionId}/{userId}}). */
@ApplicationScoped
public class UserEventsConsumer {

    private final ConsumerErrorPolicy policy;
    private final DirectoryUsers users;

    public UserEventsConsumer(ConsumerErrorPolicy policy, DirectoryUsers users) {
        this.policy = policy;
        this.users = users;
    }

    @Incoming("directory-users")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        policy.processEvents(record, this::apply, this::onTombstone);
    }

    /** A tombstone of a key whose deleted event came first (or was compacted away): forget the row. */
    private void onTombstone(String key) {
        List<String> parts = EventKey.parts(key);
        users.delete(parts.get(0), parts.get(1));
    }

    private void apply(Object event) {
        if (event instanceof UserSynced synced) {
            users.upsert(synced.connectionId(), synced.user(), synced.observedAt());
        } else if (event instanceof UserDeleted deleted) {
            users.delete(deleted.connectionId(), deleted.userId());
        }
    }
}
