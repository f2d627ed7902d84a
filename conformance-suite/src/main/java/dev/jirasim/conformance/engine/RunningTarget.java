package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.model.Target;
import dev.jirasim.conformance.parse.ParseProblem;
import dev.jirasim.conformance.parse.TargetParser;
import dev.jirasim.conformance.steps.Exchange;
import dev.jirasim.conformance.steps.StepFailure;
import dev.jirasim.conformance.steps.StepRunner;
import dev.jirasim.conformance.steps.Variables;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The target of one run; for {@code embedded}, also the in-process simulator it started. A target with bootstrap steps
 * runs them once here; what they capture is handed to every scenario (as secrets) and written back where asked.
 */
final class RunningTarget implements AutoCloseable {
    private final Target target;
    private final JirasimServer sim;
    private final Map<String, String> bootstrapped;
    private final Function<String, String> env;

    private RunningTarget(Target target, JirasimServer sim, Function<String, String> env) {
        this.target = target;
        this.sim = sim;
        this.env = env;
        this.bootstrapped = bootstrap(target, env);
    }

    /** The environment the run reads ({@code ${env.…}}): the process's, unless a test gave its own. */
    Function<String, String> env() {
        return env;
    }

    /** Variables the bootstrap captured (empty without one). */
    Map<String, String> bootstrapped() {
        return bootstrapped;
    }

    private static Map<String, String> bootstrap(Target target, Function<String, String> env) {
        if (target.bootstrap().isEmpty()) return Map.of();
        var vars = new Variables(env);
        target.baseUrls().forEach(vars::put);
        target.variables().forEach((k, v) -> {
            if (target.secrets().contains(k)) vars.putSecret(k, v);
            else vars.put(k, v);
        });
        var runner = new StepRunner(target);
        for (Step step : target.bootstrap()) {
            try {
                runner.run(step, vars);
            } catch (StepFailure e) {
                Exchange x = runner.lastExchange();
                throw new IllegalStateException("bootstrap of target '" + target.name() + "' failed at '" + step.name() + "': " + e.getMessage()
                        + (x == null ? "" : "\n--- request ---\n" + x.requestText() + "\n--- response ---\n" + x.responseText()));
            }
        }
        var captured = new LinkedHashMap<String, String>();
        vars.values().forEach((k, v) -> {
            if (!target.baseUrls().containsKey(k) && !v.equals(target.variables().get(k))) captured.put(k, v);
        });
        // A rotated refresh token replaces the spent one at once: the next run must not present the old one.
        target.writeBack().forEach((variable, envName) -> {
            String value = captured.get(variable);
            if (value == null) throw new IllegalStateException("bootstrap of target '" + target.name() + "' captured no " + variable + " to write back");
            try {
                Files.writeString(Path.of(env.apply(envName)), value + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + variable + " back to the file " + envName + " names", e);
            }
        });
        return Map.copyOf(captured);
    }

    static RunningTarget open(String spec, Function<String, String> env) throws ParseProblem {
        if (spec == null || spec.isBlank() || spec.equals(Constants.EMBEDDED)) {
            JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
            try {
                String text = resource("/dev/jirasim/conformance/embedded-target.yaml").replace("${baseUrl}", sim.baseUrl());
                return new RunningTarget(TargetParser.parse(Path.of("embedded-target.yaml"), text, env), sim, env);
            } catch (ParseProblem | RuntimeException e) {
                sim.close();
                throw e;
            }
        }
        return new RunningTarget(TargetParser.parse(Path.of(spec), env), null, env);
    }

    Target target() {
        return target;
    }

    private static String resource(String name) {
        try (InputStream in = RunningTarget.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    @Override
    public void close() {
        if (sim != null) sim.close();
    }
}
