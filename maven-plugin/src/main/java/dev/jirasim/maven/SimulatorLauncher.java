package dev.jirasim.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forks the simulator and waits until it is ready: first its banner (which names the port it took), then its health
 * probe. If it exits or the timeout passes first, it is killed and the failure carries its last lines of output.
 */
final class SimulatorLauncher {
    private SimulatorLauncher() {
    }

    static RunningSimulator start(SimulatorCommand command, Path logFile, Duration timeout) throws SimulatorException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        var builder = new ProcessBuilder(command.command()).redirectErrorStream(true);
        command.applyTo(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SimulatorException("could not run " + command.java() + ": " + e.getMessage(), e);
        }
        Forks.register(process);
        try {
            SimulatorOutput output = SimulatorOutput.follow(process.getInputStream(), logFile);
            Banner banner = awaitBanner(process, output, deadline, timeout, logFile);
            // With --no-admin every /__admin path is a 404 by design; the banner comes once the world is loaded.
            if (!command.noAdmin()) {
                try {
                    HealthWait.await(banner.baseUrl(), deadline, pause -> process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS));
                } catch (SimulatorException e) {
                    throw failure(e.getMessage(), process, output, logFile);
                }
            }
            return new RunningSimulator(process, banner, command.adminToken(), logFile, output);
        } catch (IOException e) {
            kill(process);
            throw new SimulatorException("could not write the simulator's output to " + logFile + ": " + e.getMessage(), e);
        } catch (SimulatorException | InterruptedException | RuntimeException e) {
            kill(process);
            throw e;
        }
    }

    private static Banner awaitBanner(Process process, SimulatorOutput output, Instant deadline, Duration timeout, Path logFile)
            throws SimulatorException, InterruptedException {
        try {
            long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return output.banner().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure("the simulator did not start listening within " + timeout.toSeconds() + " s", process, output, logFile);
        } catch (ExecutionException e) {
            String status = process.waitFor(5, TimeUnit.SECONDS) ? "exited with status " + process.exitValue() : "closed its output";
            throw failure("the simulator " + status + " before it was ready", process, output, logFile);
        }
    }

    private static SimulatorException failure(String what, Process process, SimulatorOutput output, Path logFile) throws InterruptedException {
        kill(process);
        // The log file is complete only once the follower has read to the end of the output.
        try {
            output.ended().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the tail below is what we have
        }
        return new SimulatorException(what + ". Its last output (all of it in " + logFile + "):\n" + output.tail());
    }

    private static void kill(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (!process.isAlive()) Forks.unregister(process);
    }
}
