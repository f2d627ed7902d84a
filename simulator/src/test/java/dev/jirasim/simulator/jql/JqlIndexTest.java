package dev.jirasim.simulator.jql;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index as a listener of a real world: it loads the site's issues and follows creates, updates and deletes. */
class JqlIndexTest {
    private final World world = World.of(WorldFiles.defaultWorld("http://localhost:8484"), new SimClock());
    private final JiraData jira = world.jira();
    private final IssueIndex index = IssueIndex.of(jira, "acme");

    private SearchContext as(String email) {
        User user = world.user(email).orElseThrow();
        return new SearchContext(user.accountId(), Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC,
                p -> jira.can(user, p, Permission.BROWSE), world::user, ref -> jira.project("acme", ref)
                        .or(() -> jira.projects("acme").stream().filter(p -> p.name().equalsIgnoreCase(ref)).findFirst()));
    }

    private Set<String> keys(String jql, String email) {
        return Set.copyOf(JqlSearch.search(index, jql, as(email)).stream().map(Issue::key).toList());
    }

    @Test
    void loadsTheSiteAndFollowsChanges() {
        assertEquals(jira.issues("acme").size(), index.size());
        int sec = jira.issues("acme").stream().filter(i -> i.project().equals("SEC")).toList().size();
        assertEquals(index.size() - sec, JqlSearch.search(index, "project is not empty", as("bob@acme.test")).size());

        Issue template = jira.issues("acme").iterator().next();
        Issue created = jira.create("acme", "OPS", i -> i, new Issue("1", "OPS-1", "acme", "OPS", "Brand new zebra", null, "Task", "To Do",
                "High", null, template.reporter(), null, List.of("zebra"), Instant.parse("2026-11-30T00:00:00Z"), null, null, null, null, null, null));
        assertEquals(Set.of(created.key()), keys("summary ~ zebra", "bob@acme.test"));

        Issue moved = jira.update(new Issue(created.id(), created.key(), "acme", "OPS", "Brand new zebra", null, "Task", "Done", "High",
                null, created.reporter(), null, List.of("zebra"), created.created(), null, Instant.parse("2026-11-30T01:00:00Z"), "Done", null, null, null));
        assertEquals(Set.of(), keys("labels = zebra and status = \"To Do\"", "bob@acme.test"));
        assertEquals(Set.of(moved.key()), keys("labels = zebra and resolved >= 2026-11-30", "bob@acme.test"));

        jira.delete(moved);
        assertEquals(Set.of(), keys("labels = zebra", "bob@acme.test"));
        assertEquals(jira.issues("acme").size(), index.size());
    }
}
