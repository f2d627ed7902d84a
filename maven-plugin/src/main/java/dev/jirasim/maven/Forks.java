package dev.jirasim.maven;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the plugin forked (simulators, conformance runs) and has not stopped, for one JVM shutdown hook: a build that is
 * aborted (Ctrl-C, a failing goal before post-integration-test, a CI timeout's SIGTERM) never leaves one running.
 * Only a SIGKILL of Maven itself gets past it.
 */
final class Forks {
    static final Duration HOOK_GRACE = Duration.ofSeconds(5);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static boolean hookInstalled;

    private Forks() {
    }

    static synchronized void register(Process process) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Forks::stopAll, "jirasim-stop-on-exit"));
            hookInstalled = true;
        }
        RUNNING.add(process);
    }

    static void unregister(Process process) {
        RUNNING.remove(process);
    }

    static boolean isRegistered(Process process) {
        return RUNNING.contains(process);
    }

    private static void stopAll() {
        for (Process process : RUNNING) process.destroy();
        for (Process process : RUNNING) {
            try {
                if (!process.waitFor(HOOK_GRACE.toMillis(), TimeUnit.MILLISECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
