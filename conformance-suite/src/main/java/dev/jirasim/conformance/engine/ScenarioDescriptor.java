package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.model.Step;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One scenario: skipped (with the reason) when the target lacks a capability it needs; otherwise its world
 * is reset (targets with 'seed'), its fixture loaded, and its steps run in order.
 */
final class ScenarioDescriptor extends AbstractTestDescriptor implements Node<ConformanceContext> {
    private final Scenario scenario;
    private final Set<TestTag> tags = new LinkedHashSet<>();

    ScenarioDescriptor(UniqueId id, Scenario scenario) {
        super(id, scenario.title(), FileSource.from(scenario.pos().file().toFile(),
                FilePosition.from(scenario.pos().line(), scenario.pos().column())));
        this.scenario = scenario;
        for (String t : scenario.tags()) if (TestTag.isValid(t)) tags.add(TestTag.create(t));
    }

    Scenario scenario() {
        return scenario;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public SkipResult shouldBeSkipped(ConformanceContext context) {
        var missing = new LinkedHashSet<String>();
        for (String c : scenario.neededCapabilities()) if (!context.target().has(c)) missing.add(c);
        if (missing.isEmpty()) return SkipResult.doNotSkip();
        return SkipResult.skip("target '" + context.target().name() + "' lacks capability " + String.join(", ", missing)
                + " (needed by scenario " + scenario.id() + ")");
    }

    @Override
    public ConformanceContext before(ConformanceContext context) {
        var run = new ConformanceContext.ScenarioRun(context.target());
        if (context.target().has("seed")) {
            run.runner.reset();
            if (scenario.fixture() != null) {
                run.runner.run(new Step.ControlStep("fixture", scenario.pos(), Step.ControlStep.Kind.SEED, scenario.fixture()), run.vars);
            }
        }
        return context.withRun(run);
    }

    @Override
    public void after(ConformanceContext context) {
        var run = context.run();
        if (run != null) run.runner.close();
        if (run != null && run.failedStep == null && context.listed(scenario.id())) {
            // Listed as a known failure but it passed: tell the team to shrink the manifest.
            context.listener().reportingEntryPublished(this, ReportEntry.from(Map.of(Constants.ENTRY_DEVIATION, Constants.FIXED)));
        }
    }
}
