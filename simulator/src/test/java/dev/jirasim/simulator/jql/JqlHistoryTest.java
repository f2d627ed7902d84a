package dev.jirasim.simulator.jql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jirasim.simulator.world.Issue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WAS and CHANGED on a small site whose issues were changed through IssueHistory.record:
 * <pre>
 * ACME-1  created 01-10 by bob, To Do, alice, High
 *         01-12 10:00 alice  status To Do → In Progress
 *         01-20 09:00 bob    assignee alice → bob, priority High → Highest
 *         01-30 16:00 bob    status In Progress → Done, resolution → Done
 * ACME-2  created 01-20 by carol, In Progress, unassigned; never changed
 * OPS-1   created 01-15 by carol, To Do, carol
 *         01-31 08:00 carol  status To Do → In Progress, fix version + 1.0
 * SEC-1   created 01-30 by alice, To Do, alice (bob may not browse SEC)
 *         01-31 12:00 alice  status To Do → In Review
 * </pre>
 * Now is 2026-02-01 12:00 UTC.
 */
class JqlHistoryTest {
    static List<Issue> issues() {
        var out = new ArrayList<Issue>();
        Issue a1 = HistoryWorld.issue("40001", "ACME-1", Instant.parse("2026-01-10T00:00:00Z"), "To Do", "acc-alice", "acc-bob", "High", null, List.of());
        a1 = HistoryWorld.record(a1, a1.toBuilder().status("In Progress").build(), "acc-alice", Instant.parse("2026-01-12T10:00:00Z"));
        a1 = HistoryWorld.record(a1, a1.toBuilder().assignee("acc-bob").priority("Highest").build(), "acc-bob", Instant.parse("2026-01-20T09:00:00Z"));
        Instant done = Instant.parse("2026-01-30T16:00:00Z");
        a1 = HistoryWorld.record(a1, a1.toBuilder().status("Done").resolution("Done").resolved(done).build(), "acc-bob", done);
        out.add(a1);
        out.add(HistoryWorld.issue("40002", "ACME-2", Instant.parse("2026-01-20T00:00:00Z"), "In Progress", null, "acc-carol", "Low", null, List.of()));
        Issue o1 = HistoryWorld.issue("40003", "OPS-1", Instant.parse("2026-01-15T00:00:00Z"), "To Do", "acc-carol", "acc-carol", "Medium", null, List.of());
        o1 = HistoryWorld.record(o1, o1.toBuilder().status("In Progress").fixVersions(List.of("1.0")).build(), "acc-carol",
                Instant.parse("2026-01-31T08:00:00Z"));
        out.add(o1);
        Issue s1 = HistoryWorld.issue("40004", "SEC-1", Instant.parse("2026-01-30T00:00:00Z"), "To Do", "acc-alice", "acc-alice", "High", null, List.of());
        s1 = HistoryWorld.record(s1, s1.toBuilder().status("In Review").build(), "acc-alice", Instant.parse("2026-01-31T12:00:00Z"));
        out.add(s1);
        return out;
    }

    private final IssueIndex index = IssueIndex.of(issues());

    private Set<String> keys(String jql, SearchContext ctx) {
        var keys = new TreeSet<String>();
        JqlSearch.search(index, jql, ctx).forEach(i -> keys.add(i.key()));
        return keys;
    }

    private List<String> errors(String jql) {
        return assertThrows(JqlException.class, () -> JqlSearch.search(index, jql, JqlFixtures.alice())).errorMessages();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status WAS \"In Progress\"|ACME-1 ACME-2 OPS-1",
            "status was 'to do'|ACME-1 OPS-1 SEC-1",
            "status WAS 3|ACME-1 ACME-2 OPS-1",
            "status WAS NOT \"To Do\"|ACME-2",
            "status WAS IN (\"In Review\", Done)|ACME-1 SEC-1",
            "status WAS NOT IN (\"In Review\", Done)|ACME-2 OPS-1",
            "status WAS \"In Progress\" BY acc-alice|ACME-1",
            "status WAS \"In Progress\" BY (acc-carol, acc-bob)|ACME-2 OPS-1",
            "status WAS \"In Progress\" BEFORE \"2026-01-12\"|''",
            "status WAS \"In Progress\" BEFORE \"2026-01-13\"|ACME-1",
            "status WAS \"In Progress\" ON \"2026-01-25\"|ACME-1 ACME-2",
            "status WAS \"In Progress\" DURING (\"2026-01-31\", \"2026-02-01\")|ACME-2 OPS-1",
            "status WAS \"To Do\" AFTER \"2026-01-31 09:00\"|SEC-1",
            "status CHANGED|ACME-1 OPS-1 SEC-1",
            "NOT status CHANGED|ACME-2",
            "status CHANGED FROM \"To Do\" TO \"In Progress\"|ACME-1 OPS-1",
            "status CHANGED FROM \"To Do\" TO \"In Progress\" AFTER \"2026-01-20\"|OPS-1",
            "status CHANGED BY currentUser()|ACME-1 SEC-1",
            "status CHANGED TO Done BY acc-bob DURING (\"2026-01-30\", \"2026-01-31\")|ACME-1",
            "status CHANGED FROM \"In Progress\" BY acc-alice|''",
            "status CHANGED AFTER -2d|ACME-1 OPS-1 SEC-1",
            "status CHANGED AFTER -1d|''",
            "status CHANGED ON \"2026-01-31\"|OPS-1 SEC-1",
            "status CHANGED BEFORE startOfMonth()|ACME-1 OPS-1 SEC-1",
            "status CHANGED AFTER startOfDay()|''",
            "assignee WAS acc-alice|ACME-1 SEC-1",
            "assignee WAS currentUser() AFTER \"2026-01-21\"|SEC-1",
            "assignee WAS EMPTY|ACME-2",
            "assignee CHANGED FROM acc-alice TO acc-bob|ACME-1",
            // found by JqlHistoryProperties (a fault in its brute force): currentUser() in a TO list
            "assignee CHANGED TO (acc-carol, currentUser())|''",
            "assignee CHANGED FROM (acc-carol, currentUser())|ACME-1",
            "priority WAS Highest|ACME-1",
            "priority CHANGED TO Highest BY acc-bob|ACME-1",
            "priority WAS High BEFORE \"2026-01-20\"|ACME-1",
            "resolution WAS Unresolved|ACME-1 ACME-2 OPS-1 SEC-1",
            "resolution WAS Done|ACME-1",
            "resolution CHANGED FROM EMPTY TO Done|ACME-1",
            "reporter WAS acc-bob|ACME-1",
            "reporter CHANGED|''",
            "fixVersion WAS \"1.0\"|OPS-1",
            "fixVersion WAS EMPTY|ACME-1 ACME-2 OPS-1 SEC-1",
            "fixVersion WAS EMPTY AFTER \"2026-01-31 08:00\"|ACME-1 ACME-2 SEC-1",
            "fixVersion CHANGED TO \"1.0\" BY acc-carol|OPS-1",
            "fixVersion CHANGED FROM EMPTY|OPS-1",
            "project = ACME AND status WAS \"In Progress\"|ACME-1 ACME-2",
            "status WAS \"In Progress\" AND assignee CHANGED|ACME-1",
            "status CHANGED OR assignee WAS EMPTY|ACME-1 ACME-2 OPS-1 SEC-1"})
    void findsIssues(String jql, String expected) {
        assertEquals(expected.isEmpty() ? Set.of() : new TreeSet<>(List.of(expected.split(" "))), keys(jql, JqlFixtures.alice()));
    }

    @Test
    void leavesOutIssuesTheSearcherMayNotBrowse() {
        assertEquals(Set.of("ACME-1"), keys("status CHANGED BY acc-alice", JqlFixtures.bob()));
        assertEquals(Set.of("ACME-2"), keys("status WAS NOT \"To Do\"", JqlFixtures.bob()));
    }

    @Test
    void followsChangesThroughTheListener() {
        Issue o1 = issues().get(2);
        Issue later = HistoryWorld.record(o1, o1.toBuilder().status("Done").assignee("acc-bob").build(), "acc-bob",
                Instant.parse("2026-02-01T09:00:00Z"));
        index.added(later);
        assertEquals(Set.of("ACME-1", "OPS-1"), keys("status CHANGED TO Done", JqlFixtures.alice()));
        assertEquals(Set.of("ACME-1", "OPS-1"), keys("assignee CHANGED BY acc-bob", JqlFixtures.alice()));
        assertEquals(Set.of("ACME-2", "OPS-1"), keys("status WAS \"In Progress\" ON \"2026-01-31\"", JqlFixtures.alice()));
        index.removed(later);
        assertEquals(Set.of("ACME-1"), keys("status CHANGED TO Done", JqlFixtures.alice()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "summary WAS x|History searches do not support the 'summary' field.",
            "labels CHANGED|History searches do not support the 'labels' field.",
            "created CHANGED AFTER -1d|History searches do not support the 'created' field.",
            "nosuch WAS x|Field 'nosuch' does not exist or you do not have permission to view it.",
            "status WAS Nope|The value 'Nope' does not exist for the field 'status'.",
            "status CHANGED FROM Nope|The value 'Nope' does not exist for the field 'status'.",
            "assignee WAS nobody|The value 'nobody' does not exist for the field 'assignee'.",
            "status WAS (\"To Do\", Done)|Operator 'was' does not support the list value '(\"To Do\", \"Done\")' for field 'status'.",
            "status WAS IN Done|Operator 'was in' does not support the non-list value '\"Done\"' for field 'status'.",
            "status WAS Done FROM \"To Do\"|The predicate 'from' is not supported by the 'was' operator.",
            "status CHANGED BY nobody|The user 'nobody' does not exist and cannot be used in the 'by' predicate.",
            "status CHANGED AFTER banana|Date value 'banana' for predicate 'after' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
            "status CHANGED AFTER currentUser()|A date for the predicate 'after' provided by the function 'currentUser' is not valid.",
            "status CHANGED BEFORE (\"2026-01-01\", \"2026-01-02\")|The 'before' predicate takes a single date.",
            "status CHANGED DURING (\"2026-01-01\")|The 'during' predicate needs a list of two dates, e.g. DURING (\"2026-01-01\", \"2026-01-31\").",
            "status CHANGED DURING \"2026-01-01\"|The 'during' predicate needs a list of two dates, e.g. DURING (\"2026-01-01\", \"2026-01-31\").",
            "status CHANGED AFTER bogus()|Unable to find JQL function 'bogus()'."})
    void refusesWhatJiraRefuses(String jql, String message) {
        assertEquals(List.of(message), errors(jql));
    }

    @Test
    void parsesAndPrintsHistoryClauses() {
        Query q = Jql.parse("status was not in ('To Do', Done) by (acc-alice, currentUser()) during (\"2026-01-01\", -1d) and assignee changed");
        assertEquals("status WAS NOT IN (\"To Do\", Done) BY (acc-alice, currentUser()) DURING (2026-01-01, -1d) AND assignee CHANGED",
                Jql.print(q));
        assertEquals(q, Jql.parse(Jql.print(q)));
        assertEquals("status CHANGED FROM \"To Do\" TO Done AFTER startOfWeek() ORDER BY key",
                Jql.print(Jql.parse("status changed from \"To Do\" to Done after startOfWeek() order by key")));
        assertEquals(List.of("Error in the JQL Query: Expecting either a value, list or function before the end of the query."),
                assertThrows(JqlException.class, () -> Jql.parse("status WAS")).errorMessages());
        assertEquals(List.of("Error in the JQL Query: Expecting either a value, list or function before the end of the query."),
                assertThrows(JqlException.class, () -> Jql.parse("status CHANGED FROM")).errorMessages());
        assertEquals(List.of("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'banana'. (line 1, character 16)"),
                assertThrows(JqlException.class, () -> Jql.parse("status CHANGED banana")).errorMessages());
    }
}
