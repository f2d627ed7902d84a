package dev.jirasim.conformance.report;

import dev.jirasim.conformance.engine.Constants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects per-scenario outcomes from a run (pass, fail, skip with reason, expected failure, fixed,
 * malformed file) with each step's evidence; the console summary and HTML report read it.
 */
public final class Results implements TestExecutionListener {
    public enum Outcome {
        PASSED("PASS "), FAILED("FAIL "), SKIPPED("SKIP "), EXPECTED_FAILURE("XFAIL"), FIXED("FIXED"), MALFORMED("ERROR");

        /** The five-letter label of consoles and summaries. */
        public final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    public record StepResult(String name, String location, String status, String message, String request, String response) {
    }

    public static final class ScenarioResult {
        public final String id;
        public final String title;
        public final String location;
        /** The scenario's tags that are valid JUnit tags (all the suite's are); none for a file that could not be read. */
        public final List<String> tags;
        public Outcome outcome;
        public String reason;
        /** Wall time from the scenario's start to its end (0 when skipped); started holds the start meanwhile. */
        public long durationMillis;
        private long started;
        public final List<StepResult> steps = new ArrayList<>();

        ScenarioResult(String id, String title, String location, List<String> tags) {
            this.id = id;
            this.title = title;
            this.location = location;
            this.tags = List.copyOf(tags);
        }

        /**
         * The folder its file lives in: the suite keeps one folder per service ({@code atlassian-auth}, {@code jira-cloud},
         * {@code nango}, …), so reports group by it. Empty when there is no file (the suite itself failed).
         */
        public String folder() {
            String file = location == null ? "" : location.replaceFirst(":\\d+(:\\d+)?$", "");
            Path parent = file.isEmpty() ? null : Path.of(file).getParent();
            return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        }
    }

    private final Map<String, ScenarioResult> scenarios = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> evidence = new LinkedHashMap<>();
    private TestPlan plan;
    private java.util.function.Consumer<ScenarioResult> settled = s -> { };

    /** Called with each scenario (or unreadable file) as soon as its outcome is settled. */
    public void onSettled(java.util.function.Consumer<ScenarioResult> listener) {
        this.settled = listener;
    }

    public List<ScenarioResult> scenarios() {
        return List.copyOf(scenarios.values());
    }

    /** The result kept for a test identifier's unique id (a scenario, or a file that could not be read). */
    public Optional<ScenarioResult> find(String uniqueId) {
        return Optional.ofNullable(scenarios.get(uniqueId));
    }

    public long count(Outcome outcome) {
        return scenarios.values().stream().filter(s -> s.outcome == outcome).count();
    }

    /** The scenarios that fail the gate, in run order. */
    public List<ScenarioResult> unexpected() {
        return scenarios.values().stream().filter(s -> s.outcome == Outcome.FAILED || s.outcome == Outcome.MALFORMED).toList();
    }

    /** Failures nobody expected: these fail the gate. */
    public long unexpectedFailures() {
        return count(Outcome.FAILED) + count(Outcome.MALFORMED);
    }

    /** Passed ÷ applicable (everything not skipped), as a fraction; NaN when nothing applied. */
    public double score() {
        long passed = count(Outcome.PASSED) + count(Outcome.FIXED);
        long applicable = scenarios.size() - count(Outcome.SKIPPED);
        return applicable == 0 ? Double.NaN : (double) passed / applicable;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    private static String type(TestIdentifier id) {
        var segments = UniqueId.parse(id.getUniqueId()).getSegments();
        return segments.get(segments.size() - 1).getType();
    }

    private static String location(TestIdentifier id) {
        return id.getSource().filter(FileSource.class::isInstance).map(FileSource.class::cast)
                .map(f -> f.getFile().getPath() + f.getPosition().map(p -> ":" + p.getLine() + p.getColumn().map(c -> ":" + c).orElse("")).orElse(""))
                .orElse("");
    }

    private ScenarioResult scenario(TestIdentifier id) {
        return scenarios.computeIfAbsent(id.getUniqueId(), k -> {
            String scenarioId = UniqueId.parse(k).getSegments().get(UniqueId.parse(k).getSegments().size() - 1).getValue();
            return new ScenarioResult(scenarioId, id.getDisplayName(), location(id), id.getTags().stream().map(TestTag::getName).toList());
        });
    }

    private Optional<TestIdentifier> parent(TestIdentifier id) {
        return plan == null ? Optional.empty() : plan.getParent(id);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (type(id).equals("scenario")) scenario(id).started = System.nanoTime();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (type(id).equals("scenario")) {
            var s = scenario(id);
            s.outcome = Outcome.SKIPPED;
            s.reason = reason;
            settled.accept(s);
        } else if (type(id).equals("step")) {
            parent(id).ifPresent(p -> scenario(p).steps.add(new StepResult(id.getDisplayName(), location(id), "SKIPPED", reason, null, null)));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (type(id).equals("scenario") && Constants.FIXED.equals(entry.getKeyValuePairs().get(Constants.ENTRY_DEVIATION))) {
            scenario(id).reason = "fixed";
        } else {
            evidence.put(id.getUniqueId(), entry.getKeyValuePairs());
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String type = type(id);
        String message = result.getThrowable().map(Throwable::getMessage).orElse(null);
        if (type.equals("step")) {
            Map<String, String> e = evidence.getOrDefault(id.getUniqueId(), Map.of());
            String status = result.getStatus() == TestExecutionResult.Status.ABORTED && message != null && message.startsWith(Constants.EXPECTED_PREFIX)
                    ? "EXPECTED_FAILURE" : result.getStatus().name();
            parent(id).ifPresent(p -> scenario(p).steps.add(new StepResult(id.getDisplayName(), location(id), status, message,
                    e.get(Constants.ENTRY_REQUEST), e.get(Constants.ENTRY_RESPONSE))));
        } else if (type.equals("file") && id.isTest()) {
            var s = scenarios.computeIfAbsent(id.getUniqueId(), k -> new ScenarioResult(id.getDisplayName(), "File could not be read as scenarios", location(id), List.of()));
            s.outcome = Outcome.MALFORMED;
            s.reason = message;
            settled.accept(s);
        } else if (type.equals("scenario")) {
            var s = scenario(id);
            if (s.outcome == Outcome.SKIPPED) return;
            s.durationMillis = s.started == 0 ? 0 : (System.nanoTime() - s.started) / 1_000_000;
            boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED
                    || s.steps.stream().anyMatch(st -> st.status().equals("FAILED"));
            boolean expected = s.steps.stream().anyMatch(st -> st.status().equals("EXPECTED_FAILURE"));
            if (failed) {
                s.outcome = Outcome.FAILED;
                s.reason = result.getThrowable().map(Throwable::getMessage).orElseGet(() -> s.steps.stream()
                        .filter(st -> st.status().equals("FAILED")).map(StepResult::message).findFirst().orElse(null));
            } else if (expected) {
                s.outcome = Outcome.EXPECTED_FAILURE;
                s.reason = s.steps.stream().filter(st -> st.status().equals("EXPECTED_FAILURE")).map(StepResult::message)
                        .findFirst().map(m -> m.substring(Constants.EXPECTED_PREFIX.length()).lines().findFirst().orElse("")).orElse(null);
            } else if ("fixed".equals(s.reason)) {
                s.outcome = Outcome.FIXED;
                s.reason = "passes now: remove it from the expected-deviation manifest";
            } else {
                s.outcome = Outcome.PASSED;
            }
            settled.accept(s);
        } else if (id.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED && parent(id).isEmpty()) {
            // The suite itself failed (target could not be opened): report it as a failure of its own.
            var s = scenarios.computeIfAbsent(id.getUniqueId(), k -> new ScenarioResult("(suite)", "Opening the target", "", List.of()));
            s.outcome = Outcome.FAILED;
            s.reason = message;
        }
    }
}
