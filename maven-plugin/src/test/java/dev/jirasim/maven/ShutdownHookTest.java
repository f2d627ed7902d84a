package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build aborted between start and stop (SIGTERM to Maven, as Ctrl-C or a CI timeout sends) leaves no simulator. */
class ShutdownHookTest {
    @TempDir
    Path dir;

    @Test
    void aTerminatedBuildTakesItsSimulatorWithIt() throws Exception {
        Process build = new ProcessBuilder(Context.java().toString(), "-Xmx128m",
                "-Djirasim.standaloneJar=" + ForkedSimulators.jar().toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), AbortedBuild.class.getName(), dir.resolve("s.log").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long pid;
        int port;
        try {
            var out = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the stand-in build printed nothing: did the simulator start?");
            var m = Pattern.compile("pid=(\\d+) port=(\\d+)").matcher(line);
            assertTrue(m.find(), line);
            pid = Long.parseLong(m.group(1));
            port = Integer.parseInt(m.group(2));
            assertTrue(answers(port), "the simulator is up while the build runs");
        } finally {
            build.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        }
        assertTrue(build.waitFor(30, TimeUnit.SECONDS), "the stand-in build ended");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the simulator process is gone");
        assertFalse(answers(port), "nothing listens on its port");
    }

    private static boolean answers(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
