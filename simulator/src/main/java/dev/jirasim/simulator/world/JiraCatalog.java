package dev.jirasim.simulator.world;

import java.util.List;
import java.util.Optional;

/**
 * The fixed Jira configuration every simulated site shares: statuses (with their categories), issue
 * types, priorities and resolutions, each with the id Jira would show.
 */
public final class JiraCatalog {
    public record Status(String id, String name, String categoryKey, String categoryName, int categoryId) {
        public StatusCategory category() {
            return statusCategory(Integer.toString(categoryId)).orElseThrow();
        }
    }

    /** Jira's four fixed status categories; {@code undefined} holds no status but is listed. */
    public record StatusCategory(int id, String key, String name, String colorName) {
    }

    /**
     * @param hierarchyLevel 1 for epics, 0 for standard types, -1 for sub-tasks (Jira's levels)
     * @param avatarId       the default avatar Jira gives the type (its {@code iconUrl} names it)
     * @param projectId      for a team-managed project's own type, that project's id; null for the site's shared types
     */
    public record IssueType(String id, String name, boolean subtask, int hierarchyLevel, long avatarId, String description, String projectId) {
        /** One of the site's shared types. */
        public IssueType(String id, String name, boolean subtask, int hierarchyLevel, long avatarId, String description) {
            this(id, name, subtask, hierarchyLevel, avatarId, description, null);
        }

        /** The same kind of type, as a team-managed project's own, with its id. */
        public IssueType scopedTo(String projectId, String id) {
            return new IssueType(id, name, subtask, hierarchyLevel, avatarId, description, projectId);
        }
    }

    public record Priority(String id, String name, String statusColor, String description, boolean isDefault) {
    }

    public record Resolution(String id, String name, String description) {
    }

    /** An issue link type: its name and the phrases each side reads ("This issue blocks ACME-2"). */
    public record IssueLinkType(String id, String name, String inward, String outward) {
    }

    public static final List<StatusCategory> STATUS_CATEGORIES = List.of(
            new StatusCategory(1, "undefined", "No Category", "medium-gray"),
            new StatusCategory(2, "new", "To Do", "blue-gray"),
            new StatusCategory(4, "indeterminate", "In Progress", "yellow"),
            new StatusCategory(3, "done", "Done", "green"));

    public static final List<Status> STATUSES = List.of(
            new Status("10000", "To Do", "new", "To Do", 2),
            new Status("3", "In Progress", "indeterminate", "In Progress", 4),
            new Status("10001", "In Review", "indeterminate", "In Progress", 4),
            new Status("10002", "Done", "done", "Done", 3));
    public static final List<IssueType> ISSUE_TYPES = List.of(
            new IssueType("10001", "Task", false, 0, 10318, "A small, distinct piece of work."),
            new IssueType("10002", "Bug", false, 0, 10303, "A problem or error."),
            new IssueType("10003", "Story", false, 0, 10315, "A user story. Created by Jira Software - do not edit or delete."),
            new IssueType("10004", "Epic", false, 1, 10307, "A big user story that needs to be broken down. Created by Jira Software - do not edit or delete."),
            new IssueType("10005", "Subtask", true, -1, 10316, "A small piece of work that's part of a larger task."));
    public static final List<Priority> PRIORITIES = List.of(
            new Priority("1", "Highest", "#d04437", "This problem will block progress.", false),
            new Priority("2", "High", "#f15C75", "Serious problem that could block progress.", false),
            new Priority("3", "Medium", "#f79232", "Has the potential to affect progress.", true),
            new Priority("4", "Low", "#707070", "Minor problem or easily worked around.", false),
            new Priority("5", "Lowest", "#999999", "Trivial problem with little or no impact on progress.", false));
    public static final List<Resolution> RESOLUTIONS = List.of(
            new Resolution("10000", "Done", "Work has been completed on this issue."),
            new Resolution("10001", "Won't Do", "This issue won't be actioned."),
            new Resolution("10002", "Duplicate", "The problem is a duplicate of an existing issue."));

    /** The link types a new Jira Cloud site has, with the ids Jira gives them (developer.atlassian.com, issue linking model). */
    public static final List<IssueLinkType> LINK_TYPES = List.of(
            new IssueLinkType("10000", "Blocks", "is blocked by", "blocks"),
            new IssueLinkType("10001", "Cloners", "is cloned by", "clones"),
            new IssueLinkType("10002", "Duplicate", "is duplicated by", "duplicates"),
            new IssueLinkType("10003", "Relates", "relates to", "relates to"));

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

    /** A status category by id or key. */
    public static Optional<StatusCategory> statusCategory(String idOrKey) {
        return STATUS_CATEGORIES.stream().filter(c -> Integer.toString(c.id()).equals(idOrKey) || c.key().equalsIgnoreCase(idOrKey)).findFirst();
    }

    public static Optional<Resolution> resolution(String name) {
        return RESOLUTIONS.stream().filter(r -> r.name().equalsIgnoreCase(name) || r.id().equals(name)).findFirst();
    }

    /** A link type by id, or by name (case-insensitive, as Jira matches {@code type.name}). */
    public static Optional<IssueLinkType> linkType(String nameOrId) {
        return LINK_TYPES.stream().filter(t -> t.id().equals(nameOrId) || t.name().equalsIgnoreCase(nameOrId)).findFirst();
    }
}
