package io.m365platform.action.intake;

import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.service.events.IncomingEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Takes action requests off m365.actions.requests into the action log. A valid request is recorded once (its action
 * id is the idempotency key); an invalid one that names its action id and connection is answered with an
 * {@code action.rejected} result listing every problem; anything else is dead-lettered. The consumer never stops on
 * bad input. Running the recorded actions against Graph is the action workflow's job (a later issue); until it lands
 * a valid request stays {@code received}.
 */
@ApplicationScoped
public class ActionRequestConsumer {

    private static final Logger LOG = Logger.getLogger(ActionRequestConsumer.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final IncomingEvents incoming;
    private final EventPublisher publisher;
    private final ActionLog log;
    private final Clock clock = Clock.systemUTC();

    public ActionRequestConsumer(IncomingEvents incoming, EventPublisher publisher, ActionLog log) {
        this.incoming = incoming;
        this.publisher = publisher;
        this.log = log;
    }

    @Incoming("action-requests")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        switch (incoming.read(record)) {
            case ReadResult.Accepted accepted -> {
                ActionRequested request = accepted.envelope().dataAs(ActionRequested.class);
                if (!log.recordReceived(request, record.partition(), record.offset())) {
                    LOG.debugf("Action %s was already received; duplicate ignored", request.actionId());
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
        // Answer only the first time: a redelivered invalid request must not produce a second result.
        if (log.recordRejected(request, record.partition(), record.offset())) {
            ActionType type = request.typeName() == null ? null : ActionType.fromWireName(request.typeName()).orElse(null);
            EventPublisher.await(publisher.publish(new ActionRejected(request.actionId(), request.connectionId(),
                    request.tenantId(), type, request.errors(), clock.instant())), PUBLISH_TIMEOUT);
        }
    }
}
