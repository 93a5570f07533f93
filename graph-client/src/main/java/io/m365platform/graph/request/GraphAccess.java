package io.m365platform.graph.request;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestAdapter;
import io.m365platform.graph.error.GraphErrorParser;
import io.m365platform.graph.error.GraphException;
import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.paging.CollectionReader;
import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.graph.throttle.ThrottlingGuard;
import io.m365platform.graph.token.failure.TokenException;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Everything needed to call Graph for one tenant with one token source: the SDK's fluent client, JSON
 * requests, the streaming collection reader, the throttle guard and this access's own counters.
 * Thread-safe; create one per connection (or per run, for per-run statistics).
 */
public final class GraphAccess {

    private final String tenant;
    private final GraphServiceClient sdk;
    private final RequestAdapter adapter;
    private final GraphRequests requests;
    private final CollectionReader collections;
    private final ThrottlingGuard guard;
    private final GraphCallStats stats;
    private final GraphErrorParser errors;

    GraphAccess(String tenant, GraphServiceClient sdk, RequestAdapter adapter, GraphRequests requests,
                ThrottlingGuard guard, GraphCallStats stats, GraphErrorParser errors) {
        this.tenant = tenant;
        this.sdk = sdk;
        this.adapter = adapter;
        this.requests = requests;
        this.collections = new CollectionReader(requests);
        this.guard = guard;
        this.stats = stats;
        this.errors = errors;
    }

    public String tenant() {
        return tenant;
    }

    /** The Graph SDK v6 client (models, fluent builders, PageIterator). Wrap calls in {@link #call}. */
    public GraphServiceClient sdk() {
        return sdk;
    }

    /** The SDK request adapter, e.g. for {@code PageIterator.Builder.requestAdapter(...)}. */
    public RequestAdapter adapter() {
        return adapter;
    }

    /** JSON GET/POST/PATCH/PUT/DELETE and streamed downloads. */
    public GraphRequests requests() {
        return requests;
    }

    /** Streaming pager for big collections and delta queries. */
    public CollectionReader collections() {
        return collections;
    }

    public ThrottlingGuard guard() {
        return guard;
    }

    /** Counters of this access's traffic (requests, 429s, retries, waits). */
    public GraphCallStats stats() {
        return stats;
    }

    /**
     * Runs an SDK call under the throttle policy, converting its errors: {@code ODataError}/
     * {@code ApiException} → {@link io.m365platform.graph.error.GraphRequestException}, I/O →
     * {@link GraphNetworkException}.
     *
     * @param what       description for messages, e.g. "GET /users/{id}/manager"
     * @param idempotent whether a call that may have reached Graph can be repeated
     */
    public <T> T call(String what, boolean idempotent, Supplier<T> sdkCall) {
        return guard.call(what, idempotent, () -> {
            try {
                return sdkCall.get();
            } catch (ApiException e) {
                throw errors.fromApiException(method(what), null, e);
            } catch (GraphException | TokenException e) {
                throw e;
            } catch (RuntimeException e) {
                TokenException token = GraphRequests.tokenCause(e);
                if (token != null) {
                    throw token;
                }
                IOException io = GraphRequests.ioCause(e);
                if (io != null) {
                    throw new GraphNetworkException(method(what), what, io);
                }
                throw e;
            }
        });
    }

    private static String method(String what) {
        int space = what.indexOf(' ');
        return space > 0 ? what.substring(0, space) : "SDK";
    }
}
