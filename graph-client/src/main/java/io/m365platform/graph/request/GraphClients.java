package io.m365platform.graph.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.error.GraphErrorParser;
import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.graph.throttle.TenantConcurrencyLimiter;
import io.m365platform.graph.throttle.ThrottlingGuard;
import io.m365platform.graph.token.AccessToken;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Factory of {@link GraphAccess} objects; one per service (a CDI producer in Quarkus services). Owns the
 * OkHttp client built by {@code GraphClientFactory.create(...)} (Graph middleware: redirect, retry,
 * telemetry) with the configured trust, timeouts and retry option; every access shares its connection
 * pool, the per-tenant concurrency limiter and the service-wide counters.
 */
public final class GraphClients {

    private final GraphEndpoints endpoints;
    private final GraphClientSettings settings;
    private final OkHttpClient baseClient;
    private final TenantConcurrencyLimiter limiter;
    private final GraphCallStats serviceStats = new GraphCallStats();
    private final ObjectMapper mapper = new ObjectMapper();
    private final GraphErrorParser errors;

    public GraphClients(GraphEndpoints endpoints, GraphClientSettings settings) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limiter = new TenantConcurrencyLimiter(settings.perTenantConcurrency(), settings.permitWait());
        this.errors = new GraphErrorParser(mapper, settings.throttlePolicy().clock());
        RequestOption[] options = {new GraphClientOption(), settings.retryHandlerOption()};
        OkHttpClient.Builder builder = GraphClientFactory.create(options)
                .connectTimeout(endpoints.timeouts().connect())
                .readTimeout(endpoints.timeouts().read())
                .callTimeout(endpoints.timeouts().call());
        endpoints.trust().ifPresent(t -> builder.sslSocketFactory(t.socketFactory(), t.trustManager()));
        this.baseClient = builder.build();
    }

    public GraphClients(GraphEndpoints endpoints) {
        this(endpoints, GraphClientSettings.defaults());
    }

    /**
     * Graph access for {@code tenant} with tokens from {@code tokens} (called for every request: make it
     * cheap, e.g. msal4j's cache or a {@link io.m365platform.graph.token.CachedTokenSupplier}).
     *
     * @param tenant the tenant id used as concurrency key (and nothing else)
     */
    public GraphAccess forTenant(String tenant, Supplier<AccessToken> tokens) {
        Objects.requireNonNull(tenant, "tenant");
        GraphCallStats accessStats = new GraphCallStats(serviceStats);
        OkHttpClient client = baseClient.newBuilder()
                .addInterceptor(new AccountingInterceptor(tenant, limiter, accessStats))
                .build();
        BaseBearerTokenAuthenticationProvider auth =
                new BaseBearerTokenAuthenticationProvider(new SuppliedAccessTokenProvider(tokens, endpoints.graphHost()));
        BaseGraphRequestAdapter adapter = new BaseGraphRequestAdapter(auth, endpoints.graphBase().toString(), client);
        GraphServiceClient sdk = new GraphServiceClient(adapter);
        ThrottlingGuard guard = new ThrottlingGuard(settings.throttlePolicy(), accessStats);
        GraphRequests requests = new GraphRequests(adapter, endpoints, mapper, guard, errors);
        return new GraphAccess(tenant, sdk, adapter, requests, guard, accessStats, errors);
    }

    public GraphEndpoints endpoints() {
        return endpoints;
    }

    public GraphClientSettings settings() {
        return settings;
    }

    /** Counters over every access of this factory (service-wide metrics). */
    public GraphCallStats serviceStats() {
        return serviceStats;
    }

    public TenantConcurrencyLimiter limiter() {
        return limiter;
    }

    /** Releases pooled connections and threads (service shutdown). */
    public void close() {
        baseClient.dispatcher().executorService().shutdown();
        baseClient.connectionPool().evictAll();
    }
}
