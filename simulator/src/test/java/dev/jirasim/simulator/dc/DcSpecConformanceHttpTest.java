package dev.jirasim.simulator.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.DcSpecValidation;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of DC REST response — successes and errors — against Atlassian's DC OpenAPI document. */
@ExtendWith(SimulatorExtension.class)
class DcSpecConformanceHttpTest {

    @Test
    void everyResponseValidatesAgainstTheDcSpec(JirasimServer sim) {
        assumeTrue(DcSpecValidation.available(), "Skipped: " + DcSpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        String write = DcRestHttpTest.token(sim, "jdoe", "WRITE");
        java.util.function.Supplier<RequestSpecification> api = () -> DcRestHttpTest.as(sim, write).filter(DcSpecValidation.recordingInto(problems));
        api.get().get("/rest/api/2/myself");
        api.get().get("/rest/api/latest/serverInfo");
        api.get().get("/rest/api/2/project");
        api.get().get("/rest/api/2/project/DCP");
        api.get().get("/rest/api/2/project/HR");
        api.get().queryParam("jql", "project = DCP ORDER BY key").queryParam("maxResults", 3).get("/rest/api/2/search");
        api.get().queryParam("jql", "project = HR").get("/rest/api/2/search");
        api.get().contentType("application/json").body(Map.of("jql", "project = DCO", "maxResults", 2)).post("/rest/api/2/search");
        String key = api.get().contentType("application/json").body(DcRestHttpTest.issue("DCP", "Spec check")).post("/rest/api/2/issue").path("key");
        api.get().contentType("application/json").body(DcRestHttpTest.issue("DCO", "refused")).post("/rest/api/2/issue");
        api.get().get("/rest/api/2/issue/" + key);
        api.get().get("/rest/api/2/issue/NOPE-1");
        api.get().contentType("application/json").body(Map.of("fields", Map.of("summary", "Spec check, edited"))).put("/rest/api/2/issue/" + key);
        api.get().contentType("application/json").body(Map.of("fields", Map.of("summary", ""))).put("/rest/api/2/issue/" + key);
        api.get().delete("/rest/api/2/issue/" + key);
        var parts = Map.of("fields", Map.of("project", Map.of("key", "DCP"), "summary", "Spec check, parts", "issuetype", Map.of("name", "Task"),
                "components", List.of(Map.of("name", "Backend")), "fixVersions", List.of(Map.of("name", "1.1")), "customfield_10106", 3,
                "customfield_10104", 2, "customfield_10200", Map.of("value", "Major")));
        String withParts = api.get().contentType("application/json").body(parts).post("/rest/api/2/issue").path("key");
        api.get().get("/rest/api/2/issue/" + withParts);
        api.get().queryParam("jql", "component = Backend AND cf[10106] = 3 ORDER BY key").queryParam("fields", "*all").get("/rest/api/2/search");
        api.get().contentType("application/json").body(Map.of("fields", Map.of("customfield_10106", "x"))).put("/rest/api/2/issue/" + withParts);
        api.get().queryParam("jql", "project = HR").queryParam("validateQuery", "false").get("/rest/api/2/search");
        DcOAuthHttpTest.dc(sim).filter(DcSpecValidation.recordingInto(problems)).get("/rest/api/2/myself");
        assertEquals(List.of(), problems, "DC responses that do not match the official spec");
    }

    @Test
    void theSchemaAndPeopleValidateAgainstTheDcSpec(JirasimServer sim) {
        assumeTrue(DcSpecValidation.available(), "Skipped: " + DcSpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Supplier<RequestSpecification> api = () -> DcRestHttpTest.as(sim, DcRestHttpTest.JDOE_PAT)
                .filter(DcSpecValidation.recordingInto(problems));
        for (String path : List.of("/field", "/issuetype", "/issuetype/10001", "/issuetype/99", "/priority", "/priority/3", "/priority/99",
                "/status", "/status/In Review", "/status/nope", "/statuscategory", "/statuscategory/2", "/statuscategory/nope", "/resolution",
                "/resolution/10000", "/resolution/1", "/project/DCP", "/user", "/issue/DCP-1/editmeta", "/issue/DCO-1/editmeta",
                "/issue/HR-1/editmeta", "/issue/createmeta/DCP/issuetypes", "/issue/createmeta/DCO/issuetypes",
                "/issue/createmeta/HR/issuetypes", "/issue/createmeta/DCP/issuetypes/10001", "/issue/createmeta/DCP/issuetypes/99",
                "/project/DCP/components", "/project/DCP/versions", "/project/HR/components", "/component/10000", "/component/99999",
                "/version/10000", "/version/10001", "/version/99999", "/customFieldOption/10400", "/customFieldOption/1", "/issue/DCP-3")) {
            api.get().get("/rest/api/2" + path);
        }
        api.get().queryParam("expand", "projectKeys").get("/rest/api/2/project/DCP");
        api.get().queryParam("username", "admin").get("/rest/api/2/user");
        api.get().queryParam("key", "JIRAUSER10100").get("/rest/api/2/user");
        api.get().queryParam("username", ".").queryParam("includeInactive", "true").get("/rest/api/2/user/search");
        api.get().get("/rest/api/2/user/search");
        api.get().queryParam("project", "DCP").get("/rest/api/2/user/assignable/search");
        api.get().queryParam("issueKey", "HR-1").get("/rest/api/2/user/assignable/search");
        api.get().get("/rest/api/2/user/assignable/search");
        DcOAuthHttpTest.dc(sim).filter(DcSpecValidation.recordingInto(problems)).get("/rest/api/2/field");
        assertEquals(List.of(), problems, "DC responses that do not match the official spec");
    }

    @Test
    void historyCommentsTransitionsWorklogsAndLinksValidateAgainstTheDcSpec(JirasimServer sim) {
        assumeTrue(DcSpecValidation.available(), "Skipped: " + DcSpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        String admin = DcRestHttpTest.token(sim, "admin", "WRITE");
        java.util.function.Supplier<RequestSpecification> api = () -> DcRestHttpTest.as(sim, DcRestHttpTest.JDOE_PAT)
                .filter(DcSpecValidation.recordingInto(problems));
        java.util.function.Supplier<RequestSpecification> json = () -> api.get().contentType("application/json");
        json.get().body(Map.of("fields", Map.of("summary", "Spec history", "labels", List.of("a")))).put("/rest/api/2/issue/DCP-1");
        json.get().body(Map.of("fields", Map.of("timetracking", Map.of("originalEstimate", "2d")))).put("/rest/api/2/issue/DCP-1");
        // Comments: add, list, read, edit, refuse, delete.
        String comment = json.get().body(Map.of("body", "Spec *comment*")).post("/rest/api/2/issue/DCP-1/comment").path("id");
        json.get().body(Map.of("body", "Roles", "visibility", Map.of("type", "role", "value", "Developers"))).post("/rest/api/2/issue/DCP-1/comment");
        json.get().body(Map.of("body", "")).post("/rest/api/2/issue/DCP-1/comment");
        json.get().body(Map.of("body", "x", "visibility", Map.of("type", "group", "value", "jira-administrators"))).post("/rest/api/2/issue/DCP-1/comment");
        api.get().get("/rest/api/2/issue/DCP-1/comment");
        api.get().get("/rest/api/2/issue/DCP-1/comment/" + comment);
        api.get().get("/rest/api/2/issue/DCP-1/comment/1");
        api.get().get("/rest/api/2/issue/HR-1/comment");
        json.get().body(Map.of("body", "Spec comment, edited")).put("/rest/api/2/issue/DCP-1/comment/" + comment);
        String adminComment = DcRestHttpTest.as(sim, admin).contentType("application/json").body(Map.of("body", "admin's")).post("/rest/api/2/issue/DCP-1/comment").path("id");
        api.get().delete("/rest/api/2/issue/DCP-1/comment/" + adminComment);
        api.get().delete("/rest/api/2/issue/DCP-1/comment/" + comment);
        // Transitions.
        api.get().get("/rest/api/2/issue/DCP-1/transitions");
        api.get().queryParam("expand", "transitions.fields").get("/rest/api/2/issue/DCP-1/transitions");
        api.get().get("/rest/api/2/issue/HR-1/transitions");
        json.get().body(Map.of("transition", Map.of("id", "99"))).post("/rest/api/2/issue/DCP-1/transitions");
        json.get().body(Map.of("transition", Map.of("id", "41"))).post("/rest/api/2/issue/DCP-1/transitions");
        // Worklogs.
        String worklog = json.get().body(Map.of("timeSpent", "1h 30m", "started", "2024-01-15T10:00:00.000+0000", "comment", "Spec work"))
                .post("/rest/api/2/issue/DCP-1/worklog").path("id");
        json.get().body(Map.of("timeSpent", "never", "started", "2024-01-15T10:00:00.000+0000")).post("/rest/api/2/issue/DCP-1/worklog");
        json.get().body(Map.of("timeSpent", "1h", "started", "2024-01-15T10:00:00.000+0000")).post("/rest/api/2/issue/DCO-1/worklog");
        api.get().get("/rest/api/2/issue/DCP-1/worklog");
        api.get().get("/rest/api/2/issue/DCP-1/worklog/" + worklog);
        api.get().get("/rest/api/2/issue/DCP-1/worklog/1");
        json.get().body(Map.of("timeSpentSeconds", 7200)).put("/rest/api/2/issue/DCP-1/worklog/" + worklog);
        // Links.
        api.get().get("/rest/api/2/issueLinkType");
        api.get().get("/rest/api/2/issueLinkType/10002");
        api.get().get("/rest/api/2/issueLinkType/1");
        json.get().body(Map.of("type", Map.of("name", "Relates"), "inwardIssue", Map.of("key", "DCP-1"), "outwardIssue", Map.of("key", "DCP-2")))
                .post("/rest/api/2/issueLink");
        json.get().body(Map.of("type", Map.of("name", "Relates"), "inwardIssue", Map.of("key", "DCP-1"), "outwardIssue", Map.of("key", "DCO-2")))
                .post("/rest/api/2/issueLink");
        json.get().body(Map.of("type", Map.of("name", "Relates"), "inwardIssue", Map.of("key", "HR-1"), "outwardIssue", Map.of("key", "DCP-2")))
                .post("/rest/api/2/issueLink");
        String link = api.get().get("/rest/api/2/issue/DCP-1").path("fields.issuelinks[0].id");
        api.get().get("/rest/api/2/issueLink/" + link);
        api.get().get("/rest/api/2/issueLink/1");
        // The issue with every new field and its whole changelog, alone and in a search.
        api.get().queryParam("expand", "changelog").get("/rest/api/2/issue/DCP-1");
        api.get().queryParam("jql", "key = DCP-1").queryParam("expand", "changelog").queryParam("fields", "*all").get("/rest/api/2/search");
        api.get().delete("/rest/api/2/issueLink/" + link);
        api.get().delete("/rest/api/2/issue/DCP-1/worklog/" + worklog);
        assertEquals(List.of(), problems, "DC responses that do not match the official spec");
    }
}
