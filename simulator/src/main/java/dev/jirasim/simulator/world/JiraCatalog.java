package dev.jirasim.simulator.world;

import java.util.List;
import java.util.Optional;

/**
 * The fixed Jira configuration every simulated site shares: statuses (with their categories), issue
 * types, priorities and resolutions, each with the id Jira would show.
 */
public final class JiraCatalog {
    public record Status(String id, String name, String categoryKey, String categoryName, int categoryId) {
    }

    public record IssueType(String id, String name, boolean subtask) {
    }

    public record Priority(String id, String name) {
    }

    public record Resolution(String id, String name) {
    }

    public static final List<Status> STATUSES = List.of(
            new Status("10000", "To Do", "new", "To Do", 2),
            new Status("3", "In Progress", "indeterminate", "In Progress", 4),
            new Status("10001", "In Review", "indeterminate", "In Progress", 4),
            new Status("10002", "Done", "done", "Done", 3));
    public static final List<IssueType> ISSUE_TYPES = List.of(
            new IssueType("10001", "Task", false), new IssueType("10002", "Bug", false),
            new IssueType("10003", "Story", false), new IssueType("10004", "Epic", false),
            new IssueType("10005", "Subtask", true));
    public static final List<Priority> PRIORITIES = List.of(
            new Priority("1", "Highest"), new Priority("2", "High"), new Priority("3", "Medium"),
            new Priority("4", "Low"), new Priority("5", "Lowest"));
    public static final List<Resolution> RESOLUTIONS = List.of(
            new Resolution("10000", "Done"), new Resolution("10001", "Won't Do"), new Resolution("10002", "Duplicate"));

    private JiraCatalog() {
    }

    public static Optional<Status> status(String name) {
        return STATUSES.stream().filter(s -> s.name().equalsIgnoreCase(name) || s.id().equals(name)).findFirst();
    }

    public static Optional<IssueType> issueType(String name) {
        return ISSUE_TYPES.stream().filter(t -> t.name().equalsIgnoreCase(name) || t.id().equals(name)).findFirst();
    }

    public static Optional<Priority> priority(String name) {
        return PRIORITIES.stream().filter(p -> p.name().equalsIgnoreCase(name) || p.id().equals(name)).findFirst();
    }

    public static Optional<Resolution> resolution(String name) {
        return RESOLUTIONS.stream().filter(r -> r.name().equalsIgnoreCase(name) || r.id().equals(name)).findFirst();
    }
}
