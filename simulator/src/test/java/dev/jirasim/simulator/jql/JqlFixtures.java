package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Adf;
import dev.jirasim.simulator.world.Comment;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small hand-made site: three projects (bob may not browse SEC), three people, seven issues. */
final class JqlFixtures {
    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    static final User ALICE = new User("acc-alice", "alice@acme.test", "Alice Archer", null, null, null, null, List.of("acme"), List.of());
    static final User BOB = new User("acc-bob", "bob@acme.test", "Bob Baker", null, null, null, null, List.of("acme"), List.of());
    static final User CAROL = new User("acc-carol", "carol@acme.test", "Carol Cole", null, null, null, null, List.of("acme"), List.of());
    static final List<User> USERS = List.of(ALICE, BOB, CAROL);
    static final List<Project> PROJECTS = List.of(
            new Project("10000", "ACME", "Acme Web", "acme", null, null, Map.of()),
            new Project("10001", "OPS", "Operations", "acme", null, null, Map.of()),
            new Project("10002", "SEC", "Security", "acme", null, null, Map.of()));

    static final List<Issue> ISSUES = List.of(
            issue("20001", "ACME-1", "Task", "To Do", "High", ALICE, BOB, List.of("backend"), "2026-01-10T10:00:00Z", null, null, null,
                    "Fix login page", "The login page fails on Safari.", "I can reproduce this."),
            issue("20002", "ACME-2", "Bug", "In Progress", "Highest", BOB, ALICE, List.of("frontend", "UX"), "2026-01-20T09:00:00Z", null,
                    null, LocalDate.parse("2026-02-01"), "Speed up search results", null, null),
            issue("20003", "ACME-3", "Story", "Done", "Medium", null, ALICE, List.of(), "2026-01-05T08:00:00Z", "2026-01-25T16:00:00Z",
                    null, LocalDate.parse("2026-03-01"), "Dark mode", "Users want a dark theme", null),
            issue("20004", "ACME-4", "Subtask", "In Review", "Low", ALICE, ALICE, List.of("ux"), "2026-01-28T14:30:00Z", null,
                    "ACME-3", null, "Dark mode toggle", null, "Looking into the login page."),
            issue("20005", "OPS-1", "Task", "To Do", "Medium", CAROL, CAROL, List.of("infra"), "2026-01-15T11:00:00Z", null, null, null,
                    "Rotate certificates", null, null),
            issue("20006", "SEC-1", "Bug", "To Do", "High", ALICE, ALICE, List.of("security", "backend"), "2026-01-30T07:00:00Z", null,
                    null, null, "Login bypass", "Secret details", null),
            issue("20007", "OPS-2", "Task", "Done", "Lowest", BOB, BOB, List.of(), "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z",
                    null, null, "Clean up old logs", null, null));

    private JqlFixtures() {
    }

    private static Issue issue(String id, String key, String type, String status, String priority, User assignee, User reporter,
                               List<String> labels, String created, String resolved, String parent, LocalDate due, String summary,
                               String description, String comment) {
        List<Comment> comments = comment == null ? List.of()
                : List.of(new Comment("1" + id, BOB.accountId(), Adf.fromText(comment), Instant.parse(created), Instant.parse(created)));
        return new Issue(id, key, "acme", key.substring(0, key.indexOf('-')), summary, Adf.fromText(description), type, status, priority,
                assignee == null ? null : assignee.accountId(), reporter.accountId(), reporter.accountId(), labels, Instant.parse(created),
                null, resolved == null ? null : Instant.parse(resolved), resolved == null ? null : "Done", due, parent, comments);
    }

    static IssueIndex index() {
        return IssueIndex.of(ISSUES);
    }

    /** A searcher who may browse the given projects. */
    static SearchContext as(User user, Set<String> browsable) {
        return new SearchContext(user == null ? null : user.accountId(), NOW, ZoneOffset.UTC, p -> browsable.contains(p.key()),
                JqlFixtures::user, JqlFixtures::project);
    }

    static SearchContext alice() {
        return as(ALICE, Set.of("ACME", "OPS", "SEC"));
    }

    static SearchContext bob() {
        return as(BOB, Set.of("ACME", "OPS"));
    }

    static Optional<User> user(String ref) {
        return USERS.stream().filter(u -> u.matches(ref)).findFirst();
    }

    static Optional<Project> project(String ref) {
        return PROJECTS.stream().filter(p -> p.key().equalsIgnoreCase(ref) || p.id().equals(ref) || p.name().equalsIgnoreCase(ref)).findFirst();
    }
}
