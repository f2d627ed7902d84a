package dev.jirasim.conformance.model;

import java.util.List;
import java.util.Set;

/** What an HTTP step's response must show. An empty status set accepts any status. */
public record Expectation(Set<Integer> statuses, List<Check> headers, List<Check> json, List<String> bodyContains) {
    /** Matchers on one header (by name) or one JSON path. */
    public record Check(String target, List<Matcher> matchers, SourcePos pos) {
    }

    public static final Expectation NONE = new Expectation(Set.of(), List.of(), List.of(), List.of());
}
