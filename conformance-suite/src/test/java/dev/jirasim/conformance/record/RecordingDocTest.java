package dev.jirasim.conformance.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jirasim.conformance.parse.ScenarioParser;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/conformance.md, "Recording a session", as a reader runs it: its two commands, each in a JVM of its own
 * (the jar replaced by this build's class path), against a simulator on a free port. The recorder is stopped
 * the way Ctrl-C stops it (a signal, so the shutdown hook writes the file), and the replay must exit 0.
 */
class RecordingDocTest {
    private static final Pattern BASH = Pattern.compile("(?ms)^```bash\\n(.*?)^```$");
    private static final String JAR = "java -jar conformance-suite/target/jirasim-conformance.jar";

    @Test
    void theRecordAndReplayCommandsOfThePageWork(@TempDir Path dir) throws Exception {
        List<String> commands = commands();
        assertEquals(2, commands.size(), "the section shows the record and the replay command");
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            Path target = Targets.file(dir, sim.baseUrl(), "consent-automation, seed");
            Path out = dir.resolve("my-session.yaml");
            var replace = Map.of("http://localhost:8484", sim.baseUrl(), "--port 8485", "--port 0",
                    "recorded/my-session.yaml", out.toString(), "scenarios/targets/simulator.yaml", target.toString());

            Process recorder = start(commands.get(0), replace, dir.resolve("record.err"));
            try {
                var lines = new BufferedReader(new InputStreamReader(recorder.getInputStream(), StandardCharsets.UTF_8));
                String url = recorderUrl(lines, dir.resolve("record.err"));
                var client = new TestClient(url);
                client.expect(401, "GET", "/api/oauth/token/accessible-resources", Map.of(), null);
                client.expect(200, "GET", "/nango/integrations", Map.of("Authorization", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c"), null);
            } finally {
                recorder.destroy();
            }
            assertTrue(recorder.waitFor(60, TimeUnit.SECONDS), "the recorder stops on a signal");
            String yaml = Files.readString(out);
            assertEquals(2, ScenarioParser.parse(out).get(0).steps().size(), yaml);
            assertTrue(yaml.contains("Bearer ${nangoSecretKey}"), yaml);

            Process replay = start(commands.get(1), replace, dir.resolve("replay.err"));
            String printed = new String(replay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(replay.waitFor(120, TimeUnit.SECONDS), "the replay ends");
            assertEquals(0, replay.exitValue(), printed + Files.readString(dir.resolve("replay.err")));
        }
    }

    private static List<String> commands() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "conformance.md"));
        int start = page.indexOf("## Recording a session");
        int end = page.indexOf("\n## ", start + 1);
        Matcher m = BASH.matcher(page.substring(start, end));
        var commands = new ArrayList<String>();
        while (m.find()) commands.add(m.group(1).replace("\\\n", " ").strip());
        return commands;
    }

    /** The page's command with this build in place of the jar and this test's URLs and files in place of the page's. */
    private static Process start(String command, Map<String, String> replace, Path stderr) throws Exception {
        assertTrue(command.startsWith(JAR), command);
        String line = command.substring(JAR.length());
        for (var r : replace.entrySet()) line = line.replace(r.getKey(), r.getValue());
        var args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "dev.jirasim.conformance.cli.Main"));
        args.addAll(Arrays.asList(line.trim().split("\\s+")));
        return new ProcessBuilder(args).redirectError(stderr.toFile()).start();
    }

    private static String recorderUrl(BufferedReader lines, Path stderr) throws Exception {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher m = Pattern.compile("^Recording on (http://\\S+) ").matcher(line);
            if (m.find()) return m.group(1);
        }
        return fail("the recorder printed no address: " + Files.readString(stderr));
    }
}
