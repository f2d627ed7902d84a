package dev.jirasim.simulator.dc;

import static dev.jirasim.simulator.dc.DcRestHttpTest.JDOE_PAT;
import static dev.jirasim.simulator.dc.DcRestHttpTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The instance's schema under REST v2: fields, the catalog, one project in full; what clients read before searching. */
@ExtendWith(SimulatorExtension.class)
class DcSchemaHttpTest {

    @Test
    void fieldsAreListedAsDcListsThem(JirasimServer sim) {
        var fields = as(sim, JDOE_PAT).get("/rest/api/2/field").then().statusCode(200).header("X-AUSERNAME", "jdoe")
                .body("id", hasItem("summary")).body("key", everyItem(equalTo(null)))
                .body("findAll { !it.id.startsWith('customfield_') }.custom", everyItem(equalTo(false)))
                .body("find { it.id == 'issuekey' }.clauseNames", equalTo(List.of("id", "issue", "issuekey", "key")))
                .body("find { it.id == 'issuekey' }", not(hasKey("schema")))
                .body("find { it.id == 'duedate' }.name", equalTo("Due Date"))
                .body("find { it.id == 'labels' }.schema", equalTo(Map.of("type", "array", "items", "string", "system", "labels")))
                .body("find { it.id == 'status' }.orderable", equalTo(false))
                .extract().jsonPath().getList("id", String.class);
        // Every listed field (but the key, which is the issue's own member) is one an issue can be asked for.
        Map<String, Object> issue = as(sim, JDOE_PAT).queryParam("fields", "*all").get("/rest/api/2/issue/DCP-1").path("fields");
        for (String id : fields) if (!id.equals("issuekey")) assertEquals(true, issue.containsKey(id), id);
        as(sim, JDOE_PAT).get("/rest/api/latest/field").then().statusCode(200).body("$", hasSize(fields.size()));
        DcOAuthHttpTest.dc(sim).get("/rest/api/2/field").then().statusCode(401).header("X-AUSERNAME", "anonymous")
                .body("errorMessages[0]", equalTo(DcErrors.NOT_AUTHENTICATED));
    }

    /** What python-jira and similar DC clients do on start: serverInfo, then the field list, then search by field names. */
    @Test
    void aSearchPrecededByTheFieldListWorks(JirasimServer sim) {
        String read = DcRestHttpTest.token(sim, "jdoe", "READ");
        as(sim, read).get("/rest/api/2/serverInfo").then().statusCode(200);
        List<Map<String, Object>> fields = as(sim, read).get("/rest/api/2/field").then().statusCode(200).extract().path("$");
        var idByName = new HashMap<String, String>();
        fields.forEach(f -> idByName.put((String) f.get("name"), (String) f.get("id")));
        String wanted = idByName.get("Summary") + "," + idByName.get("Status") + "," + idByName.get("Due Date");
        as(sim, read).queryParam("jql", "project = DCP ORDER BY key").queryParam("fields", wanted).queryParam("maxResults", 2)
                .get("/rest/api/2/search").then().statusCode(200).body("total", equalTo(30)).body("issues[0].key", equalTo("DCP-1"))
                .body("issues[0].fields.keySet()", equalTo(java.util.Set.of("summary", "status", "duedate")))
                .body("issues[0].fields.status.statusCategory.key", not(equalTo(null)));
    }

    @Test
    void theCatalogIsReadByIdWithDcShapesAndLinksOnTheInstance(JirasimServer sim) {
        String base = sim.baseUrl() + "/dc/dc1";
        as(sim, JDOE_PAT).get("/rest/api/2/issuetype").then().statusCode(200).body("name", hasItem("Subtask"))
                .body("find { it.name == 'Task' }.avatarId", equalTo(10318)).body("hierarchyLevel", everyItem(equalTo(null)))
                .body("iconUrl", everyItem(startsWith(base + "/secure/viewavatar?")));
        as(sim, JDOE_PAT).get("/rest/api/2/issuetype/10005").then().statusCode(200).body("subtask", equalTo(true))
                .body("self", equalTo(base + "/rest/api/2/issuetype/10005"));
        as(sim, JDOE_PAT).get("/rest/api/2/issuetype/99").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("The issue type with id '99' does not exist"))).body("status", equalTo(404));
        as(sim, JDOE_PAT).get("/rest/api/2/priority").then().statusCode(200).body("name", equalTo(List.of("Highest", "High", "Medium", "Low", "Lowest")))
                .body("[2].iconUrl", equalTo(base + "/images/icons/priorities/medium.svg")).body("[2].statusColor", not(equalTo(null)));
        as(sim, JDOE_PAT).get("/rest/api/2/priority/9").then().statusCode(404);
        as(sim, JDOE_PAT).get("/rest/api/2/status").then().statusCode(200).body("name", hasItem("In Review"))
                .body("statusCategory.self", everyItem(startsWith(base + "/rest/api/2/statuscategory/")));
        as(sim, JDOE_PAT).get("/rest/api/2/status/in progress").then().statusCode(200).body("id", equalTo("3"))
                .body("statusCategory.key", equalTo("indeterminate"));
        as(sim, JDOE_PAT).get("/rest/api/2/status/10002").then().statusCode(200).body("name", equalTo("Done"));
        as(sim, JDOE_PAT).get("/rest/api/2/status/Blocked").then().statusCode(404);
        as(sim, JDOE_PAT).get("/rest/api/2/statuscategory").then().statusCode(200).body("key", equalTo(List.of("undefined", "new", "indeterminate", "done")));
        as(sim, JDOE_PAT).get("/rest/api/2/statuscategory/done").then().statusCode(200).body("id", equalTo(3));
        as(sim, JDOE_PAT).get("/rest/api/2/resolution").then().statusCode(200).body("name", hasItem("Won't Do"));
        as(sim, JDOE_PAT).get("/rest/api/2/resolution/10000").then().statusCode(200).body("name", equalTo("Done"));
        as(sim, JDOE_PAT).get("/rest/api/2/resolution/1").then().statusCode(404);
    }

    @Test
    void issuesEmbedTheSameObjectsTheCatalogServes(JirasimServer sim) {
        Map<String, Object> fields = as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-1").path("fields");
        @SuppressWarnings("unchecked")
        var status = (Map<String, Object>) fields.get("status");
        @SuppressWarnings("unchecked")
        var type = (Map<String, Object>) fields.get("issuetype");
        assertEquals(as(sim, JDOE_PAT).get("/rest/api/2/status/" + status.get("id")).as(Map.class), status);
        assertEquals(as(sim, JDOE_PAT).get("/rest/api/2/issuetype/" + type.get("id")).as(Map.class), type);
    }

    @Test
    void oneProjectComesWithItsIssueTypesAndLeadAndOnlyIfTheUserMayBrowseIt(JirasimServer sim) {
        as(sim, JDOE_PAT).get("/rest/api/2/project/DCP").then().statusCode(200).body("key", equalTo("DCP"))
                .body("issueTypes.name", equalTo(List.of("Task", "Bug", "Story", "Epic", "Subtask")))
                .body("lead.name", equalTo("admin")).body("lead.key", equalTo("JIRAUSER10000")).body("lead.accountId", equalTo(null))
                .body("assigneeType", equalTo("UNASSIGNED")).body("components.name", equalTo(List.of("Backend", "Frontend")))
                .body("versions.name", equalTo(List.of("1.0", "1.1", "0.9"))).body("projectKeys", equalTo(null));
        as(sim, JDOE_PAT).queryParam("expand", "lead,projectKeys").get("/rest/api/latest/project/20000").then().statusCode(200)
                .body("projectKeys", equalTo(List.of("DCP")));
        as(sim, JDOE_PAT).get("/rest/api/2/project/HR").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("No project could be found with key 'HR'.")));
        as(sim, DcRestHttpTest.token(sim, "admin", "READ")).get("/rest/api/2/project/HR").then().statusCode(200).body("id", equalTo("20002"));
    }
}
