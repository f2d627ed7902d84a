package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.model.Capability;
import dev.jirasim.conformance.model.Deviation;
import dev.jirasim.conformance.model.Target;
import dev.jirasim.conformance.steps.StepRunner;
import dev.jirasim.conformance.steps.Variables;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What a node needs while running: the listener, the target, the manifest, and the current scenario run. */
record ConformanceContext(EngineExecutionListener listener, String targetSpec, List<Deviation> deviations,
                          boolean recordExchanges, RunningTarget running, ScenarioRun run, java.util.function.Function<String, String> env)
        implements EngineExecutionContext {

    Target target() {
        return running.target();
    }

    ConformanceContext withTarget(RunningTarget target) {
        return new ConformanceContext(listener, targetSpec, deviations, recordExchanges, target, run, env);
    }

    ConformanceContext withRun(ScenarioRun next) {
        return new ConformanceContext(listener, targetSpec, deviations, recordExchanges, running, next, env);
    }

    /** Whether the manifest lists this scenario at all (any step) for this target. */
    boolean listed(String scenario) {
        return deviations.stream().anyMatch(d -> d.scenario().equals(scenario) && (d.target() == null || d.target().equals(target().name())));
    }

    Optional<Deviation> deviation(String scenario, String step) {
        return deviations.stream().filter(d -> d.covers(scenario, step, target().name())).findFirst();
    }

    /** State shared by the steps of one scenario: variables, the runner, and the first failed step. */
    static final class ScenarioRun {
        final Variables vars;
        final StepRunner runner;
        String failedStep;
        boolean deviated;

        ScenarioRun(Target target, java.util.Map<String, String> bootstrapped, java.util.function.Function<String, String> env) {
            this.vars = new Variables(env);
            target.baseUrls().forEach(vars::put);
            target.variables().forEach((k, v) -> {
                if (target.secrets().contains(k)) vars.putSecret(k, v);
                else vars.put(k, v);
            });
            bootstrapped.forEach(vars::putSecret);
            vars.put("target", target.name());
            this.runner = new StepRunner(target);
            // Targets that can reach the loopback receiver get an inbox of their own per scenario.
            if (target.has(Capability.WEBHOOKS)) vars.put("webhookUrl", runner.webhookUrl());
        }
    }
}
