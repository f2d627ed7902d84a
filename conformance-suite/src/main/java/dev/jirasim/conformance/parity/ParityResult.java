package dev.jirasim.conformance.parity;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A comparison of two runs: one row per endpoint, plus what concerns whole scenarios.
 *
 * @param notes scenario lines that are no differences: what could not be compared, and why
 */
public record ParityResult(String targetA, String targetB, LocalDate date, List<Endpoint> endpoints,
                           List<ScenarioLine> differences, List<ScenarioLine> notes) {

    /**
     * One endpoint.
     *
     * @param differences each difference line with the scenarios it showed in; empty when the targets agree
     */
    public record Endpoint(String name, SortedSet<String> scenarios, SortedMap<String, SortedSet<String>> differences) {
    }

    public record ScenarioLine(String scenario, String text) {
    }

    public long endpointsDiffering() {
        return endpoints.stream().filter(e -> !e.differences().isEmpty()).count();
    }

    public boolean same() {
        return endpointsDiffering() == 0 && differences.isEmpty();
    }
}
