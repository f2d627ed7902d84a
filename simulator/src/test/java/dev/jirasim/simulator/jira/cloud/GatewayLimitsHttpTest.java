package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the gateway refuses before Jira sees the request: tokens, scopes, sites outside the grant. */
@ExtendWith(SimulatorExtension.class)
class GatewayLimitsHttpTest {

    @Test
    void aTokenWithoutTheScopeGetsTheScope401(JirasimServer sim) {
        Jira userOnly = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-user");
        userOnly.acme(3).get("/issue/ACME-1").then().statusCode(401)
                .body("code", equalTo(401)).body("message", equalTo("Unauthorized; scope does not match"));
        userOnly.acme(3).get("/myself").then().statusCode(200);
        Jira readOnly = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-work");
        readOnly.acme(3).delete("/issue/ACME-1").then().statusCode(401).body("message", equalTo("Unauthorized; scope does not match"));
    }

    @Test
    void granularScopesWorkInsteadOfClassicOnes(JirasimServer sim) {
        Jira granular = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:issue-details:jira");
        granular.acme(3).get("/issue/ACME-1").then().statusCode(200);
    }

    @Test
    void aSiteOutsideTheGrantAndBadTokensAre401(JirasimServer sim) {
        Jira acmeOnly = Jira.as(sim, OAuth.ALICE, List.of("acme"), Jira.ALL_SCOPES);
        acmeOnly.on(OAuth.GLOBEX, 3).get("/myself").then().statusCode(401).body("message", equalTo("Unauthorized"));
        acmeOnly.on("00000000-0000-0000-0000-000000000000", 3).get("/myself").then().statusCode(401);
        new OAuth(sim).http().basePath("/api/ex/jira/" + OAuth.ACME + "/rest/api/3").get("/myself").then().statusCode(401)
                .body("code", equalTo(401));
        sim.control().setClock(null, true);
        sim.control().advanceClock(Duration.ofSeconds(3601));
        acmeOnly.acme(3).get("/myself").then().statusCode(401).body("message", equalTo("Unauthorized"));
    }

    @Test
    void legacySearchIsGoneByDefault(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        for (int version : new int[] {2, 3}) {
            alice.acme(version).queryParam("jql", "project = ACME").get("/search").then().statusCode(410)
                    .body("errorMessages[0]", equalTo("The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
                            + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"))
                    .body("errors.size()", equalTo(0));
        }
    }

    @Test
    void enhancedSearchPostWithoutContentTypeIsA415ProblemDocument(JirasimServer sim) throws Exception {
        // REST Assured always adds a Content-Type, so this one goes out through the JDK client.
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.apiUrl() + "/ex/jira/" + OAuth.ACME + "/rest/api/3/search/jql"))
                .header("Authorization", "Bearer " + Jira.alice(sim).token()).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(415, response.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        org.junit.jupiter.api.Assertions.assertEquals("Unsupported Media Type", body.get("title").asText());
        org.junit.jupiter.api.Assertions.assertEquals("Content-Type 'null' is not supported.", body.get("detail").asText());
        org.junit.jupiter.api.Assertions.assertEquals("/rest/api/3/search/jql", body.get("instance").asText());
    }

    @Test
    void unknownJiraPathsAnswerInJirasShape(JirasimServer sim) {
        Jira.alice(sim).acme(3).get("/nothing/here").then().statusCode(404).body("errorMessages.size()", equalTo(1));
    }
}
