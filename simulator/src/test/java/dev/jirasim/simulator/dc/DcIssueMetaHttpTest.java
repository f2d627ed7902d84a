package dev.jirasim.simulator.dc;

import static dev.jirasim.simulator.dc.DcRestHttpTest.JDOE_PAT;
import static dev.jirasim.simulator.dc.DcRestHttpTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.DcInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Create and edit screens: the paged create meta of DC 8.4+, the old createmeta until 9.0, and editmeta. */
@ExtendWith(SimulatorExtension.class)
class DcIssueMetaHttpTest {

    /** The default instance with another version. */
    static void runVersion(JirasimServer sim, String version) {
        var world = sim.control().exportWorld();
        DcInstance d = world.dataCenter().get(0);
        sim.control().replaceWorld(world.withDataCenter(List.of(new DcInstance(d.id(), d.contextPath(), d.serverTitle(), version, d.lifetimes(),
                d.users(), d.links(), d.personalAccessTokens(), d.consent(), d.projects(), null, d.issues(), d.customFields(), d.sprints()))));
    }

    @Test
    void theCreateScreenIsPagedWithItsRequiredFieldsOnlyWhereJdoeMayCreate(JirasimServer sim) {
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCP/issuetypes").then().statusCode(200)
                .body("startAt", equalTo(0)).body("maxResults", equalTo(50)).body("total", equalTo(5)).body("isLast", equalTo(true))
                .body("values.name", equalTo(List.of("Task", "Bug", "Story", "Epic", "Subtask")));
        as(sim, JDOE_PAT).queryParam("startAt", "1").queryParam("maxResults", "2").get("/rest/api/latest/issue/createmeta/20000/issuetypes")
                .then().statusCode(200).body("values.id", equalTo(List.of("10002", "10003"))).body("isLast", equalTo(false));
        var fields = as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCP/issuetypes/10001").then().statusCode(200)
                .body("values.fieldId", equalTo(List.of("summary", "issuetype", "project", "description", "components", "fixVersions",
                        "customfield_10106", "customfield_10104", "customfield_10200")))
                .body("values.find { it.fieldId == 'summary' }.schema", equalTo(Map.of("type", "string", "system", "summary")))
                .body("values.find { it.fieldId == 'issuetype' }.allowedValues.name", equalTo(List.of("Task")))
                .body("values.find { it.fieldId == 'project' }.allowedValues.key", equalTo(List.of("DCP")))
                .body("values.find { it.fieldId == 'project' }.operations", equalTo(List.of("set")))
                .body("values[0]", not(hasKey("key"))).extract().jsonPath();
        assertEquals(List.of("summary", "issuetype", "project"), fields.getList("values.findAll { it.required }.fieldId"));
        // Browse but no create: no data; not even browse: the project does not exist.
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCO/issuetypes").then().statusCode(200).body("total", equalTo(0))
                .body("values", hasSize(0));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCO/issuetypes/10001").then().statusCode(200).body("values", hasSize(0));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/HR/issuetypes").then().statusCode(400)
                .body("errorMessages", equalTo(List.of("No project could be found with key 'HR'.")));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCP/issuetypes/99").then().statusCode(400);
        as(sim, DcRestHttpTest.token(sim, "admin", "READ")).get("/rest/api/2/issue/createmeta/HR/issuetypes").then().statusCode(200)
                .body("total", equalTo(5));
    }

    @Test
    void whatTheCreateScreenOffersCreatesAnIssue(JirasimServer sim) {
        String write = DcRestHttpTest.token(sim, "jdoe", "WRITE");
        List<Map<String, Object>> screen = as(sim, write).get("/rest/api/2/issue/createmeta/DCP/issuetypes/10003").path("values");
        var fields = new java.util.LinkedHashMap<String, Object>();
        for (var f : screen) {
            String id = (String) f.get("fieldId");
            @SuppressWarnings("unchecked")
            var allowed = (List<Map<String, Object>>) f.get("allowedValues");
            @SuppressWarnings("unchecked")
            String type = ((Map<String, String>) f.get("schema")).get("type");
            // What a form built from the screen sends: the first allowed value (in a list for arrays), text, a number.
            if (allowed != null) fields.put(id, type.equals("array") ? List.of(Map.of("id", allowed.get(0).get("id"))) : Map.of("id", allowed.get(0).get("id")));
            else if (type.equals("string")) fields.put(id, "from the screen: " + id);
            else if (type.equals("number")) fields.put(id, 3);
        }
        String key = as(sim, write).contentType("application/json").body(Map.of("fields", fields)).post("/rest/api/2/issue").then()
                .statusCode(201).extract().path("key");
        as(sim, write).get("/rest/api/2/issue/" + key).then().body("fields.issuetype.name", equalTo("Story"))
                .body("fields.summary", equalTo("from the screen: summary")).body("fields.description", equalTo("from the screen: description"))
                .body("fields.components.name", equalTo(List.of("Backend"))).body("fields.fixVersions.name", equalTo(List.of("1.0")))
                .body("fields.customfield_10106", equalTo(3.0f)).body("fields.customfield_10200.value", equalTo("Critical"))
                .body("fields.customfield_10104", equalTo(null));
    }

    @Test
    void theOldCreatemetaIsGoneFromNineOnAndServedBefore(JirasimServer sim) {
        // 10.3 (the default): read as an issue key, as on a real 9.x or later.
        as(sim, JDOE_PAT).queryParam("projectKeys", "DCP").get("/rest/api/2/issue/createmeta").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("Issue Does Not Exist")));

        runVersion(sim, "8.20.16");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta").then().statusCode(200).body("expand", equalTo("projects"))
                .body("projects.key", equalTo(List.of("DCP"))).body("projects[0].issuetypes", hasSize(5))
                .body("projects[0].issuetypes[0]", not(hasKey("fields"))).body("projects[0].issuetypes[0].expand", equalTo("fields"));
        String admin = DcRestHttpTest.token(sim, "admin", "READ");
        as(sim, admin).queryParam("projectKeys", "dcp,HR").queryParam("projectIds", "20001").queryParam("issuetypeNames", "bug")
                .queryParam("issuetypeIds", "10005").queryParam("expand", "projects.issuetypes.fields").get("/rest/api/latest/issue/createmeta")
                .then().statusCode(200).body("projects.key", equalTo(List.of("DCP", "DCO", "HR")))
                .body("projects[0].issuetypes.name", equalTo(List.of("Bug", "Subtask")))
                .body("projects[0].issuetypes[0].fields.summary.required", equalTo(true))
                .body("projects[0].issuetypes[0].fields.summary.fieldId", equalTo("summary"))
                .body("projects[0].issuetypes[0].fields.project.allowedValues[0].key", equalTo("DCP"));
        as(sim, JDOE_PAT).queryParam("projectKeys", "HR,NOPE").get("/rest/api/2/issue/createmeta").then().statusCode(200)
                .body("projects", hasSize(0));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCP/issuetypes").then().statusCode(200);

        // Before 8.4 there is no paged create meta.
        runVersion(sim, "8.3.4");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCP/issuetypes").then().statusCode(404);
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCP/issuetypes/10001").then().statusCode(404);
        as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta").then().statusCode(200);
    }

    @Test
    void editmetaShowsTheEditScreenOnlyToThoseWhoMayEdit(JirasimServer sim) {
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-2/editmeta").then().statusCode(200)
                .body("fields.keySet()", equalTo(new java.util.LinkedHashSet<>(List.of("summary", "description", "priority", "labels", "components",
                        "fixVersions", "customfield_10106", "customfield_10104", "customfield_10200"))))
                .body("fields.summary.required", equalTo(true)).body("fields.summary", not(hasKey("hasDefaultValue")))
                .body("fields.labels.operations", equalTo(List.of("add", "set", "remove")))
                .body("fields.priority.allowedValues.name", equalTo(List.of("Highest", "High", "Medium", "Low", "Lowest")));
        as(sim, JDOE_PAT).get("/rest/api/latest/issue/DCO-2/editmeta").then().statusCode(200).body("fields", equalTo(Map.of()));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/HR-2/editmeta").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("Issue Does Not Exist")));
        DcOAuthHttpTest.dc(sim).get("/rest/api/2/issue/DCP-2/editmeta").then().statusCode(401);
    }
}
