package dev.jirasim.simulator.jira.cloud;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.SpecValidation;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The site host {@code https://acme.atlassian.net}, served under {@code /site/acme}: API tokens, failed logins, tenant_info. */
@ExtendWith(SimulatorExtension.class)
class SiteHostHttpTest {
    static final String ALICE_TOKEN = "ATATT3xFfGF0aliceJirasimDefault=1A2B3C4D";
    static final String EXPIRED = "ATATT3xFfGF0aliceJirasimExpired=5E6F7A8B";
    static final String REVOKED = "ATATT3xFfGF0aliceJirasimRevoked=9C0D1E2F";
    static final String NOT_AUTHENTICATED = "You are not authenticated. Authentication required to perform this operation.";
    static final String SEARCH = "/search/jql?jql=project in (ACME,SEC) order by key&fields=summary&maxResults=50";
    /** Names no project, so that a caller who sees none gets an empty page rather than a JQL error. */
    static final String ANY = "/search/jql?jql=updated >= -36500d order by key&fields=summary";

    private static RequestSpecification site(JirasimServer sim, int version) {
        return given().baseUri(sim.baseUrl()).basePath("/site/acme/rest/api/" + version);
    }

    private static RequestSpecification alice(JirasimServer sim, int version, String token) {
        return site(sim, version).auth().preemptive().basic("alice@acme.test", token);
    }

    @Test
    void theSameIssuesByEitherDoorWithSelfLinksInEachHostsForm(JirasimServer sim) {
        Jira gateway = Jira.alice(sim);
        for (int version : List.of(2, 3)) {
            var viaGateway = gateway.acme(version).get(SEARCH).then().log().ifValidationFails().statusCode(200).extract();
            var viaSite = alice(sim, version, ALICE_TOKEN).get(SEARCH).then().log().ifValidationFails().statusCode(200)
                    .header("X-AAccountId", OAuth.ALICE_ID).extract();
            List<String> keys = viaGateway.path("issues.key");
            assertFalse(keys.isEmpty());
            assertEquals(keys, viaSite.path("issues.key"));
            assertEquals(viaGateway.<List<String>>path("issues.fields.summary"), viaSite.path("issues.fields.summary"));
            String gatewaySelf = viaGateway.path("issues[0].self");
            String siteSelf = viaSite.path("issues[0].self");
            assertTrue(gatewaySelf.startsWith(sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME + "/rest/api/" + version + "/issue/"), gatewaySelf);
            assertEquals(sim.baseUrl() + "/site/acme/rest/api/" + version + gatewaySelf.substring(gatewaySelf.indexOf("/issue/")), siteSelf);
        }
        alice(sim, 3, ALICE_TOKEN).get("/issue/ACME-1").then().statusCode(200)
                .body("self", startsWith(sim.baseUrl() + "/site/acme/rest/api/3/issue/"))
                .body("fields.project.self", startsWith(sim.baseUrl() + "/site/acme/rest/api/3/project/"));
        alice(sim, 3, ALICE_TOKEN).get("/myself").then().statusCode(200).body("accountId", equalTo(OAuth.ALICE_ID));
    }

    @Test
    void aRequestToTheSitesOwnHostNameReachesTheSite(JirasimServer sim) {
        // As a client behind a proxy or a hosts-file entry sends it: the path alone, the site in the Host header.
        given().baseUri(sim.baseUrl()).header("Host", "acme.atlassian.net").get("/_edge/tenant_info").then().statusCode(200)
                .body("cloudId", equalTo(OAuth.ACME));
        given().baseUri(sim.baseUrl()).header("Host", "ACME.atlassian.net").auth().preemptive().basic("alice@acme.test", ALICE_TOKEN)
                .get("/rest/api/3/myself").then().statusCode(200).body("accountId", equalTo(OAuth.ALICE_ID));
        given().baseUri(sim.baseUrl()).header("Host", "acme.atlassian.net").get("/rest/api/3/myself").then().statusCode(401);
        // The simulator's own paths keep working whatever the Host says.
        given().baseUri(sim.baseUrl()).header("Host", "acme.atlassian.net").get("/site/acme/_edge/tenant_info").then().statusCode(200);
    }

    @Test
    void theSamePermissionsAsTheGateway(JirasimServer sim) {
        // bob may not browse SEC: the site host hides it from him as the gateway does.
        var bobBearer = Jira.bob(sim).acme(3).get(ANY).then().statusCode(200).extract().<List<String>>path("issues.key");
        assertTrue(bobBearer.stream().noneMatch(k -> k.startsWith("SEC-")));
    }

    @Test
    void tenantInfoNeedsNoAuth(JirasimServer sim) {
        given().baseUri(sim.baseUrl()).get("/site/acme/_edge/tenant_info").then().statusCode(200)
                .body("cloudId", equalTo(OAuth.ACME)).body("size()", equalTo(1));
        given().baseUri(sim.baseUrl()).get("/site/nope/_edge/tenant_info").then().statusCode(404);
    }

    @Test
    void aBearerTokenOnTheSiteIs401EvenOnSearch(JirasimServer sim) {
        String bearer = Jira.alice(sim).token();
        for (String path : List.of("/myself", SEARCH)) {
            site(sim, 3).auth().oauth2(bearer).get(path).then().statusCode(401)
                    .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")
                    .header("WWW-Authenticate", startsWith("OAuth realm="));
        }
    }

    @Test
    void aWrongExpiredOrRevokedTokenOnAnEndpointNeedingAUserIs401(JirasimServer sim) {
        for (String token : List.of("wrong-token", EXPIRED, REVOKED)) {
            alice(sim, 3, token).get("/myself").then().statusCode(401)
                    .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")
                    .header("WWW-Authenticate", startsWith("OAuth realm="))
                    .header("X-AAccountId", nullValue())
                    .body("message", equalTo("Client must be authenticated to access this resource."))
                    .body("status-code", equalTo(401));
        }
    }

    @Test
    void aFailedLoginOnSearchIsAnAnonymous200WithTheHeader(JirasimServer sim) {
        alice(sim, 3, EXPIRED).get(ANY).then().statusCode(200)
                .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED").body("issues", hasSize(0));
        alice(sim, 3, "wrong").get("/project/search").then().statusCode(200)
                .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED").body("values", hasSize(0));
        alice(sim, 3, "wrong").get("/issue/ACME-1").then().statusCode(404)
                .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
    }

    @Test
    void noCredentialsOnAnEndpointNeedingAUserIs401(JirasimServer sim) {
        site(sim, 3).get("/myself").then().statusCode(401)
                .header("X-Seraph-LoginReason", nullValue())
                .body("errorMessages", equalTo(List.of(NOT_AUTHENTICATED))).body("errors.size()", equalTo(0));
        site(sim, 3).get(ANY).then().statusCode(200).header("X-Seraph-LoginReason", nullValue()).body("issues", hasSize(0));
        site(sim, 3).contentType("application/json").body("{}").post("/issue").then().statusCode(401)
                .body("errorMessages", equalTo(List.of(NOT_AUTHENTICATED)));
    }

    @Test
    void anonymousSeesOnlyProjectsThatGrantBrowseToAnonymous(JirasimServer sim) {
        dev.jirasim.simulator.world.WorldFile w = sim.control().exportWorld();
        var projects = w.projects().stream().map(p -> {
            if (!p.key().equals("OPS")) return p;
            var perms = new java.util.TreeMap<>(p.permissions());
            perms.put("anonymous", List.of(dev.jirasim.simulator.world.Permission.BROWSE));
            return new dev.jirasim.simulator.world.Project(p.id(), p.key(), p.name(), p.site(), p.projectTypeKey(), p.lead(), perms,
                    p.description(), p.components(), p.versions(), p.style(), p.issueTypes(), p.workflowScheme());
        }).toList();
        sim.control().replaceWorld(new dev.jirasim.simulator.world.WorldFile(w.version(), w.auth(), w.jira(), w.sites(), w.users(), w.apps(),
                w.consent(), projects, null, w.issues(), w.tokens()));
        List<String> keys = site(sim, 3).get(ANY).then().statusCode(200).extract().path("issues.key");
        assertFalse(keys.isEmpty());
        assertTrue(keys.stream().allMatch(k -> k.startsWith("OPS-")), keys.toString());
        site(sim, 3).get("/issue/" + keys.get(0)).then().statusCode(200).header("X-AAccountId", nullValue());
        site(sim, 3).get("/issue/ACME-1").then().statusCode(404);
        alice(sim, 3, "wrong").get("/project/search").then().statusCode(200)
                .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED").body("values.key", equalTo(List.of("OPS")));
    }

    @Test
    void siteHostResponsesMatchTheSpec(JirasimServer sim) {
        assumeTrue(SpecValidation.available(), "Skipped: the shared specs folder is not beside this checkout");
        List<String> problems = SpecValidation.newList();
        for (String path : List.of(SEARCH, "/issue/ACME-1", "/issue/ACME-1/comment", "/myself", "/project/search", "/project/ACME",
                "/serverInfo", "/issue/NOPE-1", "/field", "/status")) {
            alice(sim, 3, ALICE_TOKEN).filter(SpecValidation.recordingInto(problems)).get(path);
        }
        site(sim, 3).filter(SpecValidation.recordingInto(problems)).get(ANY);
        alice(sim, 3, "wrong").filter(SpecValidation.recordingInto(problems)).get("/project/search");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
