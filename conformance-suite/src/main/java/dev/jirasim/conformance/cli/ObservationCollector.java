package dev.jirasim.conformance.cli;

import dev.jirasim.conformance.engine.Constants;
import dev.jirasim.conformance.parity.Observation;
import dev.jirasim.conformance.parity.Run;
import dev.jirasim.conformance.parity.StepRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Turns one run's engine events (step outcomes and the observations steps publish) into a parity {@link Run}. */
final class ObservationCollector implements TestExecutionListener {
    private final Map<String, Observation> observations = new HashMap<>();
    private final List<StepRecord> steps = new ArrayList<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();

    Run run(String target) {
        return new Run(target, steps, skipped, failed);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String json = entry.getKeyValuePairs().get(Constants.ENTRY_OBSERVATION);
        if (json != null) observations.put(id.getUniqueId(), Observation.fromJson(json));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        switch (segment(id, null).getType()) {
            case "scenario" -> skipped.put(segment(id, null).getValue(), reason);
            case "step" -> steps.add(new StepRecord(scenario(id), id.getDisplayName(), StepRecord.Outcome.SKIPPED, reason, null));
            default -> {
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        UniqueId.Segment last = segment(id, null);
        if (last.getType().equals("scenario") && result.getStatus() == TestExecutionResult.Status.FAILED) {
            failed.put(last.getValue(), result.getThrowable().map(t -> String.valueOf(t.getMessage()).lines().findFirst().orElse("")).orElse("failed"));
        }
        if (!last.getType().equals("step")) return;
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        String failure = passed ? null : result.getThrowable().map(t -> firstFailure(t.getMessage())).orElse("failed");
        steps.add(new StepRecord(scenario(id), id.getDisplayName(), passed ? StepRecord.Outcome.PASSED : StepRecord.Outcome.FAILED,
                failure, observations.remove(id.getUniqueId())));
    }

    /** A step's failure message starts with its position and name; the next line is the first unmet expectation. */
    private static String firstFailure(String message) {
        if (message == null) return "failed";
        String[] lines = message.split("\n", 3);
        return lines.length > 1 ? lines[1] : lines[0];
    }

    private static String scenario(TestIdentifier id) {
        return segment(id, "scenario").getValue();
    }

    /** The segment of that type in the id, or the last one for null. */
    private static UniqueId.Segment segment(TestIdentifier id, String type) {
        List<UniqueId.Segment> segments = UniqueId.parse(id.getUniqueId()).getSegments();
        if (type == null) return segments.get(segments.size() - 1);
        return segments.stream().filter(s -> s.getType().equals(type)).findFirst().orElseThrow();
    }
}
