package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Custom fields: per site with their own ids, listed by /field, carried by issues, written, described on the screens. */
@ExtendWith(SimulatorExtension.class)
class CustomFieldsHttpTest {
    private static final String STORY_POINTS = "com.pyxis.greenhopper.jira:jsw-story-points";

    @Test
    void eachSiteHasItsOwnIdsAndIntegrationsFindThemBySchema(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/field").then().statusCode(200)
                .body("find { it.schema?.custom == '" + STORY_POINTS + "' }.id", equalTo("customfield_10016"))
                .body("find { it.id == 'customfield_10016' }.clauseNames", contains("cf[10016]", "Story point estimate"))
                .body("find { it.id == 'customfield_10020' }.schema.items", equalTo("json"))
                .body("find { it.id == 'customfield_10050' }.schema.type", equalTo("option"))
                .body("find { it.id == 'customfield_10016' }.schema.customId", equalTo(10016));
        alice.on(OAuth.GLOBEX, 3).get("/field").then().statusCode(200)
                .body("find { it.schema?.custom == '" + STORY_POINTS + "' }.id", equalTo("customfield_10026"))
                .body("id", not(hasItem("customfield_10016")));
    }

    @Test
    void writtenAndReadInJirasForms(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("project", Map.of("key", "ACME"));
        fields.put("summary", "points and a sprint");
        fields.put("issuetype", Map.of("name", "Story"));
        fields.put("customfield_10016", 5);
        fields.put("customfield_10020", 2);
        fields.put("customfield_10050", Map.of("value", "Gold"));
        fields.put("customfield_10060", List.of(Map.of("accountId", OAuth.ALICE_ID)));
        fields.put("customfield_10015", "2026-01-15");
        fields.put("customfield_10001", "team-platform");
        String key = alice.acme(3).contentType("application/json").body(Map.of("fields", fields)).post("/issue")
                .then().statusCode(201).extract().path("key");
        alice.acme(3).get("/issue/" + key).then().statusCode(200)
                .body("fields.customfield_10016", equalTo(5.0f))
                .body("fields.customfield_10020[0].name", equalTo("ACME Sprint 2")).body("fields.customfield_10020[0].state", equalTo("active"))
                .body("fields.customfield_10050.value", equalTo("Gold")).body("fields.customfield_10050.id", equalTo("10300"))
                .body("fields.customfield_10060[0].accountId", equalTo(OAuth.ALICE_ID))
                .body("fields.customfield_10015", equalTo("2026-01-15"))
                .body("fields.customfield_10001.id", equalTo("team-platform"));
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("customfield_10016", 8)))
                .put("/issue/" + key).then().statusCode(204);
        alice.acme(3).contentType("application/json").body(Map.of("update", Map.of("customfield_10050", List.of(Map.of("set", Map.of("id", "10302"))))))
                .put("/issue/" + key).then().statusCode(204);
        alice.acme(3).queryParam("fields", "customfield_10016,customfield_10050").get("/issue/" + key).then()
                .body("fields.customfield_10016", equalTo(8.0f)).body("fields.customfield_10050.value", equalTo("Bronze"))
                .body("fields", not(hasKey("customfield_10020")));
        // Bad values are field errors, and change nothing.
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("customfield_10016", "lots", "customfield_10020", 99,
                "customfield_10050", Map.of("value", "Platinum")))).put("/issue/" + key).then().statusCode(400)
                .body("errors.customfield_10016", equalTo("Operation value must be a number"))
                .body("errors.customfield_10020", equalTo("Sprint with id 99 does not exist."))
                .body("errors.customfield_10050", equalTo("Option value 'Platinum' is not valid"));
        alice.acme(3).queryParam("fields", "customfield_10016").get("/issue/" + key).then().body("fields.customfield_10016", equalTo(8.0f));
        // Another site's field is no field here.
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("customfield_10026", 3))).put("/issue/" + key)
                .then().statusCode(400).body("errors", hasKey("customfield_10026"));
        alice.acme(3).contentType("application/json").body(Map.of("fields", java.util.Collections.singletonMap("customfield_10016", null)))
                .put("/issue/" + key).then().statusCode(204);
        alice.acme(3).queryParam("fields", "customfield_10016").get("/issue/" + key).then().body("fields.customfield_10016", nullValue());
    }

    @Test
    void selectedLikeSystemFieldsAndDescribedOnTheScreens(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("fields", "*all,-customfield_10060").queryParam("expand", "names,schema").get("/issue/ACME-1").then()
                .body("fields", hasKey("customfield_10016")).body("fields", not(hasKey("customfield_10060")))
                .body("names.customfield_10020", equalTo("Sprint")).body("schema.customfield_10016.custom", equalTo(STORY_POINTS));
        alice.acme(3).queryParam("jql", "project = ACME order by key").queryParam("fields", "customfield_10016").queryParam("maxResults", 3)
                .get("/search/jql").then().statusCode(200).body("issues[0].fields", hasKey("customfield_10016"))
                .body("issues[0].fields", not(hasKey("summary")));
        alice.acme(3).get("/issue/createmeta/ACME/issuetypes/10003").then().statusCode(200)
                .body("fields.find { it.fieldId == 'customfield_10050' }.allowedValues.value", contains("Gold", "Silver", "Bronze"))
                .body("fields.find { it.fieldId == 'customfield_10016' }.required", equalTo(false));
        alice.acme(3).get("/issue/ACME-1/editmeta").then().body("fields.customfield_10060.operations", contains("add", "set", "remove"));
        alice.acme(3).get("/customFieldOption/10301").then().statusCode(200).body("value", equalTo("Silver"));
    }

    @Test
    void jqlSearchesCustomFieldsByIdByNameAndSprintFunctions(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        var byId = alice.acme(3).queryParam("jql", "cf[10016] > 3 order by key").queryParam("fields", "customfield_10016").queryParam("maxResults", 200)
                .get("/search/jql").then().statusCode(200).extract().jsonPath();
        List<Float> points = byId.getList("issues.fields.customfield_10016");
        org.junit.jupiter.api.Assertions.assertTrue(!points.isEmpty() && points.stream().allMatch(p -> p > 3), points.toString());
        var byName = alice.acme(3).queryParam("jql", "\"Story point estimate\" > 3 order by key").queryParam("maxResults", 200).get("/search/jql")
                .jsonPath().getList("issues.id");
        org.junit.jupiter.api.Assertions.assertEquals(byId.getList("issues.id"), byName);
        alice.acme(3).queryParam("jql", "sprint in openSprints() order by key").queryParam("fields", "customfield_10020").queryParam("maxResults", 200)
                .get("/search/jql").then().statusCode(200)
                .body("issues.fields.customfield_10020.flatten().state", org.hamcrest.Matchers.everyItem(equalTo("active")))
                .body("issues", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        alice.acme(3).queryParam("jql", "sprint = \"ACME Sprint 1\" order by key").queryParam("fields", "customfield_10020")
                .get("/search/jql").then().statusCode(200)
                .body("issues.fields.customfield_10020.flatten().name", org.hamcrest.Matchers.everyItem(equalTo("ACME Sprint 1")));
        alice.acme(3).queryParam("jql", "\"Customer tier\" = gold order by key").queryParam("fields", "customfield_10050").get("/search/jql")
                .then().statusCode(200).body("issues.fields.customfield_10050.value", org.hamcrest.Matchers.everyItem(equalTo("Gold")));
        int withPoints = alice.acme(3).contentType("application/json").body(Map.of("jql", "project = ACME and cf[10016] is not EMPTY"))
                .post("/search/approximate-count").then().extract().path("count");
        int without = alice.acme(3).contentType("application/json").body(Map.of("jql", "project = ACME and cf[10016] is EMPTY"))
                .post("/search/approximate-count").then().extract().path("count");
        org.junit.jupiter.api.Assertions.assertEquals(60, withPoints + without);
        alice.acme(3).queryParam("jql", "project = ACME and issuetype in standardIssueTypes()").queryParam("fields", "issuetype")
                .queryParam("maxResults", 200).get("/search/jql").then().statusCode(200)
                .body("issues.fields.issuetype.subtask", org.hamcrest.Matchers.everyItem(equalTo(false)));
        // Jira's errors: a value that does not exist, an operator the type does not take, another site's field.
        alice.acme(3).queryParam("jql", "\"Customer tier\" = Platinum").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", equalTo("The value 'Platinum' does not exist for the field 'Customer tier'."));
        alice.acme(3).queryParam("jql", "sprint > 2").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", org.hamcrest.Matchers.containsString("'>'"));
        alice.acme(3).queryParam("jql", "cf[10026] = 3").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", org.hamcrest.Matchers.startsWith("Field 'cf[10026]' does not exist"));
        alice.on(OAuth.GLOBEX, 3).queryParam("jql", "cf[10026] >= 1").get("/search/jql").then().statusCode(200);
    }
}
