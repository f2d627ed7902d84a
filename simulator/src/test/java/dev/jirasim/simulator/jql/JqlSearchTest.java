package dev.jirasim.simulator.jql;

import static dev.jirasim.simulator.jql.JqlFixtures.alice;
import static dev.jirasim.simulator.jql.JqlFixtures.bob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jirasim.simulator.world.Issue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JqlSearchTest {
    private final IssueIndex index = JqlFixtures.index();

    private List<String> keys(String jql, SearchContext ctx) {
        return JqlSearch.search(index, jql, ctx).stream().map(Issue::key).toList();
    }

    private List<String> errors(String jql, SearchContext ctx) {
        return assertThrows(JqlException.class, () -> JqlSearch.search(index, jql, ctx)).errorMessages();
    }

    /** Expected keys in default order (created, newest first). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "project = ACME|ACME-4 ACME-2 ACME-1 ACME-3",
            "project in (\"Operations\", 10002)|SEC-1 OPS-1 OPS-2",
            "project != acme|SEC-1 OPS-1 OPS-2",
            "project in (ACME, OPS) AND assignee = currentUser()|ACME-4 ACME-1",
            "status = \"In Progress\"|ACME-2",
            "status in (3, Done)|ACME-2 ACME-3 OPS-2",
            "statusCategory = Done|ACME-3 OPS-2",
            "statusCategory in (indeterminate)|ACME-4 ACME-2",
            "issuetype = Bug and type != bug|''",
            "type = Bug|SEC-1 ACME-2",
            "assignee is EMPTY|ACME-3",
            "assignee = EMPTY OR assignee = \"carol@acme.test\"|OPS-1 ACME-3",
            "assignee != acc-bob|SEC-1 ACME-4 OPS-1 ACME-1",
            "assignee not in (acc-bob, acc-alice)|OPS-1",
            "reporter = acc-alice and creator = acc-alice|SEC-1 ACME-4 ACME-2 ACME-3",
            "priority > Medium|SEC-1 ACME-2 ACME-1",
            "priority <= low|ACME-4 OPS-2",
            "labels = ux|ACME-4 ACME-2",
            "labels not in (ux)|SEC-1 OPS-1 ACME-1",
            "labels is empty|ACME-3 OPS-2",
            "resolution = Unresolved and project = OPS|OPS-1",
            "resolution is not empty|ACME-3 OPS-2",
            "parent = ACME-3|ACME-4",
            "parent = 20003|ACME-4",
            "key = ACME-2|ACME-2",
            "issuekey in (acme-1, OPS-2)|ACME-1 OPS-2",
            "id = 20005 or issue = 20006|SEC-1 OPS-1",
            "key > ACME-2|ACME-4 ACME-3",
            "id >= 20006|SEC-1 OPS-2",
            "key != ACME-1 and project = ACME|ACME-4 ACME-2 ACME-3",
            "summary ~ login|SEC-1 ACME-1",
            "summary ~ \"LOG\"|SEC-1 ACME-1 OPS-2",
            "summary ~ \"\\\"login page\\\"\"|ACME-1",
            "summary ~ \"dark toggle\"|ACME-4",
            "summary !~ dark and project = ACME|ACME-2 ACME-1",
            "description ~ safari|ACME-1",
            "description is empty and project = ACME|ACME-4 ACME-2",
            "comment ~ \"login page\"|ACME-4",
            "text ~ \"safari reproduce\"|ACME-1",
            "text ~ theme|ACME-3",
            "created >= \"2026-01-20\"|SEC-1 ACME-4 ACME-2",
            "created >= -7d|SEC-1 ACME-4",
            "created > \"2026/01/28 14:30\"|SEC-1",
            "created = \"2026-01-28 14:30\"|ACME-4",
            "createdDate >= startOfMonth()|''",
            "created >= startOfMonth(-1) and created < startOfMonth()|SEC-1 ACME-4 ACME-2 OPS-1 ACME-1 ACME-3 OPS-2",
            "created >= startOfWeek() |''",
            "created > endOfDay(-3)|SEC-1",
            "updated <= \"2026-01-05 08:00\"|ACME-3 OPS-2",
            "resolved >= 2026-01-20|ACME-3",
            "resolutiondate is empty and project = OPS|OPS-1",
            "duedate <= now()|ACME-2",
            "due = 2026-03-01|ACME-3",
            "due > \"2026-02-01\"|ACME-3",
            "duedate is empty and project = ACME|ACME-4 ACME-1",
            "not project = ACME|SEC-1 OPS-1 OPS-2",
            "not (project = ACME or status = Done)|SEC-1 OPS-1",
            "(labels = backend OR labels = infra) AND NOT summary ~ bypass|OPS-1 ACME-1"})
    void findsIssues(String jql, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), keys(jql, alice()));
    }

    @Test
    void leavesOutIssuesOfProjectsTheSearcherMayNotBrowse() {
        assertEquals(List.of("ACME-1"), keys("labels = backend", bob()));
        assertEquals(List.of("ACME-2", "ACME-1"), keys("priority > Medium", bob()));
        assertEquals(List.of("OPS-1", "OPS-2"), keys("not project = ACME", bob()));
        assertEquals(List.of("SEC-1"), keys("labels = backend", JqlFixtures.as(JqlFixtures.ALICE, java.util.Set.of("SEC"))));
    }

    @Test
    void anInvisibleProjectDoesNotExist() {
        assertEquals(List.of("The value 'SEC' does not exist for the field 'project'."), errors("project = SEC", bob()));
        assertEquals(List.of("The value 'Security' does not exist for the field 'project'."), errors("project in (ACME, Security)", bob()));
        assertEquals(List.of("The value 'NOPE' does not exist for the field 'project'."), errors("project = NOPE", alice()));
        assertEquals(List.of("An issue with key 'SEC-1' does not exist for field 'key'."), errors("key = SEC-1", bob()));
        assertEquals(List.of("An issue with key 'SEC-1' does not exist for field 'parent'."), errors("parent = SEC-1", bob()));
    }

    @Test
    void ordersByFieldsWithIdsBreakingTies() {
        assertEquals(List.of("ACME-1", "ACME-2", "ACME-3", "ACME-4", "OPS-1", "OPS-2", "SEC-1"), keys("project is not empty ORDER BY key", alice()));
        assertEquals(List.of("ACME-2", "ACME-1", "SEC-1", "ACME-3", "OPS-1", "ACME-4", "OPS-2"), keys("project is not empty ORDER BY priority DESC", alice()));
        // Alice Archer, Bob Baker, Carol Cole, then unassigned.
        assertEquals(List.of("ACME-1", "ACME-4", "SEC-1", "ACME-2", "OPS-2", "OPS-1", "ACME-3"), keys("project is not empty ORDER BY assignee", alice()));
        assertEquals(List.of("ACME-3", "OPS-1", "OPS-2", "ACME-2", "SEC-1", "ACME-4", "ACME-1"), keys("project is not empty ORDER BY assignee DESC, key DESC", alice()));
        assertEquals(List.of("OPS-2", "ACME-3", "ACME-1", "OPS-1", "ACME-2", "ACME-4", "SEC-1"), keys("project is not empty ORDER BY created asc", alice()));
        assertEquals(List.of("SEC-1", "ACME-4", "ACME-2", "OPS-1", "ACME-1", "ACME-3", "OPS-2"), keys("project is not empty ORDER BY created", alice()));
        assertEquals(List.of("ACME-2", "ACME-3", "ACME-1", "ACME-4", "OPS-1", "OPS-2", "SEC-1"), keys("project is not empty ORDER BY duedate, key", alice()));
        assertEquals(List.of("OPS-2", "ACME-3"), keys("resolution = Done ORDER BY status, summary", alice()));
    }

    @Test
    void validationReportsEveryProblemInJirasWords() {
        assertEquals(List.of("Field 'rank' does not exist or you do not have permission to view it."), errors("rank = 1", alice()));
        assertEquals(List.of("The operator '=' is not supported by the 'summary' field."), errors("summary = x", alice()));
        assertEquals(List.of("Operator 'in' does not support the non-list value '\"test\"' for field 'summary'."), errors("summary in \"test\"", alice()));
        assertEquals(List.of("Operator '=' does not support the list value '(\"a\", \"b\")' for field 'status'."), errors("status = (a, b)", alice()));
        assertEquals(List.of("Operator 'is' does not support searching for non-empty values for field 'assignee'."), errors("assignee is bob", alice()));
        assertEquals(List.of("Operator '>' does not support the empty value representation 'EMPTY' for field 'created'."), errors("created > empty", alice()));
        assertEquals(List.of("The value 'Open' does not exist for the field 'status'.", "The value 'nobody' does not exist for the field 'assignee'.",
                "The value 'Epicc' does not exist for the field 'type'.", "The value 'Urgent' does not exist for the field 'priority'."),
                errors("status = Open and assignee = nobody or type = Epicc or priority in (High, Urgent)", alice()));
        assertEquals(List.of("Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'."),
                errors("created > yesterday", alice()));
        assertEquals(List.of("Date value '2026-01-01 10:00' for field 'due' is invalid. Valid formats include: 'YYYY/MM/DD', 'YYYY-MM-DD', or a period format e.g. '-5d', '4w 2d'."),
                errors("due > \"2026-01-01 10:00\"", alice()));
        assertEquals(List.of("Unable to find JQL function 'bogus()'."), errors("assignee = bogus()", alice()));
        assertEquals(List.of("Function 'now' expected '0' arguments but received '1'."), errors("created > now(1)", alice()));
        assertEquals(List.of("Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier."),
                errors("created > startOfDay(\"soon\")", alice()));
        assertEquals(List.of("The text query '*start' for field 'summary' is not allowed to start with '*'."), errors("summary ~ \"*start\"", alice()));
        assertEquals(List.of("The issue key 'banana' for field 'key' is invalid."), errors("key = banana", alice()));
        assertEquals(List.of("Not able to sort using field 'Rank'.", "Not able to sort using field 'labels'."),
                errors("project = ACME order by Rank, labels", alice()));
        assertEquals(List.of("The ORDER BY clause can contain at most 7 fields."),
                errors("project = ACME order by key, status, priority, created, updated, summary, assignee, reporter", alice()));
    }

    @Test
    void currentUserOfAnAnonymousSearcherMatchesNothing() {
        assertEquals(List.of(), keys("assignee = currentUser()", JqlFixtures.as(null, java.util.Set.of("ACME", "OPS"))));
    }

    @Test
    void followsChangesReportedByTheData() {
        Issue before = JqlFixtures.ISSUES.get(4);
        Issue after = new Issue(before.id(), before.key(), before.site(), before.project(), "Rotate keys", before.description(), "Bug",
                "Done", before.priority(), null, before.reporter(), before.creator(), List.of("ops"), before.created(), JqlFixtures.NOW,
                JqlFixtures.NOW, "Done", null, null, List.of());
        index.removed(before);
        index.added(after);
        assertEquals(List.of("OPS-1"), keys("summary ~ keys AND assignee is empty AND labels = ops AND status = Done", alice()));
        assertEquals(List.of(), keys("labels = infra", alice()));
        index.removed(after);
        assertEquals(List.of("OPS-2"), keys("project = OPS", alice()));
    }
}
