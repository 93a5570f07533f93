package io.m365platform.sync.it;

import io.m365platform.testsupport.graph.SimulatorResource;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.m365platform.testsupport.service.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The operational endpoints every service answers (health, OpenAPI, metrics, authentication). Declares the test
 * resources of the whole module once: real Kafka broker, test OIDC server, Graph simulator.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String schema() {
        return "sync";
    }

    @Override
    protected String protectedPath() {
        return "/connections";
    }
}
