package dev.jirasim.conformance.parity;

/**
 * How one step went on one target.
 *
 * @param failure     the first unmet expectation when it failed, the reason when it was skipped, else null
 * @param observation the exchange, for HTTP steps that got an answer; else null
 */
public record StepRecord(String scenario, String step, Outcome outcome, String failure, Observation observation) {
    public enum Outcome { PASSED, FAILED, SKIPPED }
}
