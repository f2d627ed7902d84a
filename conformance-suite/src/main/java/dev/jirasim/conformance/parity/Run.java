package dev.jirasim.conformance.parity;

import java.util.List;
import java.util.Map;

/**
 * The scenarios as run against one target.
 *
 * @param steps   every step that was reached or skipped, in run order
 * @param skipped scenarios skipped as a whole (the target lacks a capability), with the reason
 * @param failed  scenarios that failed outside their steps (resetting the world, loading the fixture), with the reason
 */
public record Run(String target, List<StepRecord> steps, Map<String, String> skipped, Map<String, String> failed) {
    public Run {
        steps = List.copyOf(steps);
        skipped = Map.copyOf(skipped);
        failed = Map.copyOf(failed);
    }
}
