package io.m365platform.graph.request;

import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.graph.throttle.TenantConcurrencyLimiter;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Innermost OkHttp interceptor (after the SDK's redirect and retry handlers), so it sees every single
 * HTTP attempt: counts requests and 429/503/504 answers, and holds a per-tenant concurrency permit from
 * sending the request until the response body is closed.
 */
final class AccountingInterceptor implements Interceptor {

    private final String tenant;
    private final TenantConcurrencyLimiter limiter;
    private final GraphCallStats stats;

    AccountingInterceptor(String tenant, TenantConcurrencyLimiter limiter, GraphCallStats stats) {
        this.tenant = tenant;
        this.limiter = limiter;
        this.stats = stats;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        boolean sdkRetry = chain.request().header("Retry-Attempt") != null;
        TenantConcurrencyLimiter.Permit permit = limiter.acquire(tenant);
        Response response;
        try {
            stats.recordRequest(sdkRetry);
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException e) {
            permit.release();
            if (e instanceof IOException) {
                stats.recordNetworkError();
            }
            throw e;
        }
        stats.recordStatus(response.code());
        ResponseBody body = response.body();
        if (body == null) {
            permit.release();
            return response;
        }
        return response.newBuilder().body(new PermitReleasingBody(body, permit)).build();
    }

    /** Releases the permit when the body is closed (or fully consumed and closed by OkHttp). */
    private static final class PermitReleasingBody extends ResponseBody {
        private final ResponseBody delegate;
        private final TenantConcurrencyLimiter.Permit permit;
        private BufferedSource source;

        PermitReleasingBody(ResponseBody delegate, TenantConcurrencyLimiter.Permit permit) {
            this.delegate = delegate;
            this.permit = permit;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public synchronized BufferedSource source() {
            if (source == null) {
                source = Okio.buffer(new ForwardingSource(delegate.source()) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            permit.release();
                        }
                    }
                });
            }
            return source;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                permit.release();
            }
        }
    }
}
