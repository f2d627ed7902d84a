package dev.jirasim.simulator.jql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraData;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFiles;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reused results must never be stale: index changes, another searcher, another limit or a later clock all miss. */
class ResultCacheTest {
    private final World world = World.of(WorldFiles.defaultWorld("http://localhost:8484"), new SimClock());
    private final JiraData jira = world.jira();
    private final IssueIndex index = IssueIndex.of(jira, "acme");
    private final ResultCache cache = new ResultCache();

    private SearchContext as(String email, Instant now) {
        User user = world.user(email).orElseThrow();
        return new SearchContext(user.accountId(), now, ZoneOffset.UTC, p -> jira.can(user, p, Permission.BROWSE), world::user,
                ref -> jira.project("acme", ref));
    }

    private List<Issue> search(String jql, String email, Instant now, int limit) {
        return cache.search(index, jql, Jql.parse(jql), as(email, now), limit);
    }

    @Test
    void equalSearchesShareAResultAndAnyChangeToTheIndexMisses() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        List<Issue> first = search("project = OPS ORDER BY key", "bob@acme.test", now, 1000);
        assertSame(first, search("project = OPS ORDER BY key", "bob@acme.test", now, 1000));
        assertEquals(JqlSearch.search(index, Jql.parse("project = OPS ORDER BY key"), as("bob@acme.test", now)), first);

        Issue template = jira.issues("acme").iterator().next();
        Issue created = jira.create("acme", "OPS", i -> i, new Issue("1", "OPS-1", "acme", "OPS", "Cached zebra", null, "Task", "To Do",
                "High", null, template.reporter(), null, List.of(), Instant.parse("2026-11-30T00:00:00Z"), null, null, null, null, null, null));
        List<Issue> after = search("project = OPS ORDER BY key", "bob@acme.test", now, 1000);
        assertEquals(first.size() + 1, after.size());
        assertTrue(after.stream().anyMatch(i -> i.key().equals(created.key())));
    }

    @Test
    void theSearcherAndTheLimitArePartOfTheKey() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        int all = search("project is not empty", "alice@acme.test", now, 1000).size();
        int bob = search("project is not empty", "bob@acme.test", now, 1000).size();
        assertTrue(bob < all, "bob may not browse SEC");
        assertEquals(3, search("project is not empty", "alice@acme.test", now, 3).size());
    }

    @Test
    void aQueryThatReadsTheClockIsEvaluatedAgainWhenTimePasses() {
        Instant early = Instant.parse("2020-01-01T00:00:00Z");
        Instant late = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(0, search("project = ACME AND created <= -1d", "alice@acme.test", early, 1000).size());
        assertFalse(search("project = ACME AND created <= -1d", "alice@acme.test", late, 1000).isEmpty());
        assertTrue(ResultCache.readsClock(Jql.parse("project = ACME AND updated >= startOfDay()")));
        assertTrue(ResultCache.readsClock(Jql.parse("assignee in (currentUser(), bob)")));
        assertFalse(ResultCache.readsClock(Jql.parse("project = ACME AND status != Done ORDER BY created DESC")));
    }
}
