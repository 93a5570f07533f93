package io.m365platform.sync.config;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.EventJson;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.sync.SyncModel;
import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.engine.EngineContext;
import io.m365platform.sync.engine.RunDispatcher;
import io.m365platform.sync.engine.SyncEngine;
import io.m365platform.sync.engine.pipeline.PageExecutors;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.publish.EventPublisherSink;
import io.m365platform.sync.publish.EventSink;
import io.m365platform.sync.run.DeltaLinks;
import io.m365platform.sync.run.PendingDeletions;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.service.token.TokenSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the plain-Java engine (repositories, entity catalog, event sink, page pipeline threads, run dispatcher) as
 * CDI beans from configuration, and closes what holds threads when the application stops; Graph access and tokens
 * are service-commons' beans (GraphClients, TokenSource). The engine itself knows nothing of CDI, so tests and the
 * benchmark can build more of it.
 */
@ApplicationScoped
public class SyncBeans {

    @Produces
    @Singleton
    SyncSettings settings(SyncConfig config) {
        String instance = config.instanceId().orElseGet(() -> hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
        return new SyncSettings(instance, config.runs().lease(), config.runs().heartbeat(), config.runs().maxConcurrent(),
                config.schedule().incremental(), config.schedule().full(), config.schedule().deltaMaxAge(),
                config.runs().pauseDelay(), config.runs().maxAttempts(), config.guard().maxDeletionShare(),
                config.guard().minDeletions(), config.runs().progressEveryPages(), config.runs().deletionChunk(),
                config.graph().pageSize(), config.schedule().signInActivityMaxAge(),
                config.runs().membershipChunk());
    }

    @Produces
    @Singleton
    Jdbc jdbc(AgroalDataSource dataSource) {
        return new Jdbc(dataSource);
    }

    @Produces
    @Singleton
    ConnectionRepository connections(Jdbc jdbc) {
        return new ConnectionRepository(jdbc);
    }

    @Produces
    @Singleton
    RunRepository runs(Jdbc jdbc) {
        return new RunRepository(jdbc);
    }

    @Produces
    @Singleton
    StepRepository steps(Jdbc jdbc) {
        return new StepRepository(jdbc);
    }

    @Produces
    @Singleton
    EntityCatalog catalog() {
        return SyncModel.catalog(EventJson.mapper());
    }

    @Produces
    @Singleton
    io.m365platform.sync.query.DirectoryQueries queries(Jdbc jdbc, EntityCatalog catalog) {
        return new io.m365platform.sync.query.DirectoryQueries(jdbc, catalog);
    }

    @Produces
    @Singleton
    EventSink sink(EventPublisher publisher) {
        return new EventPublisherSink(publisher, Duration.ofMinutes(2));
    }

    @Produces
    @Singleton
    EngineContext engineContext(SyncSettings settings, Jdbc jdbc, ConnectionRepository connections, RunRepository runs,
                                StepRepository steps, EntityCatalog catalog, EventSink sink, GraphClients graph,
                                TokenSource tokens) {
        return new EngineContext(settings, jdbc, connections, runs, steps, new PendingDeletions(jdbc),
                new DeltaLinks(jdbc), catalog, sink,
                (connectionId, tenantId) -> graph.forTenant(tenantId, () -> tokens.token(connectionId)),
                Clock.systemUTC());
    }

    /** The page pipeline's threads, shut down with the application (after the engine stopped its runs). */
    @Produces
    @Singleton
    PageExecutors pageExecutors() {
        return new PageExecutors();
    }

    void closePageExecutors(@Disposes PageExecutors executors) {
        executors.close();
    }

    @Produces
    @Singleton
    SyncEngine engine(EngineContext context, TokenSource tokens, PageExecutors executors) {
        ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "sync-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        return new SyncEngine(context, SyncModel.resources(), tokens, heartbeats, executors);
    }

    void closeEngine(@Disposes SyncEngine engine) {
        engine.close();
    }

    @Produces
    @Singleton
    RunDispatcher dispatcher(SyncEngine engine) {
        return new RunDispatcher(engine);
    }

    void closeDispatcher(@Disposes RunDispatcher dispatcher) {
        dispatcher.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "sync";
        }
    }

}
