package io.m365platform.action;

import io.m365platform.testsupport.graph.SimulatorResource;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.m365platform.testsupport.service.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class ActionServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String schema() {
        return "action";
    }

    @Override
    protected String protectedPath() {
        return "/actions/any";
    }
}
