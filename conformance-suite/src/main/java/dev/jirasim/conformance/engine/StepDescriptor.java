package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.steps.Exchange;
import dev.jirasim.conformance.steps.StepFailure;
import dev.jirasim.conformance.steps.Steps;
import dev.jirasim.conformance.steps.StepRunner;
import java.util.LinkedHashMap;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One step. After a step fails, the scenario's later steps are skipped with the reason, except its cleanup steps. A failure the
 * manifest expects is reported as aborted ("Expected deviation: …"), so it does not fail the gate.
 */
final class StepDescriptor extends AbstractTestDescriptor implements Node<ConformanceContext> {
    private final Step step;
    private final String scenarioId;
    private final Set<TestTag> tags;
    /** A cleanup step runs even after a failure; it is skipped only when what it would remove was never made. */
    private final boolean cleanup;

    StepDescriptor(UniqueId id, Step step, String scenarioId, Set<TestTag> tags, boolean cleanup) {
        super(id, step.name(), FileSource.from(step.pos().file().toFile(), FilePosition.from(step.pos().line(), step.pos().column())));
        this.step = step;
        this.scenarioId = scenarioId;
        this.tags = tags;
        this.cleanup = cleanup;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public SkipResult shouldBeSkipped(ConformanceContext context) {
        if (cleanup) {
            String missing = context.run().vars.firstUndefined(Steps.templates(step));
            return missing == null ? SkipResult.doNotSkip() : SkipResult.skip("nothing to clean up: ${" + missing + "} was never captured");
        }
        String failed = context.run().failedStep;
        return failed == null ? SkipResult.doNotSkip() : SkipResult.skip("an earlier step failed: " + failed);
    }

    @Override
    public ConformanceContext execute(ConformanceContext context, DynamicTestExecutor executor) {
        var run = context.run();
        try {
            run.runner.run(step, run.vars);
            publish(context, run.runner);
        } catch (StepFailure failure) {
            if (run.failedStep == null) run.failedStep = step.name();
            Exchange exchange = run.runner.lastExchange();
            publish(context, run.runner);
            String message = step.pos() + " " + step.name() + "\n" + failure.getMessage()
                    + (exchange == null ? "" : "\n--- request ---\n" + exchange.requestText() + "\n--- response ---\n" + exchange.responseText());
            var deviation = context.deviation(scenarioId, step.name());
            if (deviation.isPresent()) {
                run.deviated = true;
                throw new TestAbortedException(Constants.EXPECTED_PREFIX + deviation.get().reason() + "\n" + message);
            }
            throw new AssertionFailedError(message);
        }
        return context;
    }

    private void publish(ConformanceContext context, StepRunner runner) {
        Exchange exchange = runner.lastExchange();
        if (exchange == null) return;
        var entry = new LinkedHashMap<String, String>();
        entry.put(Constants.ENTRY_REQUEST, exchange.requestText());
        entry.put(Constants.ENTRY_RESPONSE, exchange.responseText());
        if (context.recordExchanges() && runner.lastObservation() != null) entry.put(Constants.ENTRY_OBSERVATION, runner.lastObservation().toJson());
        context.listener().reportingEntryPublished(this, ReportEntry.from(entry));
    }
}
