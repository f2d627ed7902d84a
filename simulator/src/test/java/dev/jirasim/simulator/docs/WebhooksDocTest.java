package dev.jirasim.simulator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.IssuedTokens;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.NangoFlows;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.WebhookReceiver;
import dev.jirasim.simulator.support.Webhooks;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.WorldFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/webhooks.md runs: every block marked {@code <!-- doc-example: name -->} is checked against what the simulator
 * really does (a request is sent as shown; an answer or payload must have the members shown, with the same JSON types,
 * and at its top level exactly those), the world block loads and its JWT claims arrive, and the Java block is a region
 * of this file that a test runs. The page has no shell commands.
 */
@ExtendWith(SimulatorExtension.class)
class WebhooksDocTest {
    private static final Path PAGE = Path.of("..", "docs", "webhooks.md");
    private static final Path SOURCE = Path.of("src/test/java/dev/jirasim/simulator/docs/WebhooksDocTest.java");
    private static final Pattern EXAMPLE = Pattern.compile("(?ms)^<!-- doc-example: ([a-z-]+) -->\\n```(\\w+)\\n(.*?)^```$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Map<String, String> examples() throws IOException {
        var out = new LinkedHashMap<String, String>();
        Matcher m = EXAMPLE.matcher(Files.readString(PAGE));
        while (m.find()) out.put(m.group(1), m.group(3));
        return out;
    }

    @Test
    void thePageHasNoShellCommandsAndEveryJsonBlockIsAnExample() throws IOException {
        String page = Files.readString(PAGE);
        assertTrue(!page.contains("```bash") && !page.contains("```sh"), "shell blocks would have to be run by a test");
        long json = Pattern.compile("(?m)^```json$").matcher(page).results().count();
        long marked = examples().keySet().stream().filter(k -> !k.equals("junit") && !k.equals("world")).count();
        assertEquals(json, marked, "every JSON block is a checked example");
        assertEquals(List.of("register-request", "register-response", "refresh-response", "issue-updated", "comment-created", "deliveries",
                "junit", "world", "nango-settings", "nango-auth", "nango-auth-failed", "nango-forward"), List.copyOf(examples().keySet()));
    }

    @Test
    void theRegistrationAndRefreshExamplesAreWhatTheApiAnswers(JirasimServer sim) throws Exception {
        Map<String, String> ex = examples();
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        String answer = alice.acme(3).contentType("application/json").body(ex.get("register-request")).post("/webhook").then().statusCode(200)
                .extract().asString();
        assertShaped(ex.get("register-response"), answer, 2);
        assertEquals(JSON.readTree(ex.get("register-response")), JSON.readTree(answer), "the very answer");
        String refreshed = alice.acme(3).contentType("application/json").body("{\"webhookIds\":[1]}").put("/webhook/refresh").then().statusCode(200)
                .extract().asString();
        assertShaped(ex.get("refresh-response"), refreshed, 1);
    }

    @Test
    void thePayloadAndDeliveryExamplesHaveTheMembersOfRealOnes(JirasimServer sim) throws Exception {
        Map<String, String> ex = examples();
        sim.control().setClock(Instant.parse("2030-01-01T10:00:00Z"), true);
        try (var ok = new WebhookReceiver(); var down = new WebhookReceiver().answering(500)) {
            Jira alice = Webhooks.as(sim, OAuth.ALICE);
            Webhooks.register(alice, ok.url("/updated"), "project = ACME", "jira:issue_updated");
            Webhooks.register(alice, ok.url("/comments"), "project = ACME", "comment_created");
            Webhooks.register(alice, down.url("/jira/events"), "project = ACME", "jira:issue_created");
            alice.acme(2).contentType("application/json").body(Map.of("fields", Map.of("summary", "Renamed", "description", "Plain text on the v2 side")))
                    .put("/issue/ACME-1").then().statusCode(204);
            alice.acme(2).contentType("application/json").body(Map.of("body", "Looks good")).post("/issue/ACME-1/comment").then().statusCode(201);
            Webhooks.settle(sim);
            sim.control().clearWebhookDeliveries();
            alice.acme(2).contentType("application/json")
                    .body(Map.of("fields", Map.of("project", Map.of("key", "ACME"), "summary", "s", "issuetype", Map.of("name", "Task"))))
                    .post("/issue").then().statusCode(201);
            Webhooks.settle(sim);

            var updated = ok.received().stream().filter(r -> r.path().equals("/updated")).toList();
            assertShaped(ex.get("issue-updated"), updated.get(0).body(), 1);
            var comment = ok.received().stream().filter(r -> r.path().equals("/comments")).toList();
            assertShaped(ex.get("comment-created"), comment.get(0).body(), 1);
            String deliveries = HTTP.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/webhooks/deliveries")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertShaped(ex.get("deliveries"), deliveries, 2);
        }
    }

    @Test
    void theWorldExampleLoadsAndItsClaimsArrive(JirasimServer sim) throws Exception {
        try (var receiver = new WebhookReceiver()) {
            sim.control().setClock(Instant.parse("2030-01-01T10:00:00Z"), true);
            String block = examples().get("world").replace("http://127.0.0.1:9000/jira", receiver.url("/jira"));
            sim.control().replaceWorld(WorldFiles.toYaml(sim.control().exportWorld()) + block);
            assertEquals(1, sim.control().exportWorld().webhooks().jira().registrations().size());
            Jira alice = Webhooks.as(sim, OAuth.ALICE);
            alice.acme(2).contentType("application/json")
                    .body(Map.of("fields", Map.of("project", Map.of("key", "ACME"), "summary", "s", "issuetype", Map.of("name", "Task"))))
                    .post("/issue").then().statusCode(201);
            Webhooks.settle(sim);
            JsonNode claims = Webhooks.verifiedClaims(receiver.received().get(0).header("Authorization").substring(7), OAuth.CLIENT_SECRET);
            assertEquals(OAuth.CLIENT_ID, claims.path("iss").asText());
            assertEquals(OAuth.ALICE_ID, claims.path("sub").asText());
        }
    }

    @Test
    void theNangoExamplesHaveTheMembersOfRealOnes(JirasimServer sim) throws Exception {
        Map<String, String> ex = examples();
        try (var backend = new WebhookReceiver(); var audit = new WebhookReceiver()) {
            sim.control().nangoWebhooks(new NangoSettings.Webhooks(backend.url("/nango"), audit.url("/nango"), null, null, null, null, null));
            String settings = HTTP.send(HttpRequest.newBuilder(URI.create(sim.adminUrl() + "/nango/webhooks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertShaped(ex.get("nango-settings"), settings, 1);

            NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
            String session = NangoFlows.session(sim, Map.of("end_user", Map.of("id", "u-1", "email", "alice@acme.test")));
            assertEquals(200, NangoFlows.connectWithSession(sim, session).statusCode());
            NangoFlows.settle(sim);
            assertShaped(ex.get("nango-auth"), backend.received().get(0).body(), 1);
            assertEquals(backend.received().get(0).body(), audit.received().get(0).body(), "the secondary URL gets the same");

            // The example's event, posted by "Jira" to the integration's endpoint.
            String event = JSON.readTree(ex.get("nango-forward")).path("payload").toString();
            var post = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/nango/webhook/" + NangoFlows.ENVIRONMENT_UUID + "/jira"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event)).build();
            assertEquals(200, HTTP.send(post, HttpResponse.BodyHandlers.discarding()).statusCode());
            NangoFlows.settle(sim);
            String forward = backend.received().stream().map(WebhookReceiver.Received::body).filter(b -> b.contains("\"type\":\"forward\""))
                    .filter(b -> b.contains("\"connectionId\":\"alice-acme\"")).findFirst().orElseThrow();
            assertShaped(ex.get("nango-forward"), forward, 1);
            assertEquals(JSON.readTree(ex.get("nango-forward")).path("payload"), JSON.readTree(forward).path("payload"));

            sim.control().setClock(null, true);
            sim.control().revokeUser(OAuth.ALICE);
            sim.control().advanceClock(Duration.ofMinutes(50));
            backend.clear();
            NangoFlows.api(sim).queryParam("provider_config_key", "jira").get("/connections/alice-acme").then().statusCode(400);
            NangoFlows.settle(sim);
            assertShaped(ex.get("nango-auth-failed"), backend.received().get(0).body(), 1);
            assertEquals(JSON.readTree(ex.get("nango-auth-failed")), JSON.readTree(backend.received().get(0).body()), "the very body");
        }
    }

    @Test
    void theJavaBlockIsARegionHere() throws IOException {
        String source = Files.readString(SOURCE);
        int begin = source.indexOf("        // doc:begin\n") + "        // doc:begin\n".length();
        int end = source.indexOf("        // doc:end\n");
        var region = new StringBuilder();
        for (String line : source.substring(begin, end).split("\n")) region.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
        assertEquals(examples().get("junit"), region.toString());
    }

    @Test
    void theJunitExampleRuns() throws Exception {
        // doc:begin
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            List<String> received = new CopyOnWriteArrayList<>();
            receiver.createContext("/jira", exchange -> {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();
            SimulatorControl control = sim.control();
            IssuedTokens tokens = control.issueTokens(new TokenRequestSpec("jirasim-client", "alice@acme.test", List.of("acme"),
                    List.of("read:jira-work", "write:jira-work", "manage:jira-webhook")));
            String jira = sim.apiUrl() + "/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70/rest/api/3";

            // The app under test would make these two calls: register, then change an issue.
            post(jira + "/webhook", tokens.accessToken(), """
                    {"url": "http://127.0.0.1:%d/jira", "webhooks": [{"events": ["jira:issue_created"], "jqlFilter": "project = ACME"}]}
                    """.formatted(receiver.getAddress().getPort()));
            post(jira + "/issue", tokens.accessToken(), """
                    {"fields": {"project": {"key": "ACME"}, "summary": "Hello", "issuetype": {"name": "Task"}}}
                    """);

            assertTrue(control.awaitWebhooksIdle(Duration.ofSeconds(5)));
            assertEquals(1, received.size());
            assertEquals("delivered", control.webhookDeliveries().get(0).outcome());
            receiver.stop(0);
        }
        // doc:end
    }

    private static void post(String url, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(status == 200 || status == 201, url + " answered " + status);
    }

    /**
     * {@code actual} has every member {@code doc} shows, with the same JSON type (arrays: their first elements), and
     * down to {@code exactDepth} levels of objects exactly those members.
     */
    private static void assertShaped(String doc, String actual, int exactDepth) throws IOException {
        var problems = new ArrayList<String>();
        shaped(JSON.readTree(doc), JSON.readTree(actual), exactDepth, "$", problems);
        assertEquals(List.of(), problems, "doc example:\n" + doc + "\nactual:\n" + actual);
    }

    private static void shaped(JsonNode doc, JsonNode actual, int exactDepth, String at, List<String> problems) {
        if (actual == null || actual.isMissingNode()) {
            problems.add(at + " is missing");
            return;
        }
        if (doc.getNodeType() != actual.getNodeType()) {
            problems.add(at + " is " + actual.getNodeType() + ", the page shows " + doc.getNodeType());
            return;
        }
        if (doc.isObject()) {
            if (exactDepth > 0) {
                var docNames = new java.util.TreeSet<String>();
                doc.fieldNames().forEachRemaining(docNames::add);
                var actualNames = new java.util.TreeSet<String>();
                actual.fieldNames().forEachRemaining(actualNames::add);
                if (!docNames.equals(actualNames)) problems.add(at + " has members " + actualNames + ", the page shows " + docNames);
            }
            doc.fields().forEachRemaining(e -> shaped(e.getValue(), actual.get(e.getKey()), exactDepth - 1, at + "." + e.getKey(), problems));
        } else if (doc.isArray() && !doc.isEmpty()) {
            shaped(doc.get(0), actual.get(0), exactDepth, at + "[0]", problems);
        }
    }
}
