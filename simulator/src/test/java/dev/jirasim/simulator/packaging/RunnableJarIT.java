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
                    && !p.getFileName().toString().endsWith("-sources.jar")).findFirst().orElseThrow();
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
