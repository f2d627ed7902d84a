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
        assertEquals(List.of(), broken(sim, "/dc/dc1", DcRestHttpTest.token(sim, "admin", "READ"), "HR-1"));
    }

    @Test
    void linksKeepTheContextPathAndTheOldCreatemetaLinksToo(JirasimServer sim) throws Exception {
        var world = sim.control().exportWorld();
        var d = world.dataCenter().get(0);
        sim.control().replaceWorld(world.withDataCenter(List.of(new dev.jirasim.simulator.world.DcInstance(d.id(), "/jira", d.serverTitle(),
                "8.20.16", d.lifetimes(), d.users(), d.links(), d.personalAccessTokens(), d.consent(), d.projects(), null, d.issues(), d.customFields(), d.sprints()))));
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
                    "/search?jql=Severity%20IS%20NOT%20EMPTY&fields=*all&maxResults=10")) {
                queue.add(base + "/rest/api/" + version + path);
            }
        }
        // The old createmeta is gone from 9.0 on, where it reads as a missing issue.
        return LinkCrawl.broken(queue, List.of(base), token, sim.baseUrl(),
                (url, status) -> url.contains("/issue/createmeta?") && status == 404 && !instance.endsWith("/jira"));
    }
}
