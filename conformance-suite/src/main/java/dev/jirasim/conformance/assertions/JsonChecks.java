package dev.jirasim.conformance.assertions;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import dev.jirasim.conformance.model.Expectation;
import dev.jirasim.conformance.model.Matcher;
import dev.jirasim.conformance.steps.StepFailure;
import dev.jirasim.conformance.steps.Templates;
import dev.jirasim.conformance.steps.Variables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Evaluates JSON-path and header expectations; each failure message says path, matcher, expected and actual. */
public final class JsonChecks {
    private static final Object MISSING = new Object();
    /** Jackson underneath: strict JSON (json-smart, Jayway's default, would read "<html>" as a string). */
    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new com.jayway.jsonpath.spi.json.JacksonJsonProvider())
            .mappingProvider(new com.jayway.jsonpath.spi.mapper.JacksonMappingProvider()).build();

    private JsonChecks() {
    }

    /** Parses a body once; a body that is not JSON makes every JSON check fail with that reason. */
    public static Object document(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.jsonProvider().parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The value at a path, or empty when absent. */
    public static Optional<Object> read(Object document, String path) {
        if (document == null) return Optional.empty();
        try {
            Object value = JsonPath.using(JSON).parse(document).read(path);
            return Optional.of(value == null ? MISSING_NULL : value);
        } catch (PathNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // e.g. a filter over a member that is not a list: the value is not there in the shape asked for
            return Optional.empty();
        }
    }

    /** Stands for a JSON null that is present (as opposed to a missing member). */
    public static final Object MISSING_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    public static List<String> checkJson(Object document, String rawBody, List<Expectation.Check> checks, Variables vars) {
        var failures = new ArrayList<String>();
        for (Expectation.Check check : checks) {
            if (document == null) {
                failures.add(check.target() + ": response body is not JSON");
                continue;
            }
            Optional<Object> found = read(document, Templates.render(check.target(), vars));
            for (Matcher m : check.matchers()) {
                String failure = apply(m, found.orElse(MISSING), vars);
                if (failure != null) failures.add(check.target() + " " + failure);
            }
        }
        return failures;
    }

    public static List<String> checkHeaders(Map<String, String> headers, List<Expectation.Check> checks, Variables vars) {
        var failures = new ArrayList<String>();
        for (Expectation.Check check : checks) {
            Object value = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(check.target()))
                    .map(h -> (Object) h.getValue()).findFirst().orElse(MISSING);
            for (Matcher m : check.matchers()) {
                String failure = apply(m, value, vars);
                if (failure != null) failures.add("header " + check.target() + " " + failure);
            }
        }
        return failures;
    }

    /** Null when the matcher holds, else why not. */
    static String apply(Matcher m, Object actual, Variables vars) {
        boolean present = actual != MISSING;
        Object value = actual == MISSING_NULL ? null : actual;
        return switch (m.kind()) {
            case EXISTS -> present == (Boolean) m.value() ? null : (present ? "should be absent but is " + show(value) : "should exist but is absent");
            case ABSENT -> present != (Boolean) m.value() ? null : "should be absent but is " + show(value);
            default -> {
                if (!present) yield "is absent (expected " + m.kind().key + " " + show(m.value()) + ")";
                yield check(m, value, vars);
            }
        };
    }

    private static String check(Matcher m, Object value, Variables vars) {
        Object expected = Templates.renderTree(m.value(), vars);
        switch (m.kind()) {
            case EQUALS -> {
                return same(expected, value) ? null : "expected " + show(expected) + " but was " + show(value);
            }
            case NOT_EQUALS -> {
                return same(expected, value) ? "expected anything but " + show(expected) : null;
            }
            case ONE_OF -> {
                var options = (List<?>) expected;
                return options.stream().anyMatch(o -> same(o, value)) ? null : "expected one of " + show(options) + " but was " + show(value);
            }
            case MATCHES -> {
                String text = value == null ? "null" : String.valueOf(value);
                return Pattern.compile(String.valueOf(expected)).matcher(text).find() ? null
                        : "expected to match /" + expected + "/ but was " + show(value);
            }
            case TYPE -> {
                String type = typeOf(value);
                boolean ok = type.equals(expected) || ("number".equals(expected) && type.equals("integer"));
                return ok ? null : "expected type " + expected + " but was " + type + " " + show(value);
            }
            case SIZE -> {
                long size = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> mp ? mp.size()
                        : value instanceof String s ? s.length() : -1;
                if (size < 0) return "has no size: " + show(value);
                return size == ((Number) expected).longValue() ? null : "expected size " + expected + " but was " + size + " " + show(value);
            }
            case CONTAINS -> {
                if (value instanceof Collection<?> c) {
                    return c.stream().anyMatch(e -> same(expected, e)) ? null : "expected to contain " + show(expected) + " but was " + show(value);
                }
                if (value instanceof String s) return s.contains(String.valueOf(expected)) ? null : "expected to contain " + show(expected) + " but was " + show(value);
                return "cannot contain anything: " + show(value);
            }
            case GREATER_THAN, LESS_THAN -> {
                if (!(value instanceof Number n)) return "expected a number but was " + show(value);
                int cmp = decimal(n).compareTo(decimal((Number) expected));
                boolean ok = m.kind() == Matcher.Kind.GREATER_THAN ? cmp > 0 : cmp < 0;
                return ok ? null : "expected " + m.kind().key + " " + expected + " but was " + value;
            }
            default -> throw new StepFailure("unsupported matcher " + m.kind());
        }
    }

    /** JSON equality: numbers by value, strings by text, lists and maps deeply. */
    static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) return expected == actual;
        if (expected instanceof Number a && actual instanceof Number b) return decimal(a).compareTo(decimal(b)) == 0;
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
            return true;
        }
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            if (!a.keySet().equals(b.keySet())) return false;
            return a.entrySet().stream().allMatch(e -> same(e.getValue(), b.get(e.getKey())));
        }
        return String.valueOf(expected).equals(String.valueOf(actual)) && expected.getClass() == actual.getClass()
                || (expected instanceof String && actual instanceof String && expected.equals(actual));
    }

    private static BigDecimal decimal(Number n) {
        return new BigDecimal(n.toString());
    }

    static String typeOf(Object value) {
        if (value == null) return "null";
        if (value instanceof String) return "string";
        if (value instanceof Boolean) return "boolean";
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) return "integer";
        if (value instanceof Number) return "number";
        if (value instanceof List<?>) return "array";
        if (value instanceof Map<?, ?>) return "object";
        return value.getClass().getSimpleName();
    }

    static String show(Object value) {
        String text = value instanceof String s ? "'" + s + "'" : value == MISSING ? "absent" : String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
