package dev.jirasim.maven;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A simulator the start goal forked and found ready: its URLs, and how to stop it. */
final class RunningSimulator {
    private final Process process;
    private final Banner banner;
    private final String adminToken;
    private final Path logFile;
    private final SimulatorOutput output;

    RunningSimulator(Process process, Banner banner, String adminToken, Path logFile, SimulatorOutput output) {
        this.process = process;
        this.banner = banner;
        this.adminToken = adminToken;
        this.logFile = logFile;
        this.output = output;
    }

    String baseUrl() {
        return banner.baseUrl().toString();
    }

    int port() {
        return banner.port();
    }

    String version() {
        return banner.version();
    }

    String adminToken() {
        return adminToken;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** The project properties the start goal sets, for Failsafe's systemPropertyVariables and the rest of the pom. */
    Map<String, String> properties() {
        var p = new LinkedHashMap<String, String>();
        p.put("jirasim.baseUrl", baseUrl());
        p.put("jirasim.port", Integer.toString(port()));
        p.put("jirasim.authUrl", baseUrl() + "/auth");
        p.put("jirasim.apiUrl", baseUrl() + "/api");
        p.put("jirasim.nangoUrl", baseUrl() + "/nango");
        p.put("jirasim.adminUrl", baseUrl() + "/__admin");
        return p;
    }

    /**
     * Stops the process: SIGTERM first (the simulator's own shutdown hook closes the server and writes a
     * {@code --state} file), then, if it is still running after {@code grace}, a forcible kill.
     *
     * @return true when it ended within the grace period
     */
    boolean stop(Duration grace) throws SimulatorException, InterruptedException {
        try {
            process.destroy();
            boolean graceful = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!graceful) {
                process.destroyForcibly();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new SimulatorException("the simulator (pid " + process.pid() + ") did not end even when killed");
                }
            }
            output.ended().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return graceful;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } finally {
            if (!process.isAlive()) Forks.unregister(process);
        }
    }

    /** Whether something still accepts connections on the simulator's port (it should not, once stopped). */
    boolean portAnswers() {
        String host = banner.baseUrl().getHost();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host == null ? "localhost" : host, port()), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    URI healthUrl() {
        return HealthWait.healthUrl(banner.baseUrl());
    }
}
