package io.m365platform.usage.directory;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.directory.UserDeleted;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.m365platform.service.events.IncomingEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Keeps {@link DirectoryUsers} in step with m365.directory.users (key {@code {connectionId}/{userId}}). */
@ApplicationScoped
public class UserEventsConsumer {

    private final IncomingEvents incoming;
    private final ConsumerErrorPolicy policy;
    private final DirectoryUsers users;

    public UserEventsConsumer(IncomingEvents incoming, ConsumerErrorPolicy policy, DirectoryUsers users) {
        this.incoming = incoming;
        this.policy = policy;
        this.users = users;
    }

    @Incoming("directory-users")
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
                users.delete(key.get(0), key.get(1));
            }
            case ReadResult.Rejected rejected -> {
                // already dead-lettered with the whole record
            }
        }
    }

    private void apply(Object event) {
        if (event instanceof UserSynced synced) {
            users.upsert(synced.connectionId(), synced.user(), synced.observedAt());
        } else if (event instanceof UserDeleted deleted) {
            users.delete(deleted.connectionId(), deleted.userId());
        }
    }
}
