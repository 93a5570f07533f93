package io.m365platform.action.intake;

import io.m365platform.action.result.OutboxRelay;
import io.m365platform.action.service.ActionIntake;
import io.m365platform.action.store.ActionStore;
import io.m365platform.action.store.NewAction;
import io.m365platform.action.store.RejectedAction;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.service.events.ConsumerErrorPolicy;
import io.m365platform.service.events.IncomingEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes action requests off m365.actions.requests. A valid request goes to {@link ActionIntake} (recorded once per
 * action id, refused or held for approval as its connection says); an invalid one that names its action id,
 * connection and tenant is recorded as rejected with its rejection result in one transaction (the outbox publishes
 * it, so an answer is never committed without being sent); anything else is dead-lettered whole.
 */
@ApplicationScoped
public class ActionRequestConsumer {

    private static final Logger LOG = Logger.getLogger(ActionRequestConsumer.class);

    private final IncomingEvents incoming;
    private final ConsumerErrorPolicy policy;
    private final ActionIntake intake;
    private final ActionStore store;
    private final OutboxRelay relay;
    private final Clock clock = Clock.systemUTC();

    public ActionRequestConsumer(IncomingEvents incoming, ConsumerErrorPolicy policy, ActionIntake intake,
                                 ActionStore store, OutboxRelay relay) {
        this.incoming = incoming;
        this.policy = policy;
        this.intake = intake;
        this.store = store;
        this.relay = relay;
    }

    /**
     * A poll's records at once: the valid requests are recorded in one transaction (one commit for the lot, in
     * their order); the others are answered or dead-lettered one by one. If the batch cannot be recorded (an outage,
     * a value PostgreSQL refuses), each request goes again on its own under the error policy, which waits an outage
     * out and dead-letters only the record at fault; recording is idempotent per action id.
     */
    @Incoming("action-requests")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> valid = new ArrayList<>();
        List<NewAction> actions = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (incoming.read(record) instanceof ReadResult.Accepted accepted) {
                valid.add(record);
                actions.add(newAction(accepted, record));
            } else {
                policy.process(record, this::handle);
            }
        }
        if (actions.isEmpty()) {
            return;
        }
        try {
            intake.submitAll(actions);
        } catch (RuntimeException e) {
            LOG.warnf("Recording %d requests together failed (%s); each goes on its own", actions.size(),
                    e.getMessage());
            valid.forEach(record -> policy.process(record, this::handle));
        }
    }

    private static NewAction newAction(ReadResult.Accepted accepted, ConsumerRecord<String, byte[]> record) {
        return new NewAction(accepted.envelope().dataAs(ActionRequested.class), accepted.envelope().source(), "kafka",
                record.partition(), record.offset());
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        switch (incoming.read(record)) {
            case ReadResult.Accepted accepted -> {
                NewAction action = newAction(accepted, record);
                if (intake.submit(action) == ActionIntake.Outcome.DUPLICATE) {
                    LOG.debugf("Action %s was already received; duplicate ignored", action.request().actionId());
                }
            }
            case ReadResult.Rejected rejected -> RejectedRequest.from(record.value(), rejected.rejection())
                    .ifPresentOrElse(request -> reject(request, record),
                            () -> incoming.deadLetter(record, rejected.rejection()));
            case ReadResult.Tombstone tombstone -> incoming.deadLetter(record, "unexpected-tombstone",
                    "m365.actions.requests is append-only; a null value is not a request");
        }
    }

    private void reject(RejectedRequest request, ConsumerRecord<String, byte[]> record) {
        ActionType type = request.typeName() == null ? null : ActionType.fromWireName(request.typeName()).orElse(null);
        String key = record.key() != null ? record.key() : EventKey.of(request.connectionId(), request.actionId());
        // Recorded once: a redelivered invalid request is not answered twice.
        boolean recorded = store.recordRejected(new RejectedAction(request.actionId(), request.connectionId(), request.tenantId(),
                request.typeName(), request.parameters(), null, key, null, source(record), "kafka",
                record.partition(), record.offset(), "invalid-request", request.summary(), null),
                new ActionRejected(request.actionId(), request.connectionId(), request.tenantId(), type,
                        request.errors(), clock.instant()));
        if (recorded) {
            relay.wake();
        }
    }

    private static String source(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("ce_source");
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
