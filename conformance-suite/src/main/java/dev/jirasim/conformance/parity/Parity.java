package dev.jirasim.conformance.parity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairs the steps of two runs by scenario and step name and compares what both reached. A step only one side
 * reached is noted, not counted: the difference that stopped the other side is reported where it happened.
 */
public final class Parity {
    private Parity() {
    }

    /** How a note about a scenario that neither target ran begins (after "not compared: "). */
    public static final String SKIPPED_ON_BOTH = "skipped on both: ";

    public static ParityResult compare(Run a, Run b, LocalDate date) {
        Map<String, Map<String, StepRecord>> stepsA = byScenario(a);
        Map<String, Map<String, StepRecord>> stepsB = byScenario(b);
        var scenarios = new TreeSet<String>(stepsA.keySet());
        scenarios.addAll(stepsB.keySet());
        scenarios.addAll(a.skipped().keySet());
        scenarios.addAll(b.skipped().keySet());

        var endpoints = new TreeMap<String, ParityResult.Endpoint>();
        var differences = new ArrayList<ParityResult.ScenarioLine>();
        var notes = new ArrayList<ParityResult.ScenarioLine>();
        for (String scenario : scenarios) {
            String skippedA = a.skipped().get(scenario);
            String skippedB = b.skipped().get(scenario);
            if (skippedA != null || skippedB != null) {
                // Skipped on both sides (a live scenario on two simulators): nothing ran, so nothing can differ.
                String why = skippedA != null && skippedB != null ? Parity.SKIPPED_ON_BOTH + skippedA
                        : skippedA != null ? "skipped on A: " + skippedA : "skipped on B: " + skippedB;
                notes.add(new ParityResult.ScenarioLine(scenario, "not compared: " + why));
                continue;
            }
            String failedA = a.failed().get(scenario);
            String failedB = b.failed().get(scenario);
            // Its steps then never ran on that side: this line says why, and the steps are only noted below.
            if (failedA == null && failedB != null) differences.add(new ParityResult.ScenarioLine(scenario, "fails on B: " + failedB));
            if (failedA != null && failedB == null) differences.add(new ParityResult.ScenarioLine(scenario, "fails on A: " + failedA));
            Map<String, StepRecord> sa = stepsA.getOrDefault(scenario, Map.of());
            Map<String, StepRecord> sb = stepsB.getOrDefault(scenario, Map.of());
            var names = new LinkedHashSet<>(sa.keySet());
            names.addAll(sb.keySet());
            boolean noted = false;
            for (String step : names) {
                StepRecord ra = sa.get(step);
                StepRecord rb = sb.get(step);
                exercised(endpoints, scenario, ra);
                exercised(endpoints, scenario, rb);
                boolean ranA = ran(ra);
                boolean ranB = ran(rb);
                if (ranA != ranB && (ranA ? rb : ra) == null && (ranA ? failedB : failedA) == null) {
                    // Never reached, yet nothing failed on that side that would explain it: count it.
                    differences.add(new ParityResult.ScenarioLine(scenario, "step '" + step + "' runs on " + (ranA ? "A" : "B") + " only"));
                } else if (ranA != ranB) {
                    if (!noted) notes.add(new ParityResult.ScenarioLine(scenario, "from step '" + step + "' on, not compared: "
                            + (ranA ? "B" : "A") + " did not run it (" + reason(ranA ? rb : ra) + ")"));
                    noted = true;
                }
                if (!ranA || !ranB) continue;
                var lines = new ArrayList<String>();
                if (ra.observation() != null && rb.observation() != null) {
                    // A captured URL (a redirect's Location, say) may lead the two targets to different endpoints.
                    if (!endpoint(ra).equals(endpoint(rb))) lines.add("request: " + endpoint(ra) + " → " + endpoint(rb));
                    lines.addAll(ExchangeDiff.diff(ra.observation(), rb.observation()));
                }
                if (ra.outcome() != rb.outcome()) {
                    lines.add(ra.outcome() == StepRecord.Outcome.FAILED ? "fails on A: " + ra.failure() : "fails on B: " + rb.failure());
                }
                String endpoint = endpoint(ra) != null ? endpoint(ra) : endpoint(rb);
                for (String line : lines) {
                    if (endpoint == null) differences.add(new ParityResult.ScenarioLine(scenario, "step '" + step + "' " + line));
                    else endpoints.get(endpoint).differences().computeIfAbsent(line, k -> new TreeSet<>()).add(scenario);
                }
            }
        }
        return new ParityResult(a.target(), b.target(), date, List.copyOf(endpoints.values()), differences, notes);
    }

    private static Map<String, Map<String, StepRecord>> byScenario(Run run) {
        var map = new LinkedHashMap<String, Map<String, StepRecord>>();
        for (StepRecord r : run.steps()) map.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>()).put(r.step(), r);
        return map;
    }

    private static boolean ran(StepRecord r) {
        return r != null && r.outcome() != StepRecord.Outcome.SKIPPED;
    }

    private static String reason(StepRecord r) {
        return r == null || r.failure() == null ? "not reached" : r.failure();
    }

    private static String endpoint(StepRecord r) {
        return r == null || r.observation() == null ? null : Endpoints.name(r.observation().method(), r.observation().url());
    }

    private static void exercised(Map<String, ParityResult.Endpoint> endpoints, String scenario, StepRecord r) {
        String name = endpoint(r);
        if (name == null) return;
        endpoints.computeIfAbsent(name, n -> new ParityResult.Endpoint(n, new TreeSet<>(), new TreeMap<>())).scenarios().add(scenario);
    }
}
