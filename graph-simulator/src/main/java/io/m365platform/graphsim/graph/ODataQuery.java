package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The OData system query options of one request: $select, $top (1..max), $filter, $count, $skiptoken, $expand,
 * $search, $orderby. Unknown {@code $} options are rejected like Graph does. Advanced queries ($count, $search,
 * $orderby, ne/not/endsWith) require {@code ConsistencyLevel: eventual} (see {@link #requireConsistencyWhenAdvanced}).
 */
public final class ODataQuery {
    private static final Set<String> KNOWN = Set.of("$select", "$top", "$filter", "$count", "$skiptoken", "$expand",
            "$search", "$orderby", "$deltatoken", "$format", "$skip");

    public final Set<String> select;
    public final int top;
    public final Filter.Parsed filter;
    public final boolean count;
    public final String skipToken;
    public final Set<String> expand;
    public final String search;
    public final String orderBy;

    private ODataQuery(Set<String> select, int top, Filter.Parsed filter, boolean count, String skipToken,
                       Set<String> expand, String search, String orderBy) {
        this.select = select;
        this.top = top;
        this.filter = filter;
        this.count = count;
        this.skipToken = skipToken;
        this.expand = expand;
        this.search = search;
        this.orderBy = orderBy;
    }

    public static ODataQuery parse(SimRequest req, int defaultTop, int maxTop) {
        for (String name : req.query().keySet()) {
            if (name.startsWith("$") && !KNOWN.contains(name.toLowerCase())) {
                throw GraphException.badRequest("Query option '" + name + "' is not allowed. Make sure that the query option is supported.");
            }
        }
        Set<String> select = list(req.query("$select"));
        Set<String> expand = list(req.query("$expand"));
        int top = defaultTop;
        String topText = req.query("$top");
        if (topText != null) {
            try {
                top = Integer.parseInt(topText.trim());
            } catch (NumberFormatException e) {
                throw GraphException.badRequest("Invalid page size specified: '" + topText + "'. Must be between 1 and " + maxTop + " inclusive.");
            }
            if (top < 1 || top > maxTop) {
                throw GraphException.badRequest("Invalid page size specified: '" + top + "'. Must be between 1 and " + maxTop + " inclusive.");
            }
        }
        String filterText = req.query("$filter");
        Filter.Parsed filter = filterText == null || filterText.isBlank() ? null : Filter.parse(filterText);
        String countText = req.query("$count");
        boolean count = countText != null && countText.trim().equalsIgnoreCase("true");
        if (countText != null && !count && !countText.trim().equalsIgnoreCase("false")) {
            throw GraphException.badRequest("Invalid value for $count: '" + countText + "'.");
        }
        return new ODataQuery(select, top, filter, count, req.query("$skiptoken"), expand, req.query("$search"), req.query("$orderby"));
    }

    private static Set<String> list(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                add(result, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(result, current);
        return result;
    }

    private static void add(Set<String> result, StringBuilder sb) {
        String s = sb.toString().trim();
        if (!s.isEmpty()) {
            result.add(s);
        }
    }

    public boolean advanced() {
        return count || search != null || orderBy != null || (filter != null && filter.advanced());
    }

    /** Advanced queries need ConsistencyLevel: eventual (Graph answers 400 otherwise). */
    public void requireConsistencyWhenAdvanced(SimRequest req) {
        if (advanced() && !"eventual".equalsIgnoreCase(req.header("ConsistencyLevel"))) {
            throw GraphException.unsupportedQuery("Operation not supported: this query (with $count, $search, $orderby, 'ne', 'not' or 'endsWith') requires the ConsistencyLevel header set to 'eventual' and $count=true.");
        }
        if (search != null) {
            throw GraphException.unsupportedQuery("$search is not supported by the simulator.");
        }
    }

    /** Rejects filters on properties the resource does not support filtering on. */
    public void requireFilterable(EntitySchema<?> schema) {
        if (filter == null) {
            return;
        }
        for (String p : filter.properties()) {
            String root = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
            if (!schema.isFilterable(root)) {
                throw GraphException.unsupportedQuery("Unsupported or invalid query filter clause specified for property '" + root
                        + "' of resource '" + Character.toUpperCase(schema.resourceName().charAt(0)) + schema.resourceName().substring(1) + "'.");
            }
        }
    }

    public boolean expands(String navigation) {
        if (expand == null) {
            return false;
        }
        for (String e : expand) {
            String name = e.contains("(") ? e.substring(0, e.indexOf('(')) : e;
            if (name.trim().equalsIgnoreCase(navigation)) {
                return true;
            }
        }
        return false;
    }
}
