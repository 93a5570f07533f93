package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.tenant.Tenant;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets one delta request (users or groups): first call (optional $select and {@code id eq}/{@code id in}
 * filter), {@code $deltatoken=latest}, a $deltatoken (next round) or a $skiptoken (next page). Page size comes
 * from {@code Prefer: odata.maxpagesize=n} (default 200, at most 999).
 */
final class DeltaRequest {
    private static final Pattern ID_EQ = Pattern.compile("id\\s+eq\\s+'([^']+)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAX_PAGE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    static final int DEFAULT_PAGE_SIZE = 200;
    final DeltaToken token;
    final boolean latestOnly;
    final int pageSize;
    final boolean minimal;

    private DeltaRequest(DeltaToken token, boolean latestOnly, int pageSize, boolean minimal) {
        this.token = token;
        this.latestOnly = latestOnly;
        this.pageSize = pageSize;
        this.minimal = minimal;
    }

    static DeltaRequest parse(SimRequest req, String kind, Tenant tenant, EntitySchema<?> schema) {
        Instant now = tenant.now();
        for (String name : req.query().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (Set.of("$expand", "$orderby", "$search", "$count").contains(lower)) {
                throw GraphException.unsupportedQuery("The query option '" + name + "' is not supported with delta queries.");
            }
        }
        String prefer = req.header("Prefer");
        int pageSize = -1;
        boolean minimal = false;
        if (prefer != null) {
            Matcher m = MAX_PAGE.matcher(prefer);
            if (m.find()) {
                pageSize = Math.max(1, Math.min(999, Integer.parseInt(m.group(1))));
            }
            minimal = prefer.toLowerCase(Locale.ROOT).contains("return=minimal");
        }
        String skipToken = req.query("$skiptoken");
        String deltaToken = req.query("$deltatoken");
        if (skipToken != null) {
            DeltaToken t = DeltaToken.decode(skipToken, kind, tenant, now);
            return new DeltaRequest(t, false, pageSize > 0 ? pageSize : t.pageSize(), minimal);
        }
        if (pageSize < 0) {
            pageSize = DEFAULT_PAGE_SIZE;
        }
        long current = tenant.currentSeq();
        if (deltaToken != null) {
            if (deltaToken.equalsIgnoreCase("latest")) {
                return new DeltaRequest(new DeltaToken(kind, tenant.id(), current, current, 0, now.getEpochSecond(),
                        select(req, schema), ids(req), pageSize), true, pageSize, minimal);
            }
            DeltaToken previous = DeltaToken.decode(deltaToken, kind, tenant, now);
            // a new round: changes after the previous round's start, up to now
            return new DeltaRequest(new DeltaToken(kind, tenant.id(), previous.baseSeq(), current, 0, now.getEpochSecond(),
                    previous.select(), previous.ids(), pageSize), false, pageSize, minimal);
        }
        return new DeltaRequest(new DeltaToken(kind, tenant.id(), -1, current, 0, now.getEpochSecond(), select(req, schema), ids(req),
                pageSize), false, pageSize, minimal);
    }

    private static Set<String> select(SimRequest req, EntitySchema<?> schema) {
        String s = req.query("$select");
        if (s == null || s.isBlank()) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String p : s.split(",")) {
            String name = p.trim();
            if (!name.isEmpty()) {
                if (!name.equals("members") && !name.equals("manager") && !schema.propertyNames().contains(name)) {
                    throw GraphException.badRequest("Could not find a property named '" + name + "' on type 'microsoft.graph." + schema.resourceName() + "'.");
                }
                result.add(name);
            }
        }
        return result;
    }

    private static Set<String> ids(SimRequest req) {
        String f = req.query("$filter");
        if (f == null || f.isBlank()) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ID_EQ.matcher(f);
        int end = 0;
        while (m.find()) {
            ids.add(m.group(1).toLowerCase(Locale.ROOT));
            end = m.end();
        }
        String rest = ID_EQ.matcher(f).replaceAll("").replaceAll("(?i)\\bor\\b", "").replaceAll("[()\\s]", "");
        if (ids.isEmpty() || !rest.isEmpty() || end == 0) {
            throw GraphException.unsupportedQuery("Delta queries support $filter only on id (id eq '…' joined with 'or').");
        }
        if (ids.size() > 50) {
            throw GraphException.unsupportedQuery("A delta $filter may name at most 50 ids.");
        }
        return ids;
    }
}
