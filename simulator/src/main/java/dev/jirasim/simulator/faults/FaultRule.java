package dev.jirasim.simulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.jirasim.simulator.world.RateLimit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to do to requests whose path matches {@code path} (a {@link PathGlob}) and, when given, whose method is
 * {@code method}: answer {@code status} (with {@code body} and {@code headers}), hold the request for
 * {@code delayMs} first, or limit it with a token bucket ({@code rateLimit}). {@code times} spends the rule
 * after that many requests. A rule is validated when built; an {@link IllegalArgumentException} says what
 * is wrong. Build one with {@link #on(String)}.
 *
 * @param body JSON value (maps, lists, strings, numbers); {@code null} means the emulated host's own error
 *             body for the status (for 4xx and 5xx) or no body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"method", "path", "status", "body", "headers", "delayMs", "times", "rateLimit"})
public record FaultRule(
        String method,
        String path,
        Integer status,
        Object body,
        Map<String, String> headers,
        Long delayMs,
        Integer times,
        RateLimit rateLimit) {

    /** The longest delay a rule may ask for; delays never hold a server thread, but a request waits this long. */
    public static final long MAX_DELAY_MS = 60_000;
    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public FaultRule {
        if (path == null) throw new IllegalArgumentException("'path' is required: a pattern such as /api/** or /api/ex/jira/*/rest/api/3/search/jql");
        PathGlob.of(path);
        if (method != null) {
            method = method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) throw new IllegalArgumentException("'method' must be one of " + String.join(", ", METHODS) + ", got " + method);
        }
        if (status != null && (status < 100 || status > 599)) throw new IllegalArgumentException("'status' must be between 100 and 599, got " + status);
        if (delayMs != null && delayMs < 0) throw new IllegalArgumentException("'delayMs' must be zero or more, got " + delayMs);
        if (delayMs != null && delayMs > MAX_DELAY_MS) throw new IllegalArgumentException("'delayMs' must be at most " + MAX_DELAY_MS + ", got " + delayMs);
        if (times != null && times < 1) throw new IllegalArgumentException("'times' must be 1 or more, got " + times);
        if (rateLimit != null && rateLimit.scope() != null) {
            throw new IllegalArgumentException("'rateLimit' takes 'capacity' and 'refillPerSecond'; a fault rule has one bucket, so no 'scope'");
        }
        if (status != null && rateLimit != null) throw new IllegalArgumentException("a rule has 'status' or 'rateLimit', not both");
        if (times != null && rateLimit != null) throw new IllegalArgumentException("'times' does not combine with 'rateLimit'");
        if (status == null && rateLimit == null) {
            if (body != null) throw new IllegalArgumentException("'body' needs 'status' (or 'rateLimit', for the 429)");
            if (headers != null && !headers.isEmpty()) throw new IllegalArgumentException("'headers' need 'status' (or 'rateLimit', for the 429)");
            if (delayMs == null) throw new IllegalArgumentException("a rule needs 'status', 'delayMs' or 'rateLimit'");
        }
        if (headers != null) {
            headers.forEach(FaultRule::checkHeader);
            headers = headers.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    private static void checkHeader(String name, String value) {
        if (name == null || !TOKEN.matcher(name).matches()) throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP header name");
        if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
            throw new IllegalArgumentException("header " + name + " is set by the server from the body");
        }
        if (value == null) throw new IllegalArgumentException("header " + name + " needs a value");
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) throw new IllegalArgumentException("header " + name + " contains a line break");
    }

    /** A rule for paths matching {@code pathGlob}; set at least a status, a delay or a rate limit. */
    public static Builder on(String pathGlob) {
        return new Builder(pathGlob);
    }

    /** Builds a {@link FaultRule}: {@code FaultRule.on("/api/**").status(503).header("Retry-After", "5").times(1).build()}. */
    public static final class Builder {
        private final String path;
        private String method;
        private Integer status;
        private Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Long delayMs;
        private Integer times;
        private RateLimit rateLimit;

        private Builder(String path) {
            this.path = path;
        }

        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** A JSON value: a {@code Map}, {@code List}, {@code String}, number or boolean. */
        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder delayMs(long delayMs) {
            this.delayMs = delayMs;
            return this;
        }

        public Builder times(int times) {
            this.times = times;
            return this;
        }

        public Builder rateLimit(int capacity, double refillPerSecond) {
            this.rateLimit = RateLimit.of(capacity, refillPerSecond);
            return this;
        }

        public FaultRule build() {
            return new FaultRule(method, path, status, body, headers.isEmpty() ? null : headers, delayMs, times, rateLimit);
        }
    }
}
