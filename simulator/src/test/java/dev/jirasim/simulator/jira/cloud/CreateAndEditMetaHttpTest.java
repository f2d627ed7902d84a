package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The create and edit screens ({@code createmeta}, old and new, and {@code editmeta}) and the issue expansions. */
@ExtendWith(SimulatorExtension.class)
class CreateAndEditMetaHttpTest {

    @Test
    void createMetaListsTypesAndTheFieldsEachNeeds(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/issue/createmeta/ACME/issuetypes").then().statusCode(200)
                .body("total", equalTo(5)).body("issueTypes.name", hasItem("Bug")).body("maxResults", equalTo(50));
        alice.acme(3).get("/issue/createmeta/ACME/issuetypes/10001").then().statusCode(200)
                .body("fields.find { it.fieldId == 'summary' }.required", equalTo(true))
                .body("fields.find { it.fieldId == 'project' }.required", equalTo(true))
                .body("fields.find { it.fieldId == 'description' }.required", equalTo(false))
                .body("fields.find { it.fieldId == 'parent' }.required", equalTo(false))
                .body("fields.find { it.fieldId == 'priority' }.allowedValues.name", contains("Highest", "High", "Medium", "Low", "Lowest"))
                .body("fields.find { it.fieldId == 'priority' }.defaultValue.name", equalTo("Medium"))
                .body("fields.find { it.fieldId == 'labels' }.operations", contains("add", "set", "remove"))
                .body("fields.find { it.fieldId == 'issuetype' }.allowedValues.name", contains("Task"));
        // A sub-task cannot be created without its parent.
        alice.acme(3).get("/issue/createmeta/ACME/issuetypes/10005").then().statusCode(200)
                .body("fields.find { it.fieldId == 'parent' }.required", equalTo(true));
        alice.acme(3).get("/issue/createmeta/ACME/issuetypes/999").then().statusCode(400);
        // Bob may create in OPS (granted to him) but SEC does not exist for him.
        Jira.bob(sim).acme(3).get("/issue/createmeta/SEC/issuetypes").then().statusCode(400)
                .body("errorMessages[0]", equalTo("No project could be found with key 'SEC'."));
        Jira.bob(sim).acme(3).get("/issue/createmeta/OPS/issuetypes").then().statusCode(200);
    }

    @Test
    void theOldCreateMetaStillAnswersAsNangosTemplatesCallIt(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("projectKeys", "ACME,OPS").queryParam("expand", "projects.issuetypes.fields").get("/issue/createmeta")
                .then().statusCode(200).body("expand", equalTo("projects"))
                .body("projects.key", contains("ACME", "OPS"))
                .body("projects[0].issuetypes.name", hasItem("Story"))
                .body("projects[0].issuetypes[0].fields.summary.required", equalTo(true));
        alice.acme(3).queryParam("projectIds", "10000").queryParam("issuetypeNames", "Bug").get("/issue/createmeta").then().statusCode(200)
                .body("projects.key", contains("ACME")).body("projects[0].issuetypes.name", contains("Bug"))
                .body("projects[0].issuetypes[0]", not(hasKey("fields")));
        // Only projects the caller may create in: bob has ACME (everyone) and OPS (granted to him), not SEC.
        Jira.bob(sim).acme(3).get("/issue/createmeta").then().statusCode(200).body("projects.key", contains("ACME", "OPS"));
    }

    @Test
    void editMetaFollowsTheEditRight(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/issue/ACME-1/editmeta").then().statusCode(200)
                .body("fields.summary.operations", contains("set")).body("fields.summary.required", equalTo(false))
                .body("fields", not(hasKey("project"))).body("fields.assignee.autoCompleteUrl", notNullValue());
        // OPS: bob may browse and create, not edit: Jira shows him no editable field.
        String key = Jira.bob(sim).acme(3).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "OPS"), "summary", "bob's", "issuetype", Map.of("name", "Task"))))
                .post("/issue").then().statusCode(201).extract().path("key");
        Jira.bob(sim).acme(3).get("/issue/" + key + "/editmeta").then().statusCode(200).body("fields", equalTo(Map.of()));
        Jira.bob(sim).acme(3).get("/issue/SEC-1/editmeta").then().statusCode(404);
    }

    @Test
    void issueExpansionsAreRenderedNotDropped(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("fields", "summary,status").queryParam("expand", "names,schema,transitions,editmeta,operations")
                .get("/issue/ACME-1").then().statusCode(200)
                .body("names.summary", equalTo("Summary")).body("schema.status.type", equalTo("status"))
                .body("transitions.id", not(empty())).body("editmeta.fields", hasKey("summary"))
                .body("operations.linkGroups", empty());
        alice.acme(3).get("/issue/ACME-1").then().statusCode(200).body("names", nullValue()).body("transitions", nullValue());
        alice.acme(3).queryParam("jql", "key = ACME-1").queryParam("fields", "summary").queryParam("expand", "names,transitions")
                .get("/search/jql").then().statusCode(200)
                .body("names.summary", equalTo("Summary")).body("issues[0].transitions.id", not(empty()))
                .body("issues[0].names", nullValue());
    }
}
