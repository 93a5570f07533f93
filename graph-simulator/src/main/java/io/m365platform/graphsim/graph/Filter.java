package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.http.GraphException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The $filter subset directory queries use: {@code eq ne gt ge lt le}, {@code and or not}, parentheses,
 * {@code startsWith(p,'x')}, {@code endsWith(p,'x')}, {@code p in ('a','b')}, and lambdas over collections
 * ({@code assignedLicenses/any(x:x/skuId eq <guid>)}, {@code resourceProvisioningOptions/Any(x:x eq 'Team')}).
 * String comparison is case-insensitive, like the directory. The parsed filter is a predicate over a property
 * accessor, so any entity type can use it; {@link #advanced} tells whether it needs ConsistencyLevel: eventual.
 */
public final class Filter {
    private final List<String> tokens;
    private int pos;
    private boolean advanced;
    private final Set<String> properties = new java.util.LinkedHashSet<>();

    private Filter(String text) {
        this.tokens = tokenize(text);
    }

    /** A parsed filter. */
    public record Parsed(Predicate<Function<String, Object>> predicate, boolean advanced, Set<String> properties) {
        public boolean test(Function<String, Object> accessor) {
            return predicate.test(accessor);
        }
    }

    public static Parsed parse(String text) {
        Filter f = new Filter(text);
        Predicate<Function<String, Object>> p = f.or();
        if (f.pos != f.tokens.size()) {
            throw invalid("unexpected '" + f.tokens.get(f.pos) + "'");
        }
        return new Parsed(p, f.advanced, f.properties);
    }

    private static GraphException invalid(String why) {
        return GraphException.badRequest("Invalid filter clause: " + why);
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == ':') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder("'");
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw invalid("unterminated string literal");
                    }
                    char d = s.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            sb.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(d);
                    i++;
                }
                out.add(sb.toString());
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "(),:'".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw invalid("unexpected end");
        }
        return tokens.get(pos++);
    }

    private void expect(String t) {
        String n = next();
        if (!n.equals(t)) {
            throw invalid("expected '" + t + "' but found '" + n + "'");
        }
    }

    private Predicate<Function<String, Object>> or() {
        Predicate<Function<String, Object>> left = and();
        while ("or".equalsIgnoreCase(peek())) {
            next();
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Function<String, Object>> and() {
        Predicate<Function<String, Object>> left = unary();
        while ("and".equalsIgnoreCase(peek())) {
            next();
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<Function<String, Object>> unary() {
        if ("not".equalsIgnoreCase(peek())) {
            next();
            advanced = true;
            return unary().negate();
        }
        return primary();
    }

    private Predicate<Function<String, Object>> primary() {
        String t = next();
        if (t.equals("(")) {
            Predicate<Function<String, Object>> p = or();
            expect(")");
            return p;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if ((lower.equals("startswith") || lower.equals("endswith")) && "(".equals(peek())) {
            next();
            String property = property(next());
            expect(",");
            Object literal = literal(next());
            expect(")");
            boolean starts = lower.equals("startswith");
            if (!starts) {
                advanced = true;
            }
            String needle = String.valueOf(literal).toLowerCase(Locale.ROOT);
            return a -> {
                Object v = a.apply(property);
                if (v == null) {
                    return false;
                }
                String s = v.toString().toLowerCase(Locale.ROOT);
                return starts ? s.startsWith(needle) : s.endsWith(needle);
            };
        }
        int slash = t.indexOf('/');
        if (slash > 0 && (t.substring(slash + 1).equalsIgnoreCase("any") || t.substring(slash + 1).equalsIgnoreCase("all"))) {
            return lambda(property(t.substring(0, slash)), t.substring(slash + 1).equalsIgnoreCase("all"));
        }
        String property = property(t);
        String op = next().toLowerCase(Locale.ROOT);
        if (op.equals("in")) {
            expect("(");
            List<Object> values = new ArrayList<>();
            values.add(literal(next()));
            while (",".equals(peek())) {
                next();
                values.add(literal(next()));
            }
            expect(")");
            return a -> {
                Object v = a.apply(property);
                for (Object x : values) {
                    if (compare(v, x) == 0) {
                        return true;
                    }
                }
                return false;
            };
        }
        Object literal = literal(next());
        return comparison(property, op, literal);
    }

    private Predicate<Function<String, Object>> comparison(String property, String op, Object literal) {
        if (op.equals("ne")) {
            advanced = true;
        }
        return switch (op) {
            case "eq" -> a -> compare(a.apply(property), literal) == 0;
            case "ne" -> a -> compare(a.apply(property), literal) != 0;
            case "gt" -> a -> ordered(a.apply(property), literal, c -> c > 0);
            case "ge" -> a -> ordered(a.apply(property), literal, c -> c >= 0);
            case "lt" -> a -> ordered(a.apply(property), literal, c -> c < 0);
            case "le" -> a -> ordered(a.apply(property), literal, c -> c <= 0);
            default -> throw invalid("unsupported operator '" + op + "'");
        };
    }

    private Predicate<Function<String, Object>> lambda(String collection, boolean all) {
        expect("(");
        String variable = next();
        expect(":");
        // body: var op literal | var/prop op literal | startsWith(var[/prop], 'x')
        String t = next();
        Function<Object, Object> element;
        Predicate<Object> test;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("startswith") && "(".equals(peek())) {
            next();
            element = elementAccessor(variable, next());
            expect(",");
            String needle = String.valueOf(literal(next())).toLowerCase(Locale.ROOT);
            expect(")");
            Function<Object, Object> el = element;
            test = e -> {
                Object v = el.apply(e);
                return v != null && v.toString().toLowerCase(Locale.ROOT).startsWith(needle);
            };
        } else {
            element = elementAccessor(variable, t);
            String op = next().toLowerCase(Locale.ROOT);
            Object literal = literal(next());
            Predicate<Function<String, Object>> cmp = comparison("$", op, literal);
            Function<Object, Object> el = element;
            test = e -> cmp.test(p -> el.apply(e));
        }
        expect(")");
        return a -> {
            Object v = a.apply(collection);
            if (!(v instanceof Collection<?> c)) {
                return false;
            }
            if (all) {
                return c.stream().allMatch(test);
            }
            return c.stream().anyMatch(test);
        };
    }

    private static Function<Object, Object> elementAccessor(String variable, String token) {
        if (token.equals(variable)) {
            return e -> e;
        }
        if (token.startsWith(variable + "/")) {
            String prop = token.substring(variable.length() + 1);
            return e -> e instanceof Map<?, ?> m ? m.get(prop) : null;
        }
        throw invalid("lambda body must use its variable '" + variable + "'");
    }

    private String property(String token) {
        if (!token.matches("[A-Za-z][A-Za-z0-9_./]*")) {
            throw invalid("'" + token + "' is not a property");
        }
        properties.add(token);
        return token;
    }

    private static Object literal(String token) {
        if (token.startsWith("'")) {
            return token.substring(1);
        }
        String lower = token.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> {
                if (token.matches("-?\\d+")) {
                    yield Long.parseLong(token);
                }
                if (token.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                    yield token.toLowerCase(Locale.ROOT);
                }
                if (token.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                    yield OffsetDateTime.parse(token).toInstant();
                }
                throw invalid("'" + token + "' is not a literal");
            }
        };
    }

    private static int compare(Object value, Object literal) {
        if (value == null || literal == null) {
            return value == literal ? 0 : 1;
        }
        if (value instanceof Boolean b) {
            return literal instanceof Boolean l && l.equals(b) ? 0 : 1;
        }
        if (value instanceof Number n && literal instanceof Number l) {
            return Long.compare(n.longValue(), l.longValue());
        }
        if (value instanceof Instant i) {
            Instant l = literal instanceof Instant x ? x : Instant.parse(literal.toString());
            return i.compareTo(l);
        }
        return value.toString().compareToIgnoreCase(literal.toString());
    }

    private static boolean ordered(Object value, Object literal, java.util.function.IntPredicate test) {
        if (value == null || literal == null) {
            return false;
        }
        return test.test(compare(value, literal));
    }
}
