package io.m365platform.action.support;

import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.ActionParameters;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.testsupport.graph.ConnectedTenants;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Action requests as a workflow engine sends them on m365.actions.requests. */
public final class Requests {

    public static final String SOURCE = "/m365platform/workflow-engine";
    private static final CloudEventWriter WRITER = new CloudEventWriter(SOURCE);

    private Requests() {
    }

    public static ActionRequested request(ConnectedTenants.TestConnection c, ActionType type,
                                          ActionParameters parameters) {
        return new ActionRequested(UUID.randomUUID().toString(), c.connectionId(), c.tenant().id(), type, parameters,
                "workflow", "test", null, Instant.now());
    }

    public static ProducerRecord<String, byte[]> record(ActionRequested request) {
        return WRITER.record(request);
    }

    public static void send(KafkaCompanion kafka, List<ProducerRecord<String, byte[]>> records) {
        kafka.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(records).awaitCompletion();
    }
}
