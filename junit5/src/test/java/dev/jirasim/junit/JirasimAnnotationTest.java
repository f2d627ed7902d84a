package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@Jirasim
class JirasimAnnotationTest {
    JirasimHandle field;

    @Test
    void parameterAndFieldAreTheSameFreshWorld(JirasimHandle sim) {
        assertNotNull(field);
        assertEquals(sim.tenantId(), field.tenantId());
        assertTrue(sim.baseUrl().endsWith("/t/" + sim.tenantId()), sim.baseUrl());
        assertEquals(sim.apiUrl() + "/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70", sim.jiraUrl("acme"));
        assertEquals(sim.jiraUrl("7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70"), sim.jiraUrl("acme"));
        assertTrue(sim.control().journal().isEmpty());
    }

    @Test
    void tokensWorkAgainstTheGatewayAndTheJournalVerifiesCalls(JirasimHandle sim) {
        var tokens = sim.tokens("bob@acme.test", "acme");
        assertNotNull(tokens.refreshToken());
        Http.Answer me = Http.get(sim.jiraUrl("acme") + "/rest/api/3/myself", tokens.accessToken());
        assertEquals(200, me.status(), me.body());
        assertTrue(me.body().contains("\"emailAddress\":\"bob@acme.test\""));

        sim.journal().verify(1, RequestPattern.get("/api/ex/jira/*/rest/api/3/myself").withHeader("Authorization").withStatus(200));
        sim.journal().verifyNone(RequestPattern.post("/auth/oauth/token"));
        var error = assertThrows(RequestJournal.VerificationError.class,
                () -> sim.journal().verify(2, RequestPattern.get("/api/ex/jira/*/rest/api/3/myself")));
        assertTrue(error.getMessage().contains("Expected 2 request(s) matching [GET /api/ex/jira/*/rest/api/3/myself] but found 1"), error.getMessage());
        assertTrue(error.getMessage().contains("GET /api/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70/rest/api/3/myself -> 200"), error.getMessage());
    }

    @Test
    void theAuthorizeRedirectIsApprovedAsAliceByDefault(JirasimHandle sim) {
        Http.Answer a = Http.get(sim.authUrl() + "/authorize?audience=api.atlassian.com&client_id=jirasim-client"
                + "&scope=read%3Ajira-work%20offline_access&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&state=s&response_type=code", null);
        assertEquals(302, a.status(), a.body());
        assertTrue(a.header("Location").startsWith("http://localhost:3000/callback?code="), a.header("Location"));
        assertEquals("alice@acme.test", sim.control().consent().user());
    }

    @Test
    void theClockExpiresTokens(JirasimHandle sim) {
        var tokens = sim.tokens("alice@acme.test");
        sim.clock().freeze();
        Instant start = sim.clock().now();
        assertEquals(200, Http.get(sim.apiUrl() + "/me", tokens.accessToken()).status());
        sim.clock().advance(Duration.ofSeconds(tokens.expiresIn()));
        assertEquals(start.plusSeconds(tokens.expiresIn()), sim.clock().now());
        assertEquals(401, Http.get(sim.apiUrl() + "/me", tokens.accessToken()).status());
    }

    @Test
    void faultsAnswerForThisWorldOnly(JirasimHandle sim) {
        var tokens = sim.tokens("alice@acme.test");
        sim.faults().add(FaultRule.on("/api/me").status(503).times(1));
        assertEquals(503, Http.get(sim.apiUrl() + "/me", tokens.accessToken()).status());
        assertEquals(200, Http.get(sim.apiUrl() + "/me", tokens.accessToken()).status());
        assertEquals(1, sim.faults().list().size());
        sim.faults().clear();
        assertTrue(sim.faults().list().isEmpty());
    }

    @Test
    void theWorldBuilderAddsSitesUsersProjectsAndIssues(JirasimHandle sim) {
        sim.world()
                .site("umbrella")
                .user("dana@umbrella.test", "Dana", "umbrella")
                .project("umbrella", "LAB", "Labs")
                .permit("LAB", "dana@umbrella.test", Permission.BROWSE)
                .issue("LAB", "Containment breach", i -> i.status("In Progress").assignee("dana@umbrella.test").labels("red"))
                .issue("LAB", "Second")
                .apply();
        var tokens = sim.tokens("dana@umbrella.test", "umbrella");
        Http.Answer found = Http.get(sim.jiraUrl("umbrella") + "/rest/api/3/search/jql?jql=project%3DLAB%20ORDER%20BY%20key&fields=summary,status",
                tokens.accessToken());
        assertEquals(200, found.status(), found.body());
        assertTrue(found.body().contains("\"key\":\"LAB-1\"") && found.body().contains("\"key\":\"LAB-2\""), found.body());
        assertTrue(found.body().contains("In Progress"), found.body());
        // Dana may browse but not create.
        Http.Answer create = Http.postJson(sim.jiraUrl("umbrella") + "/rest/api/3/issue", tokens.accessToken(),
                "{\"fields\":{\"project\":{\"key\":\"LAB\"},\"summary\":\"x\",\"issuetype\":{\"name\":\"Task\"}}}");
        assertEquals(400, create.status(), create.body());
        assertNotEquals(sim.cloudId("umbrella"), sim.cloudId("acme"));
        assertThrows(IllegalArgumentException.class, () -> sim.world().issue("NOPE", "x"));
    }

    @Test
    void theWorldBuilderAddsCustomFieldsSprintsComponentsAndVersions(JirasimHandle sim) {
        sim.world()
                .site("umbrella")
                .user("dana@umbrella.test", "Dana", "umbrella")
                .project("umbrella", "LAB", "Labs")
                .component("LAB", "Virology")
                .version("LAB", "v1", true)
                .permit("LAB", "*", Permission.BROWSE, Permission.EDIT)
                .customField("umbrella", "customfield_10070", "Story point estimate", "storyPoints")
                .customField("umbrella", "customfield_10071", "Hazard", "select", "Low", "High")
                .sprint("umbrella", 7, "LAB Sprint 7", "active")
                .customField("umbrella", "customfield_10072", "Sprint", "sprint")
                .issue("LAB", "Contain", i -> i.components("Virology").fixVersions("v1").customField("customfield_10070", 5)
                        .customField("customfield_10071", "High").customField("customfield_10072", List.of(7)))
                .apply();
        var tokens = sim.tokens("dana@umbrella.test", "umbrella");
        Http.Answer issue = Http.get(sim.jiraUrl("umbrella") + "/rest/api/3/issue/LAB-1", tokens.accessToken());
        assertEquals(200, issue.status(), issue.body());
        for (String expected : List.of("\"customfield_10070\":5.0", "\"value\":\"High\"", "\"name\":\"LAB Sprint 7\"", "\"name\":\"Virology\"",
                "\"name\":\"v1\"")) {
            assertTrue(issue.body().contains(expected), expected + " in " + issue.body());
        }
        Http.Answer found = Http.get(sim.jiraUrl("umbrella") + "/rest/api/3/search/jql?jql=sprint%20in%20openSprints()%20and%20cf%5B10070%5D%20%3E%3D%205",
                tokens.accessToken());
        assertEquals(200, found.status(), found.body());
        assertTrue(found.body().contains("\"issues\":[{"), found.body());
    }

    @Test
    void theWorldBuilderGivesProjectsTheirIssueTypesAndWorkflows(JirasimHandle sim) {
        sim.world()
                .site("umbrella")
                .user("dana@umbrella.test", "Dana", "umbrella")
                .project("umbrella", "LAB", "Labs")
                .permit("LAB", "*", Permission.BROWSE, Permission.CREATE, Permission.EDIT)
                .issueTypes("LAB", "Task", "Bug")
                .workflow("umbrella", "Triage", List.of("To Do", "In Progress", "Done"),
                        new Workflow.Transition("11", "Triage", List.of("To Do"), "In Progress"),
                        new Workflow.Transition("21", "Close", List.of("In Progress"), "Done"))
                .useWorkflow("LAB", "Bug", "Triage")
                .project("umbrella", "TEAM", "A team")
                .permit("TEAM", "*", Permission.BROWSE)
                .teamManaged("TEAM")
                .issue("LAB", "Broken", i -> i.type("Bug"))
                .apply();
        var tokens = sim.tokens("dana@umbrella.test", "umbrella");
        String api = sim.jiraUrl("umbrella") + "/rest/api/3";
        Http.Answer transitions = Http.get(api + "/issue/LAB-1/transitions", tokens.accessToken());
        assertEquals(200, transitions.status(), transitions.body());
        assertTrue(transitions.body().contains("\"name\":\"Triage\"") && !transitions.body().contains("\"name\":\"Close\""), transitions.body());
        Http.Answer story = Http.postJson(api + "/issue", tokens.accessToken(),
                "{\"fields\":{\"project\":{\"key\":\"LAB\"},\"summary\":\"x\",\"issuetype\":{\"name\":\"Story\"}}}");
        assertEquals(400, story.status(), story.body());
        Http.Answer team = Http.get(api + "/project/TEAM", tokens.accessToken());
        assertTrue(team.body().contains("\"scope\":{") && team.body().contains("\"simplified\":true"), team.body());
    }

    @Test
    void nangoConnectionsCanBeAddedAndProxied(JirasimHandle sim) {
        sim.world().nangoIntegration("my-jira", "jirasim-client", "jirasim-secret", "read:jira-work", "read:jira-user", "offline_access")
                .nangoConnection("bob-acme", "my-jira", "bob@acme.test", "acme").apply();
        String key = sim.nangoSecretKey();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.nangoUrl() + "/proxy/ex/jira/" + sim.cloudId("acme")
                        + "/rest/api/3/myself"))
                .header("Authorization", "Bearer " + key).header("Provider-Config-Key", "my-jira").header("Connection-Id", "bob-acme").build();
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"emailAddress\":\"bob@acme.test\""), answer.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        sim.journal().verify(1, RequestPattern.get("/nango/proxy/**").withHeader("Connection-Id", "bob-acme").withStatus(200));
    }

    @Test
    void resetGoesBackToTheSeedKeepingAutomaticConsent(JirasimHandle sim) {
        var tokens = sim.tokens("alice@acme.test", "acme");
        String key = Http.createIssue(sim, tokens.accessToken(), "ACME", "temporary");
        sim.reset();
        assertTrue(sim.control().journal().isEmpty());
        assertEquals("alice@acme.test", sim.control().consent().user());
        var again = sim.tokens("alice@acme.test", "acme");
        assertEquals(404, Http.get(sim.jiraUrl("acme") + "/rest/api/3/issue/" + key, again.accessToken()).status());
    }
}
