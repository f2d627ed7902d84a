package dev.jirasim.simulator.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.support.SimulatorProcess;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jirasim} script's class-data archive, in a copy of the repository layout (script, poms, sources
 * older than the built jar, so it never rebuilds): it is recorded once, never from {@code --help}, and never
 * left stale when the jar changes under a running simulator.
 */
class JirasimScriptIT {
    @TempDir
    Path repo;
    Path jar;
    Path jsa;

    @BeforeEach
    void copyTheLayout() throws Exception {
        Path script = repo.resolve("jirasim");
        Files.copy(Path.of("..", "jirasim"), script);
        assertTrue(script.toFile().setExecutable(true));
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (String f : List.of("pom.xml", "simulator/pom.xml", "simulator/src/main/x", "simulator/src/cli/x")) {
            Path p = repo.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
            Files.setLastModifiedTime(p, old);
        }
        Files.setLastModifiedTime(repo.resolve("simulator/src/main"), old);
        Files.setLastModifiedTime(repo.resolve("simulator/src/cli"), old);
        jar = repo.resolve("simulator/target/jirasim.jar");
        jsa = repo.resolve("simulator/target/jirasim.jsa");
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of("target", "jirasim.jar"), jar);
    }

    @Test
    void helpWritesNoArchive() throws Exception {
        Process p = new ProcessBuilder(repo.resolve("jirasim").toString(), "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Usage: java -jar jirasim.jar"), out);
        try (var files = Files.list(jar.getParent())) {
            assertEquals(List.of(jar), files.toList(), "nothing beside the jar");
        }
    }

    @Test
    void aJarRebuiltWhileRecordingGetsAFreshArchive() throws Exception {
        // First run: records. The jar is rebuilt while it runs, so the archive it leaves at exit is newer
        // than the jar, yet made from the old one.
        try (var sim = start()) {
            sim.awaitListening();
            rebuildJar();
            assertEquals(143, sim.terminate(), "stopped by SIGTERM");
        }
        assertTrue(Files.exists(jsa), "the archive is written at exit");
        assertTrue(Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) > 0);
        String refused = mapStrictly();
        assertTrue(refused.contains("A jar file is not the one used while building the shared archive file"), refused);

        // Second run: the script notices and records again; the new archive fits the jar.
        try (var sim = start()) {
            sim.awaitListening();
            sim.terminate();
        }
        assertEquals("", mapStrictly(), "a fresh archive, accepted as it is");

        // Third run: the archive is used, not recorded again.
        byte[] archive = Files.readAllBytes(jsa);
        try (var sim = start()) {
            sim.awaitListening();
            sim.terminate();
        }
        assertArrayEquals(archive, Files.readAllBytes(jsa));
    }

    @Test
    void withCdsOffNothingIsRecorded() throws Exception {
        try (var sim = SimulatorProcess.run(List.of(repo.resolve("jirasim").toString()), Map.of("JIRASIM_CDS", "off"), "--port", "0")) {
            sim.awaitListening();
            sim.terminate();
        }
        assertFalse(Files.exists(jsa));
    }

    private SimulatorProcess start() throws Exception {
        return SimulatorProcess.run(List.of(repo.resolve("jirasim").toString()), Map.of(), "--port", "0");
    }

    /** A different jar written beside and renamed over the old one, as a build does: new content, new file. */
    private void rebuildJar() throws Exception {
        Path next = jar.resolveSibling("next.jar");
        Files.copy(jar, next);
        try (var zip = FileSystems.newFileSystem(URI.create("jar:" + next.toUri()), Map.of())) {
            Files.writeString(zip.getPath("rebuilt.txt"), "a later build");
        }
        Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Maps the archive with -Xshare:on, where the JVM fails instead of quietly running without it; the error, or "". */
    private String mapStrictly() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:SharedArchiveFile=" + jsa,
                // from the script's directory, with its relative path: the archive records the class path as given
                "-Xshare:on", "-jar", "simulator/target/jirasim.jar", "--help").directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue() == 0 ? "" : out;
    }
}
