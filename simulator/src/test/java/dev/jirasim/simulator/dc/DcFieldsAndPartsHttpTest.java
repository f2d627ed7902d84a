package dev.jirasim.simulator.dc;

import static dev.jirasim.simulator.dc.DcRestHttpTest.JDOE_PAT;
import static dev.jirasim.simulator.dc.DcRestHttpTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Custom fields, components and versions on a Data Center instance: what {@code /field} lists, how issues show
 * them (DC's shapes: users by name and key, the Sprint field's string form, links on the instance), the
 * project's parts and their own resources, the screens, writes with DC's field errors, and JQL on them.
 */
@ExtendWith(SimulatorExtension.class)
class DcFieldsAndPartsHttpTest {
    private static final String BASE = "/dc/dc1/rest/api/2/";

    @Test
    void theFieldListNamesCustomFieldsByCfAndNameWithDcSchemas(JirasimServer sim) {
        as(sim, JDOE_PAT).get("/rest/api/2/field").then().statusCode(200)
                .body("find { it.id == 'customfield_10106' }", equalTo(Map.of("id", "customfield_10106", "name", "Story Points", "custom", true,
                        "orderable", true, "navigable", true, "searchable", true, "clauseNames", List.of("cf[10106]", "Story Points"),
                        "schema", Map.of("type", "number", "custom", "com.atlassian.jira.plugin.system.customfieldtypes:float", "customId", 10106))))
                .body("find { it.id == 'customfield_10104' }.schema", equalTo(Map.of("type", "array", "items", "string",
                        "custom", "com.pyxis.greenhopper.jira:gh-sprint", "customId", 10104)))
                .body("find { it.id == 'customfield_10200' }.schema.type", equalTo("option"))
                .body("find { it.id == 'components' }.name", equalTo("Component/s"))
                .body("find { it.id == 'components' }.clauseNames", equalTo(List.of("component")))
                .body("find { it.id == 'fixVersions' }.schema", equalTo(Map.of("type", "array", "items", "version", "system", "fixVersions")))
                .body("find { it.id == 'fixVersions' }.clauseNames", equalTo(List.of("fixVersion")))
                .body("key", everyItem(equalTo(null)));
    }

    @Test
    void issuesCarryComponentsVersionsAndCustomValuesInDcShapes(JirasimServer sim) {
        String base = sim.baseUrl() + "/dc/dc1/rest/api/2/";
        String parts = first(sim, "project = DCP AND component = Backend AND fixVersion = \"1.0\"");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/" + parts).then().statusCode(200)
                .body("fields.components.find { it.name == 'Backend' }", equalTo(Map.of("self", base + "component/10000", "id", "10000",
                        "name", "Backend", "description", "Services and storage")))
                .body("fields.fixVersions.find { it.name == '1.0' }", equalTo(Map.of("self", base + "version/10000", "id", "10000",
                        "description", "First release", "name", "1.0", "archived", false, "released", true, "releaseDate", "2025-12-01")));
        String key = first(sim, "project = DCP AND Severity IS NOT EMPTY AND Sprint IS NOT EMPTY AND \"Story Points\" IS NOT EMPTY");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/" + key).then().statusCode(200)
                .body("fields.customfield_10200.self", startsWith(base + "customFieldOption/104"))
                .body("fields.customfield_10200.disabled", equalTo(false))
                .body("fields.customfield_10200.id", matchesPattern("104\\d\\d"))
                .body("fields.customfield_10104[0]", matchesPattern(
                        "com\\.atlassian\\.greenhopper\\.service\\.sprint\\.Sprint@[0-9a-f]+\\[id=[12],rapidViewId=1,state=(ACTIVE|CLOSED),name=DCP Sprint [12],.*\\]"))
                .body("fields.customfield_10106", matchesPatternNumber());
        // Fields without a value are there, null; a fields= list picks custom fields by id.
        as(sim, JDOE_PAT).queryParam("fields", "summary,customfield_10200").get("/rest/api/2/issue/" + key).then()
                .body("fields.keySet()", equalTo(new java.util.LinkedHashSet<>(List.of("summary", "customfield_10200"))));
    }

    /** The first issue (by key) the JQL finds; there must be one. */
    private static String first(JirasimServer sim, String jql) {
        var hit = as(sim, JDOE_PAT).queryParam("jql", jql + " ORDER BY key").queryParam("maxResults", 1).get("/rest/api/2/search")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(hit.getInt("total") > 0, "the default world has an issue for " + jql);
        return hit.getString("issues[0].key");
    }

    private static org.hamcrest.Matcher<Object> matchesPatternNumber() {
        return org.hamcrest.Matchers.instanceOf(Number.class);
    }

    @Test
    void theProjectsPartsHaveTheirOwnResourcesOnlyForThoseWhoMayBrowse(JirasimServer sim) {
        String base = sim.baseUrl() + BASE;
        as(sim, JDOE_PAT).get("/rest/api/2/project/DCP/components").then().statusCode(200)
                .body("name", equalTo(List.of("Backend", "Frontend")))
                .body("[0].lead.name", equalTo("jdoe")).body("[0].lead.key", equalTo("JIRAUSER10100")).body("[0].lead", not(hasKey("accountId")))
                .body("[0].leadUserName", equalTo("jdoe")).body("[0].project", equalTo("DCP")).body("[0].projectId", equalTo(20000))
                .body("[0].assigneeType", equalTo("PROJECT_DEFAULT")).body("[1]", not(hasKey("lead")));
        as(sim, JDOE_PAT).get("/rest/api/latest/project/20000/versions").then().statusCode(200)
                .body("name", equalTo(List.of("1.0", "1.1", "0.9")))
                .body("[0].userReleaseDate", equalTo("1/Dec/25")).body("[0].startDate", equalTo("2025-09-01")).body("[0].overdue", equalTo(false))
                .body("[2].archived", equalTo(true)).body("[2]", not(hasKey("releaseDate"))).body("projectId", everyItem(equalTo(20000)));
        as(sim, JDOE_PAT).get("/rest/api/2/component/10002").then().statusCode(200).body("name", equalTo("Monitoring")).body("project", equalTo("DCO"))
                .body("self", equalTo(base + "component/10002"));
        as(sim, JDOE_PAT).get("/rest/api/2/version/10001").then().statusCode(200).body("name", equalTo("1.1"))
                .body("self", equalTo(base + "version/10001"));
        as(sim, JDOE_PAT).get("/rest/api/2/customFieldOption/10401").then().statusCode(200)
                .body("value", equalTo("Major")).body("id", equalTo(10401)).body("self", equalTo(base + "customFieldOption/10401"));
        as(sim, JDOE_PAT).get("/rest/api/2/component/99999").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("The component with id '99999' does not exist.")));
        as(sim, JDOE_PAT).get("/rest/api/2/version/99999").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("Could not find version for id '99999'")));
        as(sim, JDOE_PAT).get("/rest/api/2/customFieldOption/99999").then().statusCode(404);
        as(sim, JDOE_PAT).get("/rest/api/2/project/HR/versions").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("No project could be found with key 'HR'.")));
        as(sim, "not-a-token").get("/rest/api/2/project/DCP/components").then().statusCode(401);

        // A part of a project jdoe may not browse does not exist for him; admin sees it.
        var world = sim.control().exportWorld();
        DcInstance d = world.dataCenter().get(0);
        var projects = d.projects().stream().map(p -> !p.key().equals("HR") ? p : new dev.jirasim.simulator.world.Project(p.id(), p.key(), p.name(),
                p.site(), p.projectTypeKey(), p.lead(), p.permissions(), null, List.of(new dev.jirasim.simulator.world.Project.Component("10009",
                "Payroll", null, null)), List.of(new dev.jirasim.simulator.world.Project.Version("10009", "2026", null, null, null, null, null)))).toList();
        sim.control().replaceWorld(world.withDataCenter(List.of(new DcInstance(d.id(), d.contextPath(), d.serverTitle(), d.version(), d.lifetimes(),
                d.users(), d.links(), d.personalAccessTokens(), d.consent(), projects, null, d.issues(), d.customFields(), d.sprints()))));
        as(sim, JDOE_PAT).get("/rest/api/2/component/10009").then().statusCode(404);
        as(sim, JDOE_PAT).get("/rest/api/2/version/10009").then().statusCode(404);
        String admin = DcRestHttpTest.token(sim, "admin", "READ");
        as(sim, admin).get("/rest/api/2/component/10009").then().statusCode(200).body("project", equalTo("HR"));
        as(sim, admin).get("/rest/api/2/version/10009").then().statusCode(200).body("name", equalTo("2026"));
    }

    @Test
    void screensOfferThePartsAndCustomFieldsWithTheirAllowedValues(JirasimServer sim) {
        String base = sim.baseUrl() + BASE;
        var screen = as(sim, JDOE_PAT).get("/rest/api/2/issue/createmeta/DCP/issuetypes/10001").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Backend", "Frontend"), screen.getList("values.find { it.fieldId == 'components' }.allowedValues.name"));
        // The archived 0.9 cannot be chosen.
        assertEquals(List.of("1.0", "1.1"), screen.getList("values.find { it.fieldId == 'fixVersions' }.allowedValues.name"));
        assertEquals(List.of("Critical", "Major", "Minor"), screen.getList("values.find { it.fieldId == 'customfield_10200' }.allowedValues.value"));
        assertEquals(base + "customFieldOption/10400", screen.getString("values.find { it.fieldId == 'customfield_10200' }.allowedValues[0].self"));
        assertEquals(Map.of("type", "number", "custom", "com.atlassian.jira.plugin.system.customfieldtypes:float", "customId", 10106),
                screen.getMap("values.find { it.fieldId == 'customfield_10106' }.schema"));
        assertEquals(false, screen.getBoolean("values.find { it.fieldId == 'customfield_10106' }.required"));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-3/editmeta").then().statusCode(200)
                .body("fields.components.operations", equalTo(List.of("add", "set", "remove")))
                .body("fields.customfield_10104.operations", equalTo(List.of("set")))
                .body("fields.customfield_10104", not(hasKey("allowedValues")))
                .body("fields.customfield_10200", not(hasKey("hasDefaultValue")));
        // DCO's screens offer its own component.
        String admin = DcRestHttpTest.token(sim, "admin", "READ");
        as(sim, admin).get("/rest/api/2/issue/createmeta/DCO/issuetypes/10001").then().statusCode(200);
    }

    @Test
    void createAndEditTakeThemAndNameEveryBadValue(JirasimServer sim) {
        String write = DcRestHttpTest.token(sim, "jdoe", "WRITE");
        var fields = new java.util.LinkedHashMap<String, Object>(Map.of("project", Map.of("key", "DCP"), "summary", "With parts",
                "issuetype", Map.of("name", "Story"), "components", List.of(Map.of("name", "frontend"), Map.of("id", "10000")),
                "fixVersions", List.of(Map.of("name", "1.1")), "customfield_10106", 5, "customfield_10104", 2,
                "customfield_10200", Map.of("value", "Minor")));
        String key = as(sim, write).contentType("application/json").body(Map.of("fields", fields)).post("/rest/api/2/issue").then()
                .statusCode(201).extract().path("key");
        as(sim, write).get("/rest/api/2/issue/" + key).then().statusCode(200)
                .body("fields.components.name", equalTo(List.of("Frontend", "Backend"))).body("fields.fixVersions.id", equalTo(List.of("10001")))
                .body("fields.customfield_10106", equalTo(5.0f)).body("fields.customfield_10200.id", equalTo("10402"))
                .body("fields.customfield_10104", org.hamcrest.Matchers.hasSize(1))
                .body("fields.customfield_10104[0]", org.hamcrest.Matchers.containsString("[id=2,rapidViewId=1,state=ACTIVE,name=DCP Sprint 2,"));
        as(sim, write).queryParam("jql", "sprint in openSprints() AND key = " + key).get("/rest/api/2/search").then().body("total", equalTo(1));

        // Every bad value is named, and nothing is created.
        int before = as(sim, write).queryParam("jql", "project = DCP").queryParam("maxResults", 0).get("/rest/api/2/search").path("total");
        var bad = Map.of("fields", Map.of("project", Map.of("key", "DCP"), "summary", "Bad parts", "issuetype", Map.of("name", "Task"),
                "components", List.of(Map.of("name", "Monitoring")), "fixVersions", List.of(Map.of("id", "999")), "customfield_10106", "five",
                "customfield_10104", 42, "customfield_10200", Map.of("value", "Blocker"), "priority", Map.of("name", "High")));
        as(sim, write).contentType("application/json").body(bad).post("/rest/api/2/issue").then().statusCode(400)
                .body("errorMessages", equalTo(List.of()))
                .body("errors", equalTo(Map.of("components", "Component name 'Monitoring' is not valid",
                        "fixVersions", "Version with id '999' does not exist.", "customfield_10106", "Operation value must be a number",
                        "customfield_10104", "Sprint with id 42 does not exist.", "customfield_10200", "Option value 'Blocker' is not valid",
                        "priority", "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.")));
        assertEquals(before, (int) as(sim, write).queryParam("jql", "project = DCP").queryParam("maxResults", 0).get("/rest/api/2/search")
                .path("total"));

        // Edit sets and clears; a refused edit changes nothing.
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("components", List.of(), "customfield_10200", Map.of("id", "10400"),
                "fixVersions", List.of(Map.of("name", "1.0"))))).put("/rest/api/2/issue/" + key).then().statusCode(204);
        var nulls = new java.util.HashMap<String, Object>();
        nulls.put("customfield_10106", null);
        as(sim, write).contentType("application/json").body(Map.of("fields", nulls)).put("/rest/api/2/issue/" + key).then().statusCode(204);
        as(sim, write).get("/rest/api/2/issue/" + key).then()
                .body("fields.components", equalTo(List.of())).body("fields.customfield_10200.value", equalTo("Critical"))
                .body("fields.fixVersions.name", equalTo(List.of("1.0"))).body("fields.customfield_10106", equalTo(null));
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("summary", "not applied", "components", Map.of("name", "Backend"),
                "customfield_10200", "Major"))).put("/rest/api/2/issue/" + key).then().statusCode(400)
                .body("errors.components", equalTo("data was not an array"))
                .body("errors.customfield_10200", equalTo("Could not find valid 'id' or 'value' in the Parent Option object."));
        as(sim, write).get("/rest/api/2/issue/" + key).then().body("fields.summary", equalTo("With parts"));
        // The add/remove verbs are not emulated: an honest 501, not a silent no-op.
        as(sim, write).contentType("application/json").body(Map.of("update", Map.of("components", List.of(Map.of("add", Map.of("name", "Backend"))))))
                .put("/rest/api/2/issue/" + key).then().statusCode(501);
        as(sim, write).get("/rest/api/2/issue/" + key).then().body("fields.components", equalTo(List.of()));
    }

    @Test
    void jqlFindsIssuesByComponentVersionAndCustomFieldAsTheirValuesSay(JirasimServer sim) {
        List<Issue> all = new ArrayList<>();
        var world = sim.control().exportWorld();
        DcInstance d = world.dataCenter().get(0);
        for (Issue i : d.issues()) if (i.project().equals("DCP") || i.project().equals("DCO")) all.add(i);
        assertTotal(sim, "component = Backend", all, i -> i.components().contains("Backend"));
        assertTotal(sim, "component in (Frontend, Monitoring)", all, i -> i.components().contains("Frontend") || i.components().contains("Monitoring"));
        assertTotal(sim, "fixVersion = \"1.0\"", all, i -> i.fixVersions().contains("1.0"));
        assertTotal(sim, "fixVersion = 10001", all, i -> i.fixVersions().contains("1.1"));
        assertTotal(sim, "cf[10106] >= 5", all, i -> i.customFields().get("customfield_10106") instanceof Number n && n.doubleValue() >= 5);
        assertTotal(sim, "\"Story Points\" < 3", all, i -> i.customFields().get("customfield_10106") instanceof Number n && n.doubleValue() < 3);
        assertTotal(sim, "Severity = critical", all, i -> "Critical".equals(i.customFields().get("customfield_10200")));
        assertTotal(sim, "cf[10200] = 10401", all, i -> "Major".equals(i.customFields().get("customfield_10200")));
        assertTotal(sim, "sprint = \"DCP Sprint 1\"", all, i -> List.of(1L).equals(i.customFields().get("customfield_10104")));
        assertTotal(sim, "sprint in openSprints()", all, i -> List.of(2L).equals(i.customFields().get("customfield_10104")));
        assertTotal(sim, "cf[10104] IS EMPTY", all, i -> !i.customFields().containsKey("customfield_10104"));
        // Values that do not exist are DC's JQL errors.
        as(sim, JDOE_PAT).queryParam("jql", "component = Payroll").get("/rest/api/2/search").then().statusCode(400)
                .body("errorMessages[0]", org.hamcrest.Matchers.containsString("Payroll"));
        as(sim, JDOE_PAT).queryParam("jql", "Severity = Blocker").get("/rest/api/2/search").then().statusCode(400);
        as(sim, JDOE_PAT).queryParam("jql", "cf[99999] = 1").get("/rest/api/2/search").then().statusCode(400);
    }

    private static void assertTotal(JirasimServer sim, String jql, List<Issue> all, Predicate<Issue> expected) {
        long want = all.stream().filter(expected).count();
        assertTrue(want > 0 || jql.contains("IS EMPTY"), "the default world should have issues for " + jql);
        int got = as(sim, JDOE_PAT).queryParam("jql", "project in (DCP, DCO) AND " + jql).queryParam("maxResults", 0).get("/rest/api/2/search")
                .then().statusCode(200).extract().path("total");
        assertEquals(want, got, jql);
    }

    @Test
    void aPeoplePickerShowsDcUsersAndTakesThemByNameOrKey(JirasimServer sim) {
        var world = sim.control().exportWorld();
        DcInstance d = world.dataCenter().get(0);
        var fields = new ArrayList<>(d.customFields());
        fields.add(new CustomField("customfield_10300", "dc1", "Reviewers", "multiUser", null));
        var issues = d.issues().stream().map(i -> !i.key().equals("DCP-1") ? i
                : i.withCustomFields(Map.of("customfield_10300", List.of("admin", "JIRAUSER10100")))).toList();
        sim.control().replaceWorld(world.withDataCenter(List.of(new DcInstance(d.id(), d.contextPath(), d.serverTitle(), d.version(), d.lifetimes(),
                d.users(), d.links(), d.personalAccessTokens(), d.consent(), d.projects(), null, issues, fields, d.sprints()))));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-1").then().statusCode(200)
                .body("fields.customfield_10300.name", equalTo(List.of("admin", "jdoe")))
                .body("fields.customfield_10300.key", equalTo(List.of("JIRAUSER10000", "JIRAUSER10100")))
                .body("fields.customfield_10300[0]", not(hasKey("accountId")));
        as(sim, JDOE_PAT).queryParam("jql", "Reviewers = jdoe AND Reviewers = JIRAUSER10000").get("/rest/api/2/search").then()
                .body("issues.key", equalTo(List.of("DCP-1")));
        as(sim, JDOE_PAT).queryParam("jql", "Reviewers = currentUser()").get("/rest/api/2/search").then().body("issues.key", equalTo(List.of("DCP-1")));
        String write = DcRestHttpTest.token(sim, "jdoe", "WRITE");
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("customfield_10300", List.of(Map.of("name", "JDOE")))))
                .put("/rest/api/2/issue/DCP-1").then().statusCode(204);
        as(sim, write).get("/rest/api/2/issue/DCP-1").then().body("fields.customfield_10300.key", equalTo(List.of("JIRAUSER10100")));
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("customfield_10300", List.of(Map.of("name", "nobody")))))
                .put("/rest/api/2/issue/DCP-1").then().statusCode(400).body("errors.customfield_10300", equalTo("The user 'nobody' does not exist."));
        // The world form round-trips: the export holds keys.
        var exported = sim.control().exportWorld().dataCenter().get(0).issues().stream().filter(i -> i.key().equals("DCP-1")).findFirst().orElseThrow();
        assertEquals(List.of("JIRAUSER10100"), exported.customFields().get("customfield_10300"));
    }

    @Test
    void aWorldWithBadDcFieldsIsRefusedAndChangesNothing(JirasimServer sim) {
        var world = sim.control().exportWorld();
        DcInstance d = world.dataCenter().get(0);
        for (var fields : List.of(List.of(new CustomField("customfield_10300", "dc1", "Team", "team", null)),
                List.of(new CustomField("customfield_10300", "other", "Points", "number", null)),
                List.of(new CustomField("customfield_10300", "dc1", "A", "number", null), new CustomField("customfield_10300", "dc1", "B", "text", null)))) {
            var bad = world.withDataCenter(List.of(new DcInstance(d.id(), d.contextPath(), d.serverTitle(), d.version(), d.lifetimes(), d.users(),
                    d.links(), d.personalAccessTokens(), d.consent(), d.projects(), null, d.issues(), fields, d.sprints())));
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> sim.control().replaceWorld(bad), fields.toString());
        }
        var unknownComponent = d.issues().stream().map(i -> !i.key().equals("DCP-1") ? i : new Issue(i.id(), i.key(), i.site(), i.project(), i.summary(),
                i.description(), i.issueType(), i.status(), i.priority(), i.assignee(), i.reporter(), i.creator(), i.labels(), i.created(), i.updated(),
                i.resolved(), i.resolution(), i.duedate(), i.parent(), i.comments(), List.of("Monitoring"), i.fixVersions(), i.customFields())).toList();
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> sim.control().replaceWorld(world.withDataCenter(List.of(
                new DcInstance(d.id(), d.contextPath(), d.serverTitle(), d.version(), d.lifetimes(), d.users(), d.links(), d.personalAccessTokens(),
                        d.consent(), d.projects(), null, unknownComponent, d.customFields(), d.sprints())))));
        as(sim, JDOE_PAT).get("/rest/api/2/field").then().body("find { it.id == 'customfield_10106' }.name", equalTo("Story Points"));
    }
}
