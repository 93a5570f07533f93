package io.m365platform.graphsim.http;

import io.m365platform.graphsim.auth.PermissionRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One endpoint: method + path template + how to guard it + handler. Template segments are literals
 * ({@code users}, {@code delta()}), variables ({@code {id}}) or a literal prefix/suffix around one variable
 * ({@code getOffice365ActiveUserDetail({args})} captures {@code period='D7'}). Literals win over variables when
 * several routes match.
 */
public final class Route {
    private final String method;
    private final String template;
    private final RouteKind kind;
    private final PermissionRule permission;
    private final RouteHandler handler;
    private final List<Segment> segments;

    public Route(String method, String template, RouteKind kind, PermissionRule permission, RouteHandler handler) {
        this.method = method.toUpperCase();
        this.template = template;
        this.kind = Objects.requireNonNull(kind);
        this.permission = permission;
        this.handler = Objects.requireNonNull(handler);
        if (kind == RouteKind.GRAPH && permission == null) {
            throw new IllegalArgumentException("Graph route " + template + " needs a permission rule");
        }
        this.segments = parse(template);
    }

    public String method() {
        return method;
    }

    /** The template, e.g. {@code /v1.0/users/{id}}; also the key of the per-endpoint counters. */
    public String template() {
        return template;
    }

    public RouteKind kind() {
        return kind;
    }

    public PermissionRule permission() {
        return permission;
    }

    public RouteHandler handler() {
        return handler;
    }

    /** "GET /v1.0/users/{id}" */
    public String key() {
        return method + " " + template;
    }

    private static List<Segment> parse(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("Route template must start with '/': " + template);
        }
        List<Segment> result = new ArrayList<>();
        for (String part : template.substring(1).split("/", -1)) {
            int open = part.indexOf('{');
            if (open < 0) {
                result.add(new Segment(part, null, ""));
            } else {
                int close = part.indexOf('}', open);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed variable in " + template);
                }
                result.add(new Segment(part.substring(0, open), part.substring(open + 1, close), part.substring(close + 1)));
            }
        }
        return result;
    }

    /** Path variables when the (already split) path matches, else {@code null}. */
    Map<String, String> match(String[] pathSegments) {
        if (pathSegments.length != segments.size()) {
            return null;
        }
        Map<String, String> vars = null;
        for (int i = 0; i < pathSegments.length; i++) {
            Segment s = segments.get(i);
            String p = pathSegments[i];
            if (s.variable == null) {
                if (!s.prefix.equalsIgnoreCase(p)) {
                    return null;
                }
            } else {
                if (p.length() < s.prefix.length() + s.suffix.length() + (s.prefix.isEmpty() && s.suffix.isEmpty() ? 1 : 0)
                        || !p.regionMatches(true, 0, s.prefix, 0, s.prefix.length())
                        || !p.regionMatches(true, p.length() - s.suffix.length(), s.suffix, 0, s.suffix.length())) {
                    return null;
                }
                if (vars == null) {
                    vars = new HashMap<>(4);
                }
                vars.put(s.variable, p.substring(s.prefix.length(), p.length() - s.suffix.length()));
            }
        }
        return vars == null ? Map.of() : vars;
    }

    /** Higher is more specific: literal segments beat patterns, patterns beat bare variables, earlier counts more. */
    int compareSpecificity(Route other) {
        for (int i = 0; i < segments.size(); i++) {
            int c = Integer.compare(segments.get(i).rank(), other.segments.get(i).rank());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private record Segment(String prefix, String variable, String suffix) {
        int rank() {
            if (variable == null) {
                return 2;
            }
            return prefix.isEmpty() && suffix.isEmpty() ? 0 : 1;
        }
    }
}
