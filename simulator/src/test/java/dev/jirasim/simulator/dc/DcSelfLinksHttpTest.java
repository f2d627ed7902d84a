package dev.jirasim.simulator.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.LinkCrawl;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every URL a Data Center instance writes resolves: from a broad set of responses, the crawl requests each URL
 * on the simulator with the same token and follows what those answer. On DC, unlike Cloud, icons and avatars
 * live on the instance itself, so they are followed too. Components, versions and select options (in issues, on
 * the screens and in their own lists) are among them. The one URL left out is the instance's bare base URL
 * ({@code serverInfo.baseUrl}): that is its web UI, which the simulator does not serve.
 */
@ExtendWith(SimulatorExtension.class)
class DcSelfLinksHttpTest {
    @Test
    void everyLinkAnInstanceWritesAnswers200(JirasimServer sim) throws Exception {
        activity(sim, "/dc/dc1");
        assertEquals(List.of(), broken(sim, "/dc/dc1", DcRestHttpTest.token(sim, "admin", "READ"), "HR-1"));
    }

    @Test
    void linksKeepTheContextPathAndTheOldCreatemetaLinksToo(JirasimServer sim) throws Exception {
        var world = sim.control().exportWorld();
        var d = world.dataCenter().get(0);
        sim.control().replaceWorld(world.withDataCenter(List.of(new dev.jirasim.simulator.world.DcInstance(d.id(), "/jira", d.serverTitle(),
                "8.20.16", d.lifetimes(), d.users(), d.links(), d.personalAccessTokens(), d.consent(), d.projects(), null, d.issues(), d.customFields(), d.sprints()))));
        activity(sim, "/dc/dc1/jira");
        assertEquals(List.of(), broken(sim, "/dc/dc1/jira", DcRestHttpTest.JDOE_PAT, "DCP-1"));
    }

    private static List<String> broken(JirasimServer sim, String instance, String token, String issue) throws Exception {
        String base = sim.baseUrl() + instance;
        Deque<String> queue = new ArrayDeque<>();
        for (String version : List.of("2", "latest")) {
            for (String path : List.of("/search?jql=ORDER%20BY%20key&fields=*all&maxResults=20", "/issue/" + issue, "/issue/" + issue + "/editmeta",
                    "/project", "/project/DCP?expand=projectKeys", "/myself", "/user?username=jdoe", "/user/search?username=.",
                    "/user/assignable/search?project=DCP", "/field", "/issuetype", "/priority", "/status", "/statuscategory", "/resolution",
                    "/serverInfo", "/issue/createmeta/DCP/issuetypes", "/issue/createmeta/DCP/issuetypes/10005",
                    "/issue/createmeta?expand=projects.issuetypes.fields",
                    // Components, versions and custom field options, and the issues that carry them.
                    "/project/DCP/components", "/project/DCP/versions", "/project/DCO/components", "/component/10000", "/version/10000",
                    "/customFieldOption/10400", "/search?jql=component%20IS%20NOT%20EMPTY%20OR%20fixVersion%20IS%20NOT%20EMPTY&fields=*all&maxResults=20",
                    "/search?jql=Severity%20IS%20NOT%20EMPTY&fields=*all&maxResults=10",
                    // History, comments, worklogs, transitions and links (on DCP-1, see activity).
                    "/issue/DCP-1?expand=changelog", "/issue/DCP-1/comment", "/issue/DCP-1/worklog", "/issue/DCP-1/transitions",
                    "/issueLinkType", "/search?jql=key%3DDCP-2&fields=*all&expand=changelog")) {
                queue.add(base + "/rest/api/" + version + path);
            }
        }
        // The old createmeta is gone from 9.0 on, where it reads as a missing issue.
        return LinkCrawl.broken(queue, List.of(base), token, sim.baseUrl(),
                (url, status) -> url.contains("/issue/createmeta?") && status == 404 && !instance.endsWith("/jira"));
    }

    /** A comment, a worklog, a transition and a link on DCP-1 (jdoe may edit DCP), so their links are crawled too. */
    private static void activity(JirasimServer sim, String instance) {
        var api = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>) () -> io.restassured.RestAssured.given()
                .baseUri(sim.baseUrl() + instance).auth().oauth2(DcRestHttpTest.JDOE_PAT).contentType("application/json");
        api.get().body(java.util.Map.of("body", "Crawl me")).post("/rest/api/2/issue/DCP-1/comment").then().statusCode(201);
        api.get().body(java.util.Map.of("timeSpent", "1h", "started", "2024-01-15T10:00:00.000+0000")).post("/rest/api/2/issue/DCP-1/worklog")
                .then().statusCode(201);
        api.get().body(java.util.Map.of("transition", java.util.Map.of("id", "31"))).post("/rest/api/2/issue/DCP-1/transitions").then().statusCode(204);
        api.get().body(java.util.Map.of("type", java.util.Map.of("name", "Blocks"), "inwardIssue", java.util.Map.of("key", "DCP-1"),
                "outwardIssue", java.util.Map.of("key", "DCP-2"))).post("/rest/api/2/issueLink").then().statusCode(201);
    }
}
