package io.m365platform.graphsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.Caller;
import io.m365platform.graphsim.graph.Pages;
import io.m365platform.graphsim.http.ControlException;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.tenant.Tenant;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The usage reports (GRAPH_FACTS §5): the five period/date user-detail reports and the activations report answer
 * 302 to a short-lived pre-authenticated download of a CSV with a BOM and Graph's exact headers; the JSON form of
 * getM365AppUserDetail answers 200 with pages of 200. Data is the tenant's usage ({@code usage} package) as of a
 * refresh date two days behind the clock; names are concealed per admin/reportSettings; the report throttle is
 * 14 requests per report per 10 minutes per app and tenant (configurable).
 *
 * <p>Control API: {@code GET|PUT /_sim/reports/throttle}, {@code GET|PUT|DELETE /_sim/tenants/{t}/reports/throttle}
 * ({"csvRequests":14,"jsonRequests":100,"windowSeconds":600}), {@code POST /_sim/reports/throttle/reset},
 * {@code PUT /_sim/reports/download-ttl} ({"seconds":300}).
 */
public final class ReportsModule implements SimulatorModule {
    private static final String DOWNLOAD_PATH = "/_download/reports/";
    static final int JSON_PAGE_SIZE = 200;

    private final ReportThrottle throttle = new ReportThrottle();
    private final ReportDownloads downloads = new ReportDownloads();
    private final AppUserDetailReport appUserDetail = new AppUserDetailReport();
    private final List<UserDetailReport> windowed = List.of(new ActiveUserDetailReport(), appUserDetail,
            new TeamsUserActivityReport(), new EmailActivityReport(), new OneDriveActivityReport());
    private final ActivationsReport activations = new ActivationsReport();
    private SimulatorContext context;
    /** Report lag per tenant id, when not the default two days (Graph's is "within 48 hours", often more). */
    private final java.util.concurrent.ConcurrentMap<String, Integer> latencyDays = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String name() {
        return "reports";
    }

    /** The reports module of a running simulator (for its Java control API). */
    public static ReportsModule of(GraphSimulator sim) {
        return sim.modules().stream().filter(ReportsModule.class::isInstance).map(ReportsModule.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("The simulator runs without the reports module"));
    }

    /** The report throttle: its limits (simulator-wide or per tenant) and counters. */
    public ReportThrottle throttle() {
        return throttle;
    }

    /**
     * How many days a tenant's report data lags behind the clock (default {@value ReportWindow#LATENCY_DAYS}); null
     * restores the default. A bigger lag makes the latest days "not processed yet": date= reports of them have no rows.
     */
    public void latency(String tenantId, Integer days) {
        if (days == null) {
            latencyDays.remove(tenantId);
        } else if (days < 0 || days > ReportWindow.DATE_FORM_DAYS) {
            throw new IllegalArgumentException("The report latency must be 0.." + ReportWindow.DATE_FORM_DAYS + " days");
        } else {
            latencyDays.put(tenantId, days);
        }
    }

    public int latency(String tenantId) {
        return latencyDays.getOrDefault(tenantId, ReportWindow.LATENCY_DAYS);
    }

    /** How long a download link stays valid (default 5 minutes of simulator time). */
    public void downloadTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The download lifetime must be positive");
        }
        downloads.ttl(ttl);
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        this.context = c;
        for (UserDetailReport r : windowed) {
            c.graph("GET", "/v1.0/reports/" + r.function() + "({args})", ReportAccess.RULE, (q, s) -> report(r, q, s));
        }
        c.graph("GET", "/v1.0/reports/" + activations.function(), ReportAccess.RULE, (q, s) -> report(activations, q, s));
        c.graph("GET", "/v1.0/reports/" + activations.function() + "()", ReportAccess.RULE, (q, s) -> report(activations, q, s));
        c.publicRoute("GET", DOWNLOAD_PATH + "{token}", this::download);

        c.control("GET", "/_sim/reports/throttle", (q, r) -> writeLimit(r, throttle.defaults()));
        c.control("PUT", "/_sim/reports/throttle", (q, r) -> {
            throttle.defaults(readLimit(q.bodyJson(), throttle.defaults()));
            writeLimit(r, throttle.defaults());
        });
        c.control("POST", "/_sim/reports/throttle/reset", (q, r) -> {
            throttle.clear();
            r.empty(204);
        });
        c.control("GET", "/_sim/tenants/{t}/reports/throttle", (q, r) -> writeLimit(r, throttle.limit(tenant(q).id())));
        c.control("PUT", "/_sim/tenants/{t}/reports/throttle", (q, r) -> {
            String id = tenant(q).id();
            throttle.limit(id, readLimit(q.bodyJson(), throttle.limit(id)));
            writeLimit(r, throttle.limit(id));
        });
        c.control("DELETE", "/_sim/tenants/{t}/reports/throttle", (q, r) -> {
            throttle.limit(tenant(q).id(), null);
            r.empty(204);
        });
        c.control("PUT", "/_sim/tenants/{t}/reports/latency", (q, r) -> {
            String id = tenant(q).id();
            JsonNode days = q.bodyJson().path("days");
            try {
                latency(id, days.isNull() || days.isMissingNode() ? null : days.asInt());
            } catch (IllegalArgumentException e) {
                throw ControlException.badRequest(e.getMessage());
            }
            r.empty(204);
        });
        c.control("PUT", "/_sim/reports/download-ttl", (q, r) -> {
            long seconds = q.bodyJson().path("seconds").asLong(0);
            if (seconds < 1) {
                throw ControlException.badRequest("seconds (>= 1) is required");
            }
            downloads.ttl(Duration.ofSeconds(seconds));
            r.empty(204);
        });
    }

    // ------------------------------------------------------------------ Graph

    private void report(UserDetailReport report, SimRequest req, SimResponse res) throws IOException {
        Caller caller = req.caller();
        Tenant t = req.tenant();
        ReportAccess.requireReader(caller);
        boolean json = wantsJson(req, report);
        int latency = latency(t.id());
        ReportWindow w = report.hasWindow() ? ReportWindow.parse(report.function(), req.pathVariable("args"), t.now(), latency)
                : ReportWindow.current(t.now(), latency);
        int top = JSON_PAGE_SIZE;
        int start = 0;
        if (json) {
            top = top(req);
            start = Pages.decodePosition("m365app", req.query("$skiptoken"));
        }
        throttle.acquire(t.id(), caller.appId(), report.function(), json, t.now());
        boolean conceal = ReportAccess.conceal(t, caller);
        if (json) {
            writeJsonPage(req, res, t, w, conceal, start, top);
            return;
        }
        String token = downloads.register(() -> ReportRenderer.csv(t, report, w, conceal), context.clock().instant());
        res.header("Content-Type", "text/plain");
        res.redirect(302, req.baseUrl() + DOWNLOAD_PATH + token);
    }

    private boolean wantsJson(SimRequest req, UserDetailReport report) {
        for (String name : req.query().keySet()) {
            if (name.startsWith("$") && !List.of("$format", "$top", "$skiptoken").contains(name.toLowerCase())) {
                throw GraphException.badRequest("Query option '" + name + "' is not allowed. Make sure that the query option is supported.");
            }
        }
        String format = req.query("$format");
        if (format == null || format.equalsIgnoreCase("text/csv")) {
            return false;
        }
        if (!format.equalsIgnoreCase("application/json")) {
            throw new GraphException(400, "BadRequest", "Invalid $format '" + format + "'. Supported formats are text/csv and application/json.");
        }
        if (report != appUserDetail) {
            throw new GraphException(400, "BadRequest", "$format=application/json is not supported by " + report.function()
                    + " in v1.0 (only text/csv).");
        }
        return true;
    }

    private static int top(SimRequest req) {
        String text = req.query("$top");
        if (text == null) {
            return JSON_PAGE_SIZE;
        }
        try {
            int top = Integer.parseInt(text.trim());
            if (top >= 1 && top <= JSON_PAGE_SIZE) {
                return top;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw GraphException.badRequest("Invalid page size specified: '" + text + "'. Must be between 1 and " + JSON_PAGE_SIZE + " inclusive.");
    }

    private void writeJsonPage(SimRequest req, SimResponse res, Tenant t, ReportWindow w, boolean conceal, int start, int top)
            throws IOException {
        List<ReportRow> rows = ReportRenderer.rows(t, appUserDetail, w, conceal);
        int end = Math.min(rows.size(), start + top);
        List<ReportRow> page = start >= rows.size() ? List.of() : rows.subList(start, end);
        String nextLink = end < rows.size() ? Pages.linkWith(req, "$skiptoken", Pages.encodePosition("m365app", end)) : null;
        res.streamJson(200, g -> {
            g.writeStartObject();
            if (nextLink != null) {
                g.writeStringField("@odata.nextLink", nextLink);
            }
            g.writeArrayFieldStart("value");
            for (ReportRow r : page) {
                AppUserDetailJson.write(g, r);
                r.view.releaseCache();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ download (pre-authenticated, no bearer)

    private void download(SimRequest req, SimResponse res) throws IOException {
        ReportDownloads.Lookup found = downloads.find(req.pathVariable("token"), context.clock().instant());
        switch (found.status()) {
            case OK -> res.bytes(200, "application/octet-stream", found.content().get());
            case EXPIRED -> throw new ControlException(410, "This report download link has expired; request the report again.");
            case UNKNOWN -> throw ControlException.notFound("No such report download.");
        }
    }

    // ------------------------------------------------------------------ control

    private Tenant tenant(SimRequest q) {
        return context.tenants().get(q.pathVariable("t"));
    }

    private static ReportThrottle.Limit readLimit(JsonNode b, ReportThrottle.Limit current) {
        try {
            return new ReportThrottle.Limit(b.path("csvRequests").asInt(current.csvRequests()),
                    b.path("jsonRequests").asInt(current.jsonRequests()),
                    Duration.ofSeconds(b.path("windowSeconds").asLong(current.window().toSeconds())));
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest(e.getMessage());
        }
    }

    private static void writeLimit(SimResponse r, ReportThrottle.Limit l) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("csvRequests", l.csvRequests());
        n.put("jsonRequests", l.jsonRequests());
        n.put("windowSeconds", l.window().toSeconds());
        r.bytes(200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(n));
    }
}
