package dev.jirasim.conformance.engine;

import dev.jirasim.conformance.model.Target;
import dev.jirasim.conformance.parse.ParseProblem;
import dev.jirasim.conformance.parse.TargetParser;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The target of one run; for {@code embedded}, also the in-process simulator it started. */
final class RunningTarget implements AutoCloseable {
    private final Target target;
    private final JirasimServer sim;

    private RunningTarget(Target target, JirasimServer sim) {
        this.target = target;
        this.sim = sim;
    }

    static RunningTarget open(String spec) throws ParseProblem {
        if (spec == null || spec.isBlank() || spec.equals(Constants.EMBEDDED)) {
            JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
            try {
                String text = resource("/dev/jirasim/conformance/embedded-target.yaml").replace("${baseUrl}", sim.baseUrl());
                return new RunningTarget(TargetParser.parse(Path.of("embedded-target.yaml"), text, System::getenv), sim);
            } catch (ParseProblem | RuntimeException e) {
                sim.close();
                throw e;
            }
        }
        return new RunningTarget(TargetParser.parse(Path.of(spec), System::getenv), null);
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
