package dev.jirasim.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** What a CI job reads: a progress line per scenario, one JUnit test case per scenario, JSON, Markdown, the exit. */
class ReportsTest {
    private static JirasimServer sim;

    @BeforeAll
    static void start() {
        sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Path scenarios(Path dir) throws Exception {
        Path d = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(d.resolve("good.yaml"), """
                id: unknown-client-is-refused
                title: A token request with an unknown client is refused
                steps:
                  - name: Ask for a token
                    request: {method: POST, url: "${auth}/oauth/token", json: {grant_type: client_credentials, client_id: nobody, client_secret: x}}
                    expect: {status: [400, 401]}
                  - name: Ask again
                    request: {method: POST, url: "${auth}/oauth/token", json: {grant_type: client_credentials, client_id: nobody, client_secret: x}}
                    expect: {status: [400, 401]}
                """);
        Files.writeString(d.resolve("bad.yaml"), """
                id: expects-a-teapot
                title: Expects what no server says
                steps:
                  - name: Ask for a teapot
                    request: {url: "${api}/oauth/token/accessible-resources"}
                    expect: {status: 418}
                """);
        Files.writeString(d.resolve("skipped.yaml"), """
                id: needs-the-clock
                title: Needs a clock the target does not offer
                requires: [clock]
                steps:
                  - advanceClock: 60
                """);
        return d;
    }

    @Test
    void aRunPrintsProgressWritesOneTestCasePerScenarioAndNamesItsFailures(@TempDir Path dir) throws Exception {
        Path target = Targets.file(dir, sim.baseUrl(), "seed");
        Path reports = dir.resolve("reports");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--target", target.toString(), "--scenarios", scenarios(dir).toString(), "--report", reports.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("jirasim-conformance: failed: expects-a-teapot", err.toString(StandardCharsets.UTF_8).strip());

        // One line per scenario as it ends, numbered against the total, with its time.
        var progress = new ArrayList<String>();
        var line = Pattern.compile("^\\[(\\d)/3] (PASS |FAIL |SKIP ) (\\S+)( \\(\\d+ ms\\))?$", Pattern.MULTILINE).matcher(out.toString(StandardCharsets.UTF_8));
        while (line.find()) progress.add(line.group(1) + " " + line.group(2).strip() + " " + line.group(3));
        assertEquals(List.of("1 FAIL expects-a-teapot", "2 PASS unknown-client-is-refused", "3 SKIP needs-the-clock"), progress);

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("TEST-jirasim-conformance.xml").toFile());
        Element suite = doc.getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"), "scenarios, not steps");
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        var cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element bad = (Element) cases.item(0);
        assertEquals("expects-a-teapot", bad.getAttribute("name"));
        assertEquals("jirasim-conformance.scenarios", bad.getAttribute("classname"));
        assertEquals(1, bad.getElementsByTagName("failure").getLength());
        Element good = (Element) cases.item(1);
        String steps = good.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(steps.contains("SUCCESSFUL       Ask for a token") && steps.contains("SUCCESSFUL       Ask again"), steps);
        assertTrue(Double.parseDouble(good.getAttribute("time")) >= 0);

        JsonNode json = new ObjectMapper().readTree(reports.resolve("conformance-report.json").toFile());
        assertEquals(1, json.path("totals").path("passed").asInt());
        assertEquals(List.of("expects-a-teapot"), List.of(json.path("failed").get(0).asText()));
        assertEquals("PASSED", json.path("scenarios").get(1).path("outcome").asText());
        assertEquals(2, json.path("scenarios").get(1).path("steps").size());
        assertTrue(json.path("scenarios").get(1).path("durationMillis").isIntegralNumber());

        String md = Files.readString(reports.resolve("conformance-summary.md"));
        assertTrue(md.startsWith("## Jirasim conformance: failed"), md);
        assertTrue(md.contains("| FAIL | 1 |") && md.contains("| PASS | 1 |") && md.contains("| SKIP | 1 |"), md);
        assertTrue(md.contains("- **expects-a-teapot**"), md);
        assertTrue(md.contains("1 × target '") && md.contains("lacks capability clock"), md);
    }
}
