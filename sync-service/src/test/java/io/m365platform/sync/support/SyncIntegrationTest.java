package io.m365platform.sync.support;

import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.testsupport.graph.InjectSimulator;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What sync-service's integration tests share: the simulator, connected test tenants (connect and await their
 * runs), the database and entity catalogue (to compare tables with the simulator's ground truth) and the broker (to
 * compare topics). A test extends it with {@code @QuarkusTest}.
 */
public abstract class SyncIntegrationTest {

    @InjectSimulator
    protected GraphSimulator simulator;

    @Inject
    protected TestConnections connections;

    @Inject
    protected Jdbc jdbc;

    @Inject
    protected EntityCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;
}
