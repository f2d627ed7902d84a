package dev.jirasim.simulator.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.support.SimulatorProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The two jars the build makes: the library that {@code jirasim-junit5} puts on users' test classpaths leaves
 * logging to them; only the runnable jar brings a Logback configuration.
 */
class RunnableJarIT {
    private static final Path TARGET = Path.of("target");

    @Test
    void theLibraryJarHasNoLoggingConfiguration() throws Exception {
        Path library;
        try (var jars = Files.list(TARGET)) {
            library = jars.filter(p -> p.getFileName().toString().matches("jirasim-simulator-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-sources.jar") && !p.getFileName().toString().endsWith("-javadoc.jar")
                    && !p.getFileName().toString().endsWith("-standalone.jar")).findFirst().orElseThrow();
        }
        try (var zip = new ZipFile(library.toFile())) {
            assertNotNull(zip.getEntry("dev/jirasim/simulator/Main.class"), "the library jar itself");
            assertNull(zip.getEntry("logback.xml"), library + " must not configure its users' logging");
            assertNull(zip.getEntry("logback-test.xml"), library.toString());
        }
    }

    @Test
    void theRunnableJarBringsTheCliLoggingConfiguration() throws Exception {
        try (var zip = new ZipFile(TARGET.resolve("jirasim.jar").toFile())) {
            var entry = zip.getEntry("logback.xml");
            assertNotNull(entry, "jirasim.jar needs the CLI's logging config");
            String inJar = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(Files.readString(Path.of("src", "cli", "logback.xml")), inJar);
        }
    }

    @Test
    void theRunnableJarRegistersTheCliConfiguratorAndLogsInTheCliPattern() throws Exception {
        String service = "META-INF/services/ch.qos.logback.classic.spi.Configurator";
        try (var zip = new ZipFile(TARGET.resolve("jirasim.jar").toFile())) {
            var entry = zip.getEntry(service);
            assertNotNull(entry, "jirasim.jar registers CliLogConfigurator");
            assertEquals(Files.readString(Path.of("src", "cli", service)), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
        }
        // What logback.xml prints, set in code: time, level padded to five, the logger's last name, the message.
        List<String> lines = requestLines(Map.of());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  requests - GET /api/me 401 \\d+ms tenant=default"), lines.get(0));
    }

    @Test
    void aLogbackFileNamedOnTheCommandLineWinsOverTheCliConfiguration() throws Exception {
        Path file = Files.createTempFile("jirasim-logback", ".xml");
        try {
            Files.writeString(file, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>custom|%logger|%msg%n</pattern></encoder>
                      </appender>
                      <root level="INFO"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var start = List.of(java, "-Dlogback.configurationFile=" + file, "-jar", TARGET.resolve("jirasim.jar").toString());
            try (var p = SimulatorProcess.run(start, Map.of(), "--port", "0")) {
                String base = p.awaitListening();
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(), HttpResponse.BodyHandlers.discarding());
                p.terminate();
                List<String> lines = p.output().stream().filter(l -> l.contains("GET /api/me 401")).toList();
                assertEquals(1, lines.size(), p.output().toString());
                assertTrue(lines.get(0).startsWith("custom|jirasim.requests|GET /api/me 401 "), lines.get(0));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What `mvn install` puts in the local repository as dev.jirasim:jirasim-simulator:VERSION:jar:standalone. */
    @Test
    void theStandaloneArtifactIsTheRunnableJar() throws Exception {
        Path standalone = TARGET.resolve("jirasim-simulator-" + dev.jirasim.simulator.common.Version.current() + "-standalone.jar");
        try (var a = new ZipFile(standalone.toFile()); var b = new ZipFile(TARGET.resolve("jirasim.jar").toFile())) {
            var names = new java.util.TreeSet<String>();
            a.stream().forEach(e -> names.add(e.getName()));
            var expected = new java.util.TreeSet<String>();
            b.stream().forEach(e -> expected.add(e.getName()));
            assertEquals(expected, names);
            String manifest = new String(a.getInputStream(a.getEntry("META-INF/MANIFEST.MF")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("Main-Class: dev.jirasim.simulator.Main"), manifest);
            assertTrue(manifest.contains("Implementation-Version: " + dev.jirasim.simulator.common.Version.current()), manifest);
        }
    }

    @Test
    void versionPrintsTheBuildsVersionAndExits() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                TARGET.resolve("jirasim.jar").toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("jirasim \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), out);
        assertEquals("jirasim " + dev.jirasim.simulator.common.Version.current(), out);
    }

    @Test
    void theRunnableJarLogsRequestsAtTheLevelAsked() throws Exception {
        assertEquals(1, requestLines(Map.of()).size(), "INFO by default: one line per request");
        assertTrue(requestLines(Map.of(), "--log-level", "warn").isEmpty());
        assertTrue(requestLines(Map.of("JIRASIM_LOG_LEVEL", "ERROR")).isEmpty());
    }

    /** Starts the jar, sends one request and stops it: the request log lines it printed. */
    private static List<String> requestLines(Map<String, String> env, String... options) throws Exception {
        var args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(List.of(options));
        try (var p = SimulatorProcess.launchJar(TARGET.resolve("jirasim.jar"), env, args.toArray(String[]::new))) {
            String base = p.awaitListening();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(), HttpResponse.BodyHandlers.discarding());
            p.terminate();
            return p.output().stream().filter(l -> l.contains("GET /api/me 401")).toList();
        }
    }
}
