package dev.jirasim.maven;

import java.time.Duration;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops the simulator that start started in this project: a SIGTERM, then a kill if it has not ended after
 * {@code stopTimeout} seconds. Failsafe's integration-test goal does not fail the build (its verify goal does), so in
 * a normal build this always runs.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractMojo {
    /** Skips start, stop and conformance. */
    @Parameter(property = "jirasim.skip", defaultValue = "false")
    boolean skip;

    /** Seconds to wait for a graceful end before the process is killed. */
    @Parameter(property = "jirasim.stopTimeout", defaultValue = "10")
    int stopTimeout;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Jirasim: skipped");
            return;
        }
        RunningSimulator sim = Context.simulator(getPluginContext());
        if (sim == null) {
            getLog().info("Jirasim: nothing to stop (start did not run in this project)");
            return;
        }
        try {
            stop(sim, Duration.ofSeconds(stopTimeout), getLog());
        } finally {
            Context.forget(getPluginContext());
        }
    }

    /** Also used by the conformance goal when it fails the build, since post-integration-test will not run then. */
    static void stop(RunningSimulator sim, Duration grace, org.apache.maven.plugin.logging.Log log) throws MojoExecutionException {
        try {
            boolean graceful = sim.stop(grace);
            if (!graceful) log.warn("Jirasim (pid " + sim.pid() + ") did not end within " + grace.toSeconds() + " s and was killed");
        } catch (SimulatorException e) {
            throw new MojoExecutionException("Jirasim: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while stopping Jirasim", e);
        }
        if (sim.portAnswers()) {
            log.warn("Jirasim (pid " + sim.pid() + ") has ended, but something else now answers on port " + sim.port());
        } else {
            log.info("Jirasim (pid " + sim.pid() + ") stopped; port " + sim.port() + " is closed");
        }
    }
}
