package io.m365platform.usage;

import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.m365platform.testsupport.service.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class UsageServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String schema() {
        return "usage";
    }

    @Override
    protected String protectedPath() {
        return "/usage/connections";
    }
}
