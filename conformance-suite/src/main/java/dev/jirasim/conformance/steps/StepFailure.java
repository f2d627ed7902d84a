package dev.jirasim.conformance.steps;

/** A step that ran and did not meet its expectations (or could not run: undefined variable, no connection). */
public class StepFailure extends RuntimeException {
    public StepFailure(String message) {
        super(message, null, false, false);
    }
}
