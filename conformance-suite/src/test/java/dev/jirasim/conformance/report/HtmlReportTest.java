package dev.jirasim.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.cli.ConformanceRun;
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
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML report opens with one stacked bar per service and per tag whose segments are the run's counts. */
class HtmlReportTest {
    /** Two service folders, a folder of the team's own, every outcome but FIXED, one scenario without tags. */
    private static Path scenarios(Path dir) throws Exception {
        Path auth = Files.createDirectories(dir.resolve("scenarios/atlassian-auth"));
        Path cloud = Files.createDirectories(dir.resolve("scenarios/jira-cloud"));
        Path own = Files.createDirectories(dir.resolve("scenarios/my-checks"));
        Files.writeString(auth.resolve("unknown-client.yaml"), """
                id: unknown-client-is-refused
                title: A token request with an unknown client is refused
                tags: [atlassian-auth, token]
                steps:
                  - name: Ask for a token
                    request: {method: POST, url: "${auth}/oauth/token", json: {grant_type: client_credentials, client_id: nobody, client_secret: x}}
                    expect: {status: [400, 401]}
                """);
        Files.writeString(auth.resolve("needs-clock.yaml"), """
                id: needs-the-clock
                title: Needs a clock the target does not offer
                tags: [atlassian-auth, clock]
                requires: [clock]
                steps:
                  - advanceClock: 60
                """);
        Files.writeString(cloud.resolve("teapot.yaml"), """
                id: expects-a-teapot
                title: Expects what no server says
                tags: [jira-cloud, errors]
                steps:
                  - name: Ask for a teapot
                    request: {url: "${api}/oauth/token/accessible-resources"}
                    expect: {status: 418}
                """);
        Files.writeString(cloud.resolve("known-gap.yaml"), """
                id: a-known-gap
                title: Fails in a way the manifest lists
                tags: [jira-cloud, errors]
                steps:
                  - name: Ask for a coffee pot
                    request: {url: "${api}/oauth/token/accessible-resources"}
                    expect: {status: 419}
                """);
        Files.writeString(cloud.resolve("untagged.yaml"), """
                id: no-token-no-resources
                title: Accessible resources need a token
                steps:
                  - name: Ask without a token
                    request: {url: "${api}/oauth/token/accessible-resources"}
                    expect: {status: 401}
                """);
        Files.writeString(own.resolve("broken.yaml"), "id: [not, a, scenario\n");
        return dir.resolve("scenarios");
    }

    @Test
    void theBarsCountEachServiceAndTagsOutcomesAndThePageParsesAsXml(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        Path manifest = Files.writeString(dir.resolve("expected-deviations.yaml"), """
                deviations:
                  - scenario: a-known-gap
                    reason: known gap, ticket JS-2
                """);
        Results results;
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            Path target = Targets.file(dir, sim.baseUrl(), "seed");
            results = new ConformanceRun(target.toString(), List.of(scenarios(dir)), null, reports, manifest)
                    .execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        assertEquals(6, results.scenarios().size());

        Document page = parse(reports.resolve("conformance-report.html"));
        var services = bars(page, "service");
        var tags = bars(page, "tag");
        assertEquals(Map.of(
                "Atlassian auth", Map.of("PASSED", 1, "SKIPPED", 1),
                "Jira Cloud", Map.of("PASSED", 1, "FAILED", 1, "EXPECTED_FAILURE", 1),
                "my-checks", Map.of("MALFORMED", 1)), services);
        assertEquals(Map.of(
                "atlassian-auth", Map.of("PASSED", 1, "SKIPPED", 1),
                "token", Map.of("PASSED", 1),
                "clock", Map.of("SKIPPED", 1),
                "jira-cloud", Map.of("FAILED", 1, "EXPECTED_FAILURE", 1),
                "errors", Map.of("FAILED", 1, "EXPECTED_FAILURE", 1),
                "(no tags)", Map.of("PASSED", 1, "MALFORMED", 1)), tags);

        // The same numbers, counted from the results rather than written down.
        var byFolder = new TreeMap<String, Map<String, Integer>>();
        var byTag = new TreeMap<String, Map<String, Integer>>();
        for (Results.ScenarioResult s : results.scenarios()) {
            byFolder.computeIfAbsent(SummaryBars.service(s.folder()), k -> new TreeMap<>()).merge(s.outcome.name(), 1, Integer::sum);
            for (String t : s.tags.isEmpty() ? List.of("(no tags)") : s.tags) byTag.computeIfAbsent(t, k -> new TreeMap<>()).merge(s.outcome.name(), 1, Integer::sum);
        }
        assertEquals(byFolder, services);
        assertEquals(byTag, tags);

        // The summary comes before the scenario table, and the legend names the outcomes this run had.
        String html = Files.readString(reports.resolve("conformance-report.html"));
        assertTrue(html.indexOf("id=\"summary\"") < html.indexOf("<th>Outcome</th>"));
        var legend = new ArrayList<String>();
        NodeList items = ((Element) byClass(page, "ul", "legend").get(0)).getElementsByTagName("li");
        for (int i = 0; i < items.getLength(); i++) legend.add(items.item(i).getTextContent());
        assertEquals(List.of("passed", "failed", "malformed", "expected failure", "skipped"), legend);
    }

    /** Every bar of one kind: its name, and per outcome the count its segment shows, checked against its width and text. */
    private static Map<String, Map<String, Integer>> bars(Document page, String group) {
        var out = new TreeMap<String, Map<String, Integer>>();
        Element table = byClass(page, "table", "bars").stream().filter(t -> t.getAttribute("data-group").equals(group)).findFirst().orElseThrow();
        NodeList rows = table.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            String name = row.getElementsByTagName("th").item(0).getTextContent();
            Element bar = (Element) row.getElementsByTagName("div").item(0);
            assertEquals("img", bar.getAttribute("role"));
            var counts = new TreeMap<String, Integer>();
            NodeList segments = bar.getElementsByTagName("span");
            for (int j = 0; j < segments.getLength(); j++) {
                Element seg = (Element) segments.item(j);
                String outcome = seg.getAttribute("class").replace("seg o-", "");
                int n = Integer.parseInt(seg.getTextContent());
                assertEquals("flex:" + n + " 1 0", seg.getAttribute("style"), "a segment's width is its count's share");
                assertEquals(n + " " + SummaryBars.word(Results.Outcome.valueOf(outcome), n), seg.getAttribute("title"));
                counts.put(outcome, n);
            }
            String text = row.getElementsByTagName("td").item(1).getTextContent();
            assertEquals(name + ": " + text, bar.getAttribute("aria-label"), "the bar's accessible text is its counts");
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(text.startsWith(total + " scenario"), text);
            out.put(name, counts);
        }
        return out;
    }

    private static List<Element> byClass(Document page, String tag, String cls) {
        var out = new ArrayList<Element>();
        NodeList all = page.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) out.add(e);
        }
        return out;
    }

    /** The JDK's XML parser, which accepts the report only if every element is closed and every entity is XML's. */
    private static Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
