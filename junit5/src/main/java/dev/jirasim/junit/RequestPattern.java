package dev.jirasim.junit;

import dev.jirasim.simulator.faults.PathGlob;
import dev.jirasim.simulator.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which journaled requests to count or verify, in the spirit of WireMock's request patterns:
 * <pre>{@code
 * RequestPattern.post("/auth/oauth/token").withBodyContaining("\"grant_type\":\"refresh_token\"")
 * RequestPattern.get("/api/ex/jira/*&#47;rest/api/3/search/jql").withHeader("Accept", "application/json")
 * }</pre>
 * Paths are globs over the path without the tenant prefix: {@code *} is one segment, {@code **} any number.
 * Secrets in the journal are masked, so match on a token's presence, not its value.
 */
public final class RequestPattern {
    private final String description;
    private final List<Predicate<JournalEntry>> checks;

    private RequestPattern(String description, List<Predicate<JournalEntry>> checks) {
        this.description = description;
        this.checks = checks;
    }

    /** Any method on paths matching {@code pathGlob}. */
    public static RequestPattern any(String pathGlob) {
        PathGlob glob = PathGlob.of(pathGlob);
        return new RequestPattern("ANY " + pathGlob, List.of(e -> glob.matches(e.path())));
    }

    public static RequestPattern get(String pathGlob) {
        return method("GET", pathGlob);
    }

    public static RequestPattern post(String pathGlob) {
        return method("POST", pathGlob);
    }

    public static RequestPattern put(String pathGlob) {
        return method("PUT", pathGlob);
    }

    public static RequestPattern delete(String pathGlob) {
        return method("DELETE", pathGlob);
    }

    public static RequestPattern method(String method, String pathGlob) {
        PathGlob glob = PathGlob.of(pathGlob);
        String m = method.toUpperCase(Locale.ROOT);
        return new RequestPattern(m + " " + pathGlob, List.of(e -> e.method().equals(m) && glob.matches(e.path())));
    }

    /** The header is present with exactly this value (names are case-insensitive). */
    public RequestPattern withHeader(String name, String value) {
        return and("header " + name + ": " + value, e -> value.equals(header(e, name)));
    }

    /** The header is present, whatever its value. */
    public RequestPattern withHeader(String name) {
        return and("header " + name, e -> header(e, name) != null);
    }

    public RequestPattern withoutHeader(String name) {
        return and("no header " + name, e -> header(e, name) == null);
    }

    /** The query string has {@code name=value} (as sent, not decoded). */
    public RequestPattern withQueryParam(String name, String value) {
        String pair = name + "=" + value;
        return and("query " + pair, e -> e.query() != null && List.of(e.query().split("&")).contains(pair));
    }

    public RequestPattern withBodyContaining(String text) {
        return and("body containing " + text, e -> e.body() != null && e.body().contains(text));
    }

    public RequestPattern withStatus(int status) {
        return and("answered " + status, e -> e.status() == status);
    }

    /** Any other condition on the journal entry. */
    public RequestPattern where(String description, Predicate<JournalEntry> condition) {
        return and(description, condition);
    }

    public boolean matches(JournalEntry entry) {
        for (Predicate<JournalEntry> check : checks) {
            if (!check.test(entry)) return false;
        }
        return true;
    }

    private RequestPattern and(String what, Predicate<JournalEntry> check) {
        var next = new ArrayList<>(checks);
        next.add(check);
        return new RequestPattern(description + ", " + what, List.copyOf(next));
    }

    private static String header(JournalEntry e, String name) {
        if (e.headers() == null) return null;
        for (var h : e.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
        }
        return null;
    }

    @Override
    public String toString() {
        return description;
    }
}
