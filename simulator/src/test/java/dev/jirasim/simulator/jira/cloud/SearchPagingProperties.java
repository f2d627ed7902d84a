package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.world.Grant;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For any user, query and page size: the pages of {@code /search/jql} concatenate to the full ordered result
 * with no duplicates, and every issue returned is one the user may browse.
 */
class SearchPagingProperties {
    private static final World WORLD = World.of(WorldFiles.defaultWorld("http://localhost:8484"), new SimClock());
    private static final SearchService SEARCH = new SearchService(new EngineJql());

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.of("created >= \"2000-01-01\"", "project = ACME", "project in (ACME, OPS) ORDER BY priority DESC, key",
                "status = Done ORDER BY updated", "labels in (api, backend) ORDER BY created DESC", "assignee is EMPTY",
                "text ~ login OR summary ~ export", "priority >= Medium ORDER BY duedate", "issuetype = Bug AND status != \"To Do\"",
                "resolution is not EMPTY ORDER BY resolved DESC, key ASC");
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.of("alice@acme.test", "bob@acme.test");
    }

    @Property(tries = 60)
    void pagesConcatenateAndStayWithinPermissions(@ForAll("users") String who, @ForAll("queries") String jql,
                                                  @ForAll @IntRange(min = 1, max = 40) int pageSize) {
        CloudCaller caller = caller(who);
        List<String> all = keys(page(caller, new SearchRequest(jql, null, 5000, List.of(), null, List.of(), List.of())));
        var paged = new ArrayList<String>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = page(caller, new SearchRequest(jql, token, pageSize, List.of(), null, List.of(), List.of()));
            paged.addAll(keys(page));
            token = page.path("nextPageToken").asText(null);
            assertEquals(token == null, page.get("isLast").asBoolean());
            pages++;
        } while (token != null && pages < 1000);
        assertEquals(all, paged);
        assertEquals(paged.size(), new HashSet<>(paged).size(), "no duplicates");
        for (String key : paged) {
            Issue issue = WORLD.jira().issue("acme", key).orElseThrow();
            assertTrue(caller.canBrowse(WORLD.jira().project("acme", issue.project()).orElseThrow()), who + " may not browse " + key);
        }
    }

    /** A page as the route writes it (through the page and result caches), read back as a client would. */
    private static JsonNode page(CloudCaller caller, SearchRequest request) {
        try {
            return dev.jirasim.simulator.common.Json.MAPPER.readTree(SEARCH.enhancedJson(caller, request));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> keys(JsonNode page) {
        var keys = new ArrayList<String>();
        for (JsonNode issue : page.get("issues")) keys.add(issue.get("key").asText());
        return keys;
    }

    private static CloudCaller caller(String who) {
        User user = WORLD.user(who).orElseThrow();
        Site acme = WORLD.site("acme").orElseThrow();
        Grant grant = WORLD.tokens().consent("jirasim-client", user.accountId(), List.of("read:jira-work"), List.of(acme.cloudId()));
        var code = WORLD.tokens().issueCode(grant, "http://localhost:3000/callback", List.of("read:jira-work"), null, null);
        var issued = (TokenStore.Outcome.Issued<TokenStore.CodeRejection>) WORLD.tokens()
                .redeem(code.code(), "jirasim-client", "http://localhost:3000/callback", null, false);
        var session = WORLD.tokens().authenticate(issued.pair().access().token()).orElseThrow();
        return new CloudCaller(WORLD, session, acme, user, 3, "http://localhost:8484/api/ex/jira/" + acme.cloudId() + "/rest/api/3", acme.url());
    }
}
