package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.http.JsonHttp;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * usage-service's REST API as the demo uses it: wait until the connection's report ingestion has a usage window (the
 * first day with data is stored; a full 28-day backfill takes two report-throttle windows, about ten minutes), then
 * print the active users per app and platform and the license utilisation table.
 */
public final class UsageApi {

    private final JsonHttp http;
    private final String baseUrl;

    public UsageApi(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * The ingestion status (latestDataDay, daysIngested, daysPending, nextCallAt, callsInWindow, throttledUntil,
     * concealed, concealedFix, lastError), empty while usage-service does not know the connection or has not planned
     * its days yet (it learns connections from m365.connections and needs Reports.Read.All).
     */
    public Optional<JsonNode> ingestion(String connectionId) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + "/usage/connections/" + connectionId + "/ingestion");
        if (reply.status() == 404 && reply.json().path("status").asInt(0) == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new ConnectionsApi.ApiUnavailableException("usage-service GET /usage/connections/{id}/ingestion "
                    + "answered " + reply.explanation());
        }
        return Optional.of(reply.json());
    }

    /** True once a day with data is stored: the window exists (figures grow as the remaining days arrive). */
    public static boolean hasWindow(JsonNode ingestion) {
        return !ingestion.path("latestDataDay").isNull() && !ingestion.path("latestDataDay").isMissingNode();
    }

    /** Active users per app and platform over the window, with the Microsoft 365 suite total (Teams apart). */
    public JsonNode apps(String connectionId) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        return get("/usage/connections/" + connectionId + "/apps");
    }

    /** License utilisation per SKU. */
    public JsonNode licenses(String connectionId) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        return get("/usage/connections/" + connectionId + "/licenses");
    }

    private JsonNode get(String path) throws IOException, InterruptedException, ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + path);
        if (!reply.ok()) {
            throw new ConnectionsApi.ApiUnavailableException("usage-service GET " + path + " answered "
                    + reply.explanation());
        }
        return reply.json();
    }

    /** Prints the per-app active users and the utilisation table. */
    public static void print(JsonNode ingestion, JsonNode apps, JsonNode licenses, PrintStream out) {
        out.printf("Usage (28 days ending %s; %d days stored, %d pending%s)%n",
                ingestion.path("latestDataDay").asText("-"), ingestion.path("daysIngested").asInt(),
                ingestion.path("daysPending").asInt(), ingestion.path("concealed").asBoolean()
                        ? "; NAMES CONCEALED: " + ingestion.path("concealedFix").asText() : "");
        out.printf("  %-20s %7s %8s %6s %7s %6s%n", "app", "users", "windows", "mac", "mobile", "web");
        for (JsonNode app : apps) {
            JsonNode p = app.path("byPlatform");
            out.printf("  %-20s %7d %8d %6d %7d %6d%n", app.path("app").asText(), app.path("activeUsers").asInt(),
                    p.path("windows").asInt(), p.path("mac").asInt(), p.path("mobile").asInt(), p.path("web").asInt());
        }
        out.printf("License utilisation%n  %-18s %8s %8s %7s %8s %10s %10s%n", "SKU", "prepaid", "assigned",
                "active", "inactive", "(direct)", "unassigned");
        for (JsonNode sku : licenses) {
            out.printf("  %-18s %8d %8d %7d %8d %10d %10d%n", sku.path("skuPartNumber").asText(),
                    sku.path("prepaidUnits").asInt(), sku.path("assignedUsers").asInt(),
                    sku.path("activeUsers").asInt(), sku.path("inactiveUsers").asInt(),
                    sku.path("inactiveDirect").asInt(), sku.path("unassignedUnits").asInt());
        }
    }
}
