package dev.jirasim.conformance.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jirasim.conformance.cli.ParityCommand;
import dev.jirasim.conformance.mutation.MutatingProxy.Exchange;
import dev.jirasim.conformance.parity.Parity;
import dev.jirasim.conformance.parity.ParityReport;
import dev.jirasim.conformance.parity.ParityResult;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parity run between the simulator and a simulator behind a proxy with three wrong behaviours lists exactly
 * those three, at their endpoints, and nothing else. The dropped field is one no scenario checks: parity
 * finds what the conformance expectations do not.
 */
class ParityMutationTest {
    private static final String ALL = "clock, consent-automation, seed, journal, faults, webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER_INFO = "GET ${api}/ex/jira/{cloudId}/rest/api/3/serverInfo";
    private static final String RESOURCES = "GET ${api}/oauth/token/accessible-resources";
    private static final String ISSUE = "GET ${api}/ex/jira/{cloudId}/rest/api/3/issue/{issueIdOrKey}";

    /** Three wrong behaviours at once: a changed status, a dropped field, a string turned number. */
    private static Exchange mutate(Exchange e) {
        if (e.path().endsWith("/rest/api/3/serverInfo") && e.status() == 200) e = e.withStatus(203);
        if (e.path().equals("/api/oauth/token/accessible-resources") && e.status() == 200) {
            e = json(e, n -> ((ArrayNode) n).forEach(site -> ((ObjectNode) site).remove("avatarUrl")));
        }
        if (e.method().equals("GET") && e.status() == 200 && e.path().matches("/api/ex/jira/[^/]+/rest/api/3/issue/(?!createmeta)[^/]+")) {
            e = json(e, n -> ((ObjectNode) n).put("id", Long.parseLong(n.get("id").asText())));
        }
        return e;
    }

    @Test
    void listsExactlyTheMutatedBehaviours(@TempDir Path dir) throws Exception {
        try (MutatingProxy proxy = new MutatingProxy(null);
             JirasimServer a = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
             // Behind the proxy as behind any reverse proxy: the URLs it emits (Nango's redirect to authorize) lead back through it.
             JirasimServer b = JirasimServer.start(SimulatorConfig.builder().randomPort().publicUrl(proxy.baseUrl()).build())) {
            proxy.upstream("http://localhost:" + b.port());
            proxy.mutate(MutatingProxy.Mutation.rewriting("three at once", ParityMutationTest::mutate));
            ParityResult result = ParityCommand.compare(Targets.file(dir, a.baseUrl(), ALL).toString(),
                    Targets.file(dir, proxy.baseUrl(), ALL).toString(), List.of(Targets.SCENARIOS), null);
            assertNotNull(result);
            String report = ParityReport.markdown(result);

            Map<String, Set<String>> found = result.endpoints().stream().filter(e -> !e.differences().isEmpty())
                    .collect(Collectors.toMap(ParityResult.Endpoint::name, e -> e.differences().keySet(), (x, y) -> x, TreeMap::new));
            assertEquals(Set.of(SERVER_INFO, RESOURCES, ISSUE), found.keySet(), report);
            assertEquals(Set.of("status: 200 → 203", "fails on B: status: expected 200 but was 203"), found.get(SERVER_INFO), report);
            assertEquals(Set.of("$[*].avatarUrl: string → absent"), found.get(RESOURCES), report);
            assertTrue(found.get(ISSUE).contains("$.id: string → number"), report);
            for (String line : found.get(ISSUE)) {
                assertTrue(line.equals("$.id: string → number") || line.startsWith("fails on B: $.id"), "only the id's type differs: " + line);
            }
            assertEquals(List.of(), result.differences(), report);
            // What a failed step stopped on B is noted, never counted, and only in scenarios a mutation broke.
            Set<String> broken = new TreeSet<>();
            for (String endpoint : found.keySet()) {
                result.endpoints().stream().filter(e -> e.name().equals(endpoint)).findFirst().orElseThrow().differences()
                        .forEach((line, scenarios) -> {
                            if (line.startsWith("fails on B")) broken.addAll(scenarios);
                        });
            }
            for (ParityResult.ScenarioLine note : result.notes()) {
                assertTrue(broken.contains(note.scenario()) || note.text().contains(Parity.SKIPPED_ON_BOTH), "unexpected note: " + note);
            }
        }
    }

    private static Exchange json(Exchange e, java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> change) {
        try {
            var n = JSON.readTree(e.body());
            change.accept(n);
            return e.withBody(JSON.writeValueAsString(n));
        } catch (Exception notJson) {
            throw new IllegalStateException("expected JSON from " + e.path(), notJson);
        }
    }
}
