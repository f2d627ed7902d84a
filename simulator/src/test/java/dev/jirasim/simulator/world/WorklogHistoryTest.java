package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Worklog and estimate changes become the changelog items Jira writes. */
class WorklogHistoryTest {
    private static final Instant T = Instant.parse("2026-01-15T10:00:00Z");
    private static final IssueHistory.Names NAMES = new IssueHistory.Names() {
        @Override
        public String displayName(String person) {
            return person;
        }

        @Override
        public Optional<CustomField> customField(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Project> project(String key) {
            return Optional.empty();
        }

        @Override
        public Optional<Issue> issue(String keyOrId) {
            return Optional.empty();
        }
    };

    private static Issue with(List<IssueActivity.Worklog> worklogs, Long original, Long remaining) {
        var base = new Issue("10001", "A-1", "a", "A", "s", null, null, null, null, null, null, null, null, T, null, null, null, null, null, null);
        return base.toBuilder().activity(new IssueActivity(worklogs, new IssueActivity.TimeTracking(original, remaining), null, null, null, null, null))
                .build();
    }

    @Test
    void addingAndDeletingAWorklog() {
        var w = new IssueActivity.Worklog("20001", "u", null, null, T, T, T, 3600, null);
        Issue before = with(List.of(), 28800L, 28800L);
        Issue after = with(List.of(w), 28800L, 25200L);
        var added = IssueHistory.diff(before, after, NAMES);
        assertEquals(List.of(
                new ChangeGroup.Item("timeestimate", "jira", "timeestimate", "28800", "28800", "25200", "25200"),
                new ChangeGroup.Item("timespent", "jira", "timespent", null, null, "3600", "3600"),
                new ChangeGroup.Item("WorklogId", "jira", null, null, null, "20001", "20001")), added);
        var deleted = IssueHistory.diff(after, with(List.of(), 28800L, 28800L), NAMES);
        assertEquals(List.of(
                new ChangeGroup.Item("timeestimate", "jira", "timeestimate", "25200", "25200", "28800", "28800"),
                new ChangeGroup.Item("timespent", "jira", "timespent", "3600", "3600", null, null),
                new ChangeGroup.Item("WorklogTimeSpent", "jira", null, null, "3600", null, null),
                new ChangeGroup.Item("WorklogId", "jira", null, "20001", "20001", null, null)), deleted);
        assertEquals(List.of(new ChangeGroup.Item("timeoriginalestimate", "jira", "timeoriginalestimate", "28800", "28800", "3600", "3600")),
                IssueHistory.diff(before, with(List.of(), 3600L, 28800L), NAMES));
    }
}
