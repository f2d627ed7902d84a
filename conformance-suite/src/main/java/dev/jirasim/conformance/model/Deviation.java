package dev.jirasim.conformance.model;

/** A known failure on a target: a scenario (optionally one step) expected to fail, and why. */
public record Deviation(String scenario, String step, String target, String reason) {
    public boolean covers(String scenarioId, String stepName, String targetName) {
        return scenario.equals(scenarioId) && (step == null || step.equals(stepName))
                && (target == null || target.equals(targetName));
    }
}
