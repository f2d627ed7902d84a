package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.SpecValidation;
import dev.jirasim.simulator.world.JiraSettings;
import dev.jirasim.simulator.world.RateLimit;
import dev.jirasim.simulator.world.WorldFile;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of response these routes give — successes and errors — validates against Atlassian's official
 * Jira Cloud v3 OpenAPI document. Skipped, with the reason, when ../shared/specs is not beside the checkout.
 */
@ExtendWith(SimulatorExtension.class)
class JiraSpecConformanceHttpTest {
    private static final Map<String, Object> ADF = Map.of("type", "doc", "version", 1, "content",
            List.of(Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", "Spec check.")))));

    @Test
    void everyResponseValidatesAgainstTheOfficialSpec(JirasimServer sim) {
        assumeTrue(SpecValidation.available(), "Skipped: " + SpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = SpecValidation.newList();
        Jira alice = Jira.alice(sim);
        RequestSpecification api = alice.acme(3).filter(SpecValidation.recordingInto(problems));
        int checked = 0;

        String key = api.contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "ACME"),
                "summary", "Spec check", "issuetype", Map.of("name", "Task"), "description", ADF))).post("/issue").path("key");
        checked++;
        for (String path : List.of("/issue/" + key, "/issue/ACME-1", "/issue/ACME-1?fields=summary,status", "/issue/ACME-1/comment",
                "/issue/ACME-1/transitions", "/myself", "/project/search", "/serverInfo", "/issue/NOPE-1",
                "/search/jql?jql=project%20%3D%20ACME&maxResults=5", "/search/jql?jql=project%20%3D%20ACME&fields=*all&maxResults=2",
                "/search/jql?jql=order%20by%20key", "/search/jql?jql=project%20%3D%20ACME&nextPageToken=BOGUS")) {
            alice.acme(3).filter(SpecValidation.recordingInto(problems)).get(path);
            checked++;
        }
        // The site's schema and people: lists, one of each, and the 400/404 answers.
        for (String path : List.of("/issuetype", "/issuetype/10004", "/issuetype/99999", "/issuetype/project?projectId=10000",
                "/issuetype/project?projectId=10000&level=1", "/issuetype/project?projectId=99999", "/priority", "/priority/3",
                "/priority/99", "/status", "/status/Done", "/status/10000", "/status/Nope", "/statuscategory", "/statuscategory/done",
                "/statuscategory/42", "/resolution", "/resolution/10000", "/resolution/1", "/field", "/project", "/project/ACME",
                "/project/10000?expand=projectKeys", "/project/NOPE", "/issue/ACME-1/comment/999999", "/user?accountId=" + OAuth.ALICE_ID,
                "/user", "/user?accountId=nobody", "/user/bulk?accountId=" + OAuth.ALICE_ID, "/user/search?query=a", "/user/search",
                "/users/search", "/users/search?startAt=1&maxResults=1", "/user/assignable/search?project=ACME",
                "/user/assignable/search?issueKey=ACME-1", "/user/assignable/search", "/issue/createmeta/ACME/issuetypes",
                "/issue/createmeta/ACME/issuetypes/10001", "/issue/createmeta/ACME/issuetypes/10005", "/issue/createmeta/NOPE/issuetypes",
                "/issue/createmeta?projectKeys=ACME&expand=projects.issuetypes.fields", "/issue/ACME-1/editmeta",
                "/issue/ACME-1?expand=names,schema,transitions,editmeta,operations", "/project/ACME/components", "/project/ACME/versions",
                "/component/10100", "/component/99", "/version/10200", "/version/99", "/issue/ACME-1?fields=components,fixVersions", "/customFieldOption/10300", "/customFieldOption/1",
                "/issue/ACME-2?expand=names,schema", "/field/search", "/field/search?type=custom&maxResults=2", "/priority/search",
                "/priority/search?onlyDefault=true", "/statuses/search", "/project/ACME/statuses", "/project/NOPE/statuses",
                "/user/groups?accountId=" + OAuth.ALICE_ID, "/user?accountId=" + OAuth.ALICE_ID + "&expand=groups", "/myself?expand=groups",
                "/group?groupname=site-admins", "/group?groupname=nope", "/groups/picker?query=jira", "/groupuserpicker?query=a")) {
            alice.acme(3).filter(SpecValidation.recordingInto(problems)).get(path);
            checked++;
        }
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("jql", "project = ACME ORDER BY created DESC", "maxResults", 3, "fields", List.of("summary", "assignee")))
                .post("/search/jql");
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("jql", "project = ACME")).post("/search/approximate-count");
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("body", ADF)).post("/issue/" + key + "/comment");
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("fields", Map.of("summary", ""))).put("/issue/" + key);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("transition", Map.of("id", "21"))).post("/issue/" + key + "/transitions");
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).get("/issue/" + key + "/changelog").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).queryParam("expand", "changelog,renderedFields").get("/issue/" + key).then().statusCode(200);
        String history = alice.acme(3).get("/issue/" + key + "/changelog").then().extract().path("values[0].id");
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("changelogIds", List.of(Long.parseLong(history)))).post("/issue/" + key + "/changelog/list").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("issueIdsOrKeys", List.of(key, "ACME-4"))).post("/changelog/bulkfetch").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).queryParam("jql", "project = ACME").queryParam("expand", "changelog")
                .get("/search/jql").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("accountId", OAuth.ALICE_ID)).put("/issue/" + key + "/assignee").then().statusCode(204);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).queryParam("projectKey", "ACME")
                .queryParam("permissions", "BROWSE_PROJECTS,EDIT_ISSUES").get("/mypermissions").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).get("/label").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).delete("/issue/" + key);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json").queryParam("validation", "strict")
                .body(Map.of("queries", List.of("project = ACME", "bad query", "project = NOPE"))).post("/jql/parse");
        // Errors the gateway and the removed search give: no token, a token without the scope, the 410.
        new OAuth(sim).http().basePath("/api/ex/jira/" + OAuth.ACME + "/rest/api/3").filter(SpecValidation.recordingInto(problems))
                .get("/myself").then().statusCode(401);
        Jira.as(sim, "bob@acme.test", List.of("acme"), "read:me").acme(3).filter(SpecValidation.recordingInto(problems))
                .get("/myself").then().statusCode(401);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).queryParam("jql", "project = ACME").get("/search");
        checked += 9;
        // The old paging, where a world still offers it, and a 429 once a tiny budget is spent.
        WorldFile w = sim.control().exportWorld();
        sim.control().replaceWorld(new WorldFile(w.version(), w.auth(), w.jira().withLegacySearch(JiraSettings.LegacySearch.AVAILABLE)
                .withRateLimit(new RateLimit(4, 0.1, RateLimit.Scope.PER_USER_APP)), w.sites(), w.users(), w.apps(), w.consent(), w.projects(), null, w.issues(), w.tokens()));
        Jira fresh = Jira.alice(sim);
        fresh.acme(3).filter(SpecValidation.recordingInto(problems)).queryParam("jql", "project = ACME").queryParam("maxResults", 2).get("/search");
        fresh.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("jql", "project = ACME", "startAt", 3, "maxResults", 2)).post("/search");
        int status = 0;
        for (int i = 0; i < 10 && status != 429; i++) status = fresh.acme(3).filter(SpecValidation.recordingInto(problems)).get("/myself").statusCode();
        assertEquals(429, status);
        checked += 3;
        assertTrue(checked > 25);
        assertEquals(List.of(), problems, "responses that do not match the official spec");
    }

    @Test
    void projectAdministrationValidatesAgainstTheOfficialSpec(JirasimServer sim) {
        assumeTrue(SpecValidation.available(), "Skipped: " + SpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = SpecValidation.newList();
        Jira admin = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-work manage:jira-configuration manage:jira-project");
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("key", "SPEC", "name", "Spec", "leadAccountId", OAuth.ALICE_ID)).post("/project").then().statusCode(201);
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("key", "SPEC", "name", "Spec again", "leadAccountId", OAuth.ALICE_ID)).post("/project").then().statusCode(400);
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json")
                .body(Map.of("description", "checked")).put("/project/SPEC").then().statusCode(200);
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).delete("/project/SPEC").then().statusCode(204);
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).delete("/project/SPEC").then().statusCode(404);
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).queryParam("status", "deleted").get("/project/search").then().statusCode(200);
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).post("/project/SPEC/restore").then().statusCode(200);
        String task = admin.acme(3).filter(SpecValidation.recordingInto(problems)).redirects().follow(false).post("/project/SPEC/delete")
                .then().statusCode(303).extract().header("Location");
        admin.acme(3).filter(SpecValidation.recordingInto(problems)).get(task.substring(task.indexOf("/task/"))).then().statusCode(200);
        assertEquals(List.of(), problems, "responses that do not match the official spec");
    }

    @Test
    void commentsAndWorklogsValidateAgainstTheOfficialSpec(JirasimServer sim) {
        assumeTrue(SpecValidation.available(), "Skipped: " + SpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = SpecValidation.newList();
        Jira alice = Jira.alice(sim);
        java.util.function.Supplier<RequestSpecification> api = () -> alice.acme(3).filter(SpecValidation.recordingInto(problems));
        java.util.function.Supplier<RequestSpecification> bob = () -> Jira.bob(sim).acme(3).filter(SpecValidation.recordingInto(problems));
        String comment = api.get().contentType("application/json").queryParam("expand", "renderedBody")
                .body(Map.of("body", ADF, "visibility", Map.of("type", "group", "value", "site-admins"))).post("/issue/ACME-1/comment")
                .then().statusCode(201).extract().path("id");
        api.get().queryParam("expand", "renderedBody").queryParam("orderBy", "-created").get("/issue/ACME-1/comment").then().statusCode(200);
        api.get().get("/issue/ACME-1/comment?orderBy=updated").then().statusCode(400);
        api.get().queryParam("expand", "renderedBody").get("/issue/ACME-1/comment/" + comment).then().statusCode(200);
        api.get().contentType("application/json").body(Map.of("body", ADF)).put("/issue/ACME-1/comment/" + comment).then().statusCode(200);
        bob.get().contentType("application/json").body(Map.of("body", ADF, "visibility", Map.of("type", "group", "value", "site-admins")))
                .post("/issue/ACME-1/comment").then().statusCode(400);
        bob.get().get("/issue/ACME-1/comment/" + comment).then().statusCode(404);
        api.get().contentType("application/json").body(Map.of("fields", Map.of("timetracking", Map.of("originalEstimate", "2d"))))
                .put("/issue/ACME-1").then().statusCode(204);
        String worklog = api.get().contentType("application/json").queryParam("adjustEstimate", "auto")
                .body(Map.of("timeSpent", "1h", "started", "2026-01-15T10:00:00.000+0000", "comment", ADF)).post("/issue/ACME-1/worklog")
                .then().statusCode(201).extract().path("id");
        api.get().contentType("application/json").body(Map.of("started", "2026-01-15T10:00:00.000+0000")).post("/issue/ACME-1/worklog")
                .then().statusCode(400);
        api.get().get("/issue/ACME-1/worklog").then().statusCode(200);
        api.get().get("/issue/ACME-1/worklog/" + worklog).then().statusCode(200);
        api.get().get("/issue/ACME-1/worklog/999999").then().statusCode(404);
        api.get().get("/issue/ACME-1?fields=timetracking,worklog,timespent,timeestimate,timeoriginalestimate,aggregatetimespent").then().statusCode(200);
        api.get().contentType("application/json").body(Map.of("timeSpentSeconds", 7200)).put("/issue/ACME-1/worklog/" + worklog).then().statusCode(200);
        sim.control().advanceClock(java.time.Duration.ofMinutes(2));
        api.get().get("/worklog/updated?since=0").then().statusCode(200);
        api.get().contentType("application/json").body(Map.of("ids", List.of(Long.parseLong(worklog)))).post("/worklog/list").then().statusCode(200);
        api.get().delete("/issue/ACME-1/worklog/" + worklog).then().statusCode(204);
        api.get().delete("/issue/ACME-1/comment/" + comment).then().statusCode(204);
        sim.control().advanceClock(java.time.Duration.ofMinutes(2));
        api.get().get("/worklog/deleted?since=0").then().statusCode(200);
        assertEquals(List.of(), problems, "responses that do not match the official spec");
    }

    @Test
    void linksWatchersVotesAttachmentsAndBulkValidateAgainstTheOfficialSpec(JirasimServer sim) {
        assumeTrue(SpecValidation.available(), "Skipped: " + SpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = SpecValidation.newList();
        Jira alice = Jira.alice(sim);
        java.util.function.Supplier<RequestSpecification> api = () -> alice.acme(3).filter(SpecValidation.recordingInto(problems));
        var link = Map.of("type", Map.of("name", "Blocks"), "inwardIssue", Map.of("key", "ACME-1"), "outwardIssue", Map.of("key", "ACME-2"));
        api.get().contentType("application/json").body(link).post("/issueLink").then().statusCode(200);
        api.get().contentType("application/json").body(Map.of("type", Map.of("name", "Nope"), "inwardIssue", Map.of("key", "ACME-1"),
                "outwardIssue", Map.of("key", "ACME-2"))).post("/issueLink").then().statusCode(404);
        String linkId = api.get().get("/issue/ACME-1?fields=issuelinks,watches,votes,attachment").then().statusCode(200).extract().path("fields.issuelinks[0].id");
        int remote = api.get().contentType("application/json").body(Map.of("globalId", "g-1", "application", Map.of("type", "t", "name", "n"),
                "object", Map.of("url", "https://x.example", "title", "X", "icon", Map.of("url16x16", "https://x.example/i.png"))))
                .post("/issue/ACME-1/remotelink").then().statusCode(201).extract().path("id");
        api.get().contentType("application/json").body(Map.of("object", Map.of("url", "https://x.example"))).post("/issue/ACME-1/remotelink").then().statusCode(400);
        api.get().contentType("application/json").body(Map.of("globalId", "g-1", "object", Map.of("url", "https://y.example", "title", "Y")))
                .post("/issue/ACME-1/remotelink").then().statusCode(200);
        String att = api.get().header("X-Atlassian-Token", "no-check").multiPart("file", "a.txt", "hello".getBytes(), "text/plain")
                .post("/issue/ACME-1/attachments").then().statusCode(200).extract().path("[0].id");
        api.get().multiPart("file", "a.txt", "hello".getBytes(), "text/plain").post("/issue/ACME-1/attachments").then().statusCode(403);
        api.get().post("/issue/ACME-1/watchers").then().statusCode(204);
        Jira.bob(sim).acme(3).filter(SpecValidation.recordingInto(problems)).post("/issue/ACME-1/votes").then().statusCode(204);
        for (String path : List.of("/issueLinkType", "/issueLinkType/10000", "/issueLinkType/1", "/issueLink/" + linkId, "/issueLink/1",
                "/issue/ACME-1/remotelink", "/issue/ACME-1/remotelink?globalId=g-1", "/issue/ACME-1/remotelink/" + remote, "/issue/ACME-1/remotelink/1",
                "/issue/ACME-1/watchers", "/issue/ACME-1/votes", "/issue/NOPE-1/watchers", "/attachment/meta", "/attachment/" + att, "/attachment/1",
                "/attachment/content/" + att + "?redirect=false", "/attachment/thumbnail/" + att, "/issue/ACME-1?fields=issuelinks,watches,votes,attachment",
                "/issue/ACME-2?fields=issuelinks", "/field")) {
            api.get().get(path);
        }
        api.get().redirects().follow(false).get("/attachment/content/" + att).then().statusCode(303);
        api.get().contentType("application/json").body(Map.of("object", Map.of("url", "https://z.example", "title", "Z"))).put("/issue/ACME-1/remotelink/" + remote).then().statusCode(204);
        api.get().contentType("application/json").body(Map.of("issueUpdates", List.of(Map.of("fields", Map.of("project", Map.of("key", "ACME"),
                "summary", "bulk", "issuetype", Map.of("name", "Task"))), Map.of("fields", Map.of("summary", "no project"))))).post("/issue/bulk").then().statusCode(201);
        api.get().contentType("application/json").body(Map.of("issueUpdates", List.of(Map.of("fields", Map.of("summary", "no project")))))
                .post("/issue/bulk").then().statusCode(400);
        api.get().contentType("application/json").body(Map.of("issueIdsOrKeys", List.of("ACME-1", "ACME-2"), "fields", List.of("summary", "issuelinks"),
                "expand", List.of("names"))).post("/issue/bulkfetch").then().statusCode(200);
        api.get().contentType("application/json").body(Map.of("issueIdsOrKeys", List.of())).post("/issue/bulkfetch").then().statusCode(400);
        api.get().queryParam("accountId", OAuth.ALICE_ID).delete("/issue/ACME-1/watchers").then().statusCode(204);
        api.get().delete("/issue/ACME-1/votes").then().statusCode(404);
        api.get().delete("/issue/ACME-1/remotelink/" + remote).then().statusCode(204);
        api.get().delete("/attachment/" + att).then().statusCode(204);
        api.get().delete("/issueLink/" + linkId).then().statusCode(204);
        assertEquals(List.of(), problems, "responses that do not match the official spec");
    }
}
