package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.steps.Steps;
import java.util.LinkedHashSet;
import java.util.List;
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
        var target = context.target();
        if (target.live() && !scenario.liveSafe()) {
            return SkipResult.skip("not live-safe: target '" + target.name() + "' is live and scenario " + scenario.id()
                    + " is not marked live-safe (it relies on the simulator's world or control API)");
        }
        if (target.live() && scenario.destructive() && !target.allowDestructive()) {
            return SkipResult.skip("destructive: target '" + target.name() + "' does not allow scenarios that write (allowDestructive: true)");
        }
        var services = new LinkedHashSet<String>();
        for (String s : Steps.services(scenario)) if (!target.baseUrls().containsKey(s)) services.add(s);
        if (!services.isEmpty()) {
            return SkipResult.skip("target '" + target.name() + "' has no base URL for " + String.join(", ", services) + " (needed by scenario " + scenario.id() + ")");
        }
        var given = new java.util.HashSet<String>(target.variables().keySet());
        given.addAll(context.running().bootstrapped().keySet());
        given.addAll(List.of("target", "webhookUrl"));
        var absent = new java.util.TreeSet<String>();
        for (String v : Steps.inputs(scenario)) if (!given.contains(v) && !target.baseUrls().containsKey(v)) absent.add(v);
        if (!absent.isEmpty()) {
            return SkipResult.skip("target '" + target.name() + "' gives no " + String.join(", ", absent.stream().map(v -> "${" + v + "}").toList())
                    + " (needed by scenario " + scenario.id() + ")");
        }
        var missing = new LinkedHashSet<String>();
        for (String c : scenario.neededCapabilities()) if (!context.target().has(c)) missing.add(c);
        if (missing.isEmpty()) return SkipResult.doNotSkip();
        return SkipResult.skip("target '" + context.target().name() + "' lacks capability " + String.join(", ", missing)
                + " (needed by scenario " + scenario.id() + ")");
    }

    @Override
    public ConformanceContext before(ConformanceContext context) {
        var run = new ConformanceContext.ScenarioRun(context.target(), context.running().bootstrapped(), context.env());
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
