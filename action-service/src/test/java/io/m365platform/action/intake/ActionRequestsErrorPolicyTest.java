package io.m365platform.action.intake;

import io.m365platform.action.store.ActionStore;
import io.m365platform.action.support.Requests;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.UserTarget;
import io.m365platform.testsupport.consumer.ConsumerErrorPolicyContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.UUID;

/** The action-request consumer under the platform's error policy (real database outage, a value PostgreSQL refuses). */
@QuarkusTest
class ActionRequestsErrorPolicyTest extends ConsumerErrorPolicyContract {

    @Inject
    ActionStore actions;

    private static ProducerRecord<String, byte[]> request(String reason) {
        return Requests.record(new ActionRequested(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "tenant-x", ActionType.REVOKE_SESSIONS, new UserTarget("user-" + UUID.randomUUID()), "workflow", reason,
                null, Instant.now()));
    }

    @Override
    protected ProducerRecord<String, byte[]> validRecord() {
        return request("offboarding");
    }

    @Override
    protected ProducerRecord<String, byte[]> recordTheDatabaseRefuses() {
        return request("offboarding\u0000");
    }

    @Override
    protected boolean handled(ProducerRecord<String, byte[]> record) {
        String actionId = io.m365platform.contracts.EventKey.parts(record.headers().lastHeader("ce_subject") == null
                ? record.key() : new String(record.headers().lastHeader("ce_subject").value(),
                java.nio.charset.StandardCharsets.UTF_8)).getLast();
        return actions.find(actionId).isPresent();
    }
}
