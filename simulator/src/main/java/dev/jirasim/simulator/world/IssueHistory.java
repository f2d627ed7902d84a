package dev.jirasim.simulator.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Jira's changelog, derived: what changed between two versions of an issue, as the items Jira writes (reference
 * jira-cloud-more §2). Every write goes through {@link #record}, so nothing changes without a history entry.
 * Creating an issue records nothing, as on Jira: an issue's history starts with its first change.
 */
public final class IssueHistory {
    /** What the items need to name things: people, custom fields, the project's parts, other issues. */
    public interface Names {
        String displayName(String person);

        Optional<CustomField> customField(String id);

        Optional<Project> project(String key);

        Optional<Issue> issue(String keyOrId);

        /** A sprint's name by id. */
        default Optional<String> sprint(long id) {
            return Optional.empty();
        }
    }

    private IssueHistory() {
    }

    /**
     * {@code after} with one more changelog entry (by {@code author}, at {@code at}, with id {@code id}) listing what
     * differs from {@code before}; {@code after} as it is when nothing a changelog shows differs.
     */
    public static Issue record(Issue before, Issue after, String author, Instant at, Function<Issue, String> id, Names names) {
        List<ChangeGroup.Item> items = diff(before, after, names);
        var history = new ArrayList<>(before.changelog());
        if (!items.isEmpty()) history.add(new ChangeGroup(id.apply(after), author, at, items));
        return after.toBuilder().changelog(history).build();
    }

    /** The items for everything that differs, in Jira's field order. */
    public static List<ChangeGroup.Item> diff(Issue a, Issue b, Names names) {
        var items = new ArrayList<ChangeGroup.Item>();
        text(items, "summary", a.summary(), b.summary());
        if (!Objects.equals(a.description(), b.description())) {
            items.add(new ChangeGroup.Item("description", "jira", "description", null, Adf.toText(a.description()), null, Adf.toText(b.description())));
        }
        named(items, "issuetype", a.issueType(), b.issueType(), n -> JiraCatalog.issueType(n).map(JiraCatalog.IssueType::id).orElse(null));
        named(items, "status", a.status(), b.status(), n -> JiraCatalog.status(n).map(JiraCatalog.Status::id).orElse(null));
        named(items, "priority", a.priority(), b.priority(), n -> JiraCatalog.priority(n).map(JiraCatalog.Priority::id).orElse(null));
        named(items, "resolution", a.resolution(), b.resolution(), n -> JiraCatalog.resolution(n).map(JiraCatalog.Resolution::id).orElse(null));
        person(items, "assignee", a.assignee(), b.assignee(), names);
        person(items, "reporter", a.reporter(), b.reporter(), names);
        if (!a.labels().equals(b.labels())) {
            items.add(new ChangeGroup.Item("labels", "jira", "labels", null, joined(a.labels()), null, joined(b.labels())));
        }
        if (!Objects.equals(a.duedate(), b.duedate())) {
            String from = a.duedate() == null ? null : a.duedate().toString();
            String to = b.duedate() == null ? null : b.duedate().toString();
            items.add(new ChangeGroup.Item("duedate", "jira", "duedate", from, from == null ? null : from + " 00:00:00.0", to, to == null ? null : to + " 00:00:00.0"));
        }
        if (!Objects.equals(a.parent(), b.parent())) {
            var from = Optional.ofNullable(a.parent()).flatMap(names::issue);
            var to = Optional.ofNullable(b.parent()).flatMap(names::issue);
            items.add(new ChangeGroup.Item("IssueParentAssociation", "jira", null, from.map(Issue::id).orElse(null), from.map(Issue::key).orElse(null),
                    to.map(Issue::id).orElse(null), to.map(Issue::key).orElse(null)));
        }
        Optional<Project> project = names.project(b.project());
        parts(items, "Component", "components", a.components(), b.components(),
                n -> project.flatMap(p -> p.component(n)).map(Project.Component::id).orElse(null));
        parts(items, "Fix Version", "fixVersions", a.fixVersions(), b.fixVersions(),
                n -> project.flatMap(p -> p.version(n)).map(Project.Version::id).orElse(null));
        links(items, a, b, names);
        attachments(items, a.activity().attachments(), b.activity().attachments());
        var ids = new java.util.TreeSet<String>(a.customFields().keySet());
        ids.addAll(b.customFields().keySet());
        for (String id : ids) {
            Object from = a.customFields().get(id);
            Object to = b.customFields().get(id);
            if (Objects.equals(from, to)) continue;
            var field = names.customField(id);
            items.add(new ChangeGroup.Item(field.map(CustomField::name).orElse(id), "custom", id, raw(from), shown(field, from, names),
                    raw(to), shown(field, to, names)));
        }
        timeTracking(items, a.activity(), b.activity());
        return items;
    }

    /**
     * Estimates, time spent and worklogs, as Jira writes them: {@code timeoriginalestimate}, {@code timeestimate} and
     * {@code timespent} in seconds, then {@code WorklogTimeSpent} for a deleted worklog and {@code WorklogId} for
     * each worklog added (to) or deleted (from).
     */
    private static void timeTracking(List<ChangeGroup.Item> items, IssueActivity a, IssueActivity b) {
        if (a == b) return;
        seconds(items, "timeoriginalestimate", a.timeTracking().originalEstimateSeconds(), b.timeTracking().originalEstimateSeconds());
        seconds(items, "timeestimate", a.timeTracking().remainingEstimateSeconds(), b.timeTracking().remainingEstimateSeconds());
        seconds(items, "timespent", a.timeSpentSeconds(), b.timeSpentSeconds());
        var before = new java.util.LinkedHashMap<String, IssueActivity.Worklog>();
        a.worklogs().forEach(w -> before.put(w.id(), w));
        var after = new java.util.HashSet<String>();
        b.worklogs().forEach(w -> after.add(w.id()));
        for (var w : before.values()) {
            if (after.contains(w.id())) continue;
            items.add(new ChangeGroup.Item("WorklogTimeSpent", "jira", null, null, Long.toString(w.timeSpentSeconds()), null, null));
            items.add(new ChangeGroup.Item("WorklogId", "jira", null, w.id(), w.id(), null, null));
        }
        for (var w : b.worklogs()) if (!before.containsKey(w.id())) items.add(new ChangeGroup.Item("WorklogId", "jira", null, null, null, w.id(), w.id()));
    }


    private static void seconds(List<ChangeGroup.Item> items, String field, Long from, Long to) {
        if (Objects.equals(from, to)) return;
        String f = from == null ? null : from.toString();
        String t = to == null ? null : to.toString();
        items.add(new ChangeGroup.Item(field, "jira", field, f, f, t, t));
    }

    /**
     * Issue links as Jira writes them: field {@code Link} without a {@code fieldId}, the other issue's key as
     * {@code from}/{@code to} and "This issue blocks ACME-2" as the text (reference jira-cloud-more §2, [REC]).
     */
    private static void links(List<ChangeGroup.Item> items, Issue a, Issue b, Names names) {
        var before = a.activity().links();
        var after = b.activity().links();
        for (IssueActivity.Link gone : before) {
            if (after.stream().noneMatch(l -> l.id().equals(gone.id()))) {
                String key = names.issue(gone.issueId()).map(Issue::key).orElse(gone.issueId());
                items.add(new ChangeGroup.Item("Link", "jira", null, key, linkText(gone, key), null, null));
            }
        }
        for (IssueActivity.Link added : after) {
            if (before.stream().noneMatch(l -> l.id().equals(added.id()))) {
                String key = names.issue(added.issueId()).map(Issue::key).orElse(added.issueId());
                items.add(new ChangeGroup.Item("Link", "jira", null, null, null, key, linkText(added, key)));
            }
        }
    }

    private static String linkText(IssueActivity.Link link, String otherKey) {
        var type = JiraCatalog.linkType(link.type());
        String phrase = type.map(t -> link.direction().equals("outward") ? t.outward() : t.inward()).orElse(link.type());
        return "This issue " + phrase + " " + otherKey;
    }

    /** Attachments: field {@code Attachment}, fieldId {@code attachment}, the attachment's id and file name. */
    private static void attachments(List<ChangeGroup.Item> items, List<IssueActivity.Attachment> before, List<IssueActivity.Attachment> after) {
        for (var gone : before) {
            if (after.stream().noneMatch(x -> x.id().equals(gone.id()))) {
                items.add(new ChangeGroup.Item("Attachment", "jira", "attachment", gone.id(), gone.filename(), null, null));
            }
        }
        for (var added : after) {
            if (before.stream().noneMatch(x -> x.id().equals(added.id()))) {
                items.add(new ChangeGroup.Item("Attachment", "jira", "attachment", null, null, added.id(), added.filename()));
            }
        }
    }

    private static void text(List<ChangeGroup.Item> items, String field, String from, String to) {
        if (!Objects.equals(from, to)) items.add(new ChangeGroup.Item(field, "jira", field, null, from, null, to));
    }

    private static void named(List<ChangeGroup.Item> items, String field, String from, String to, Function<String, String> id) {
        if (Objects.equals(from, to)) return;
        items.add(new ChangeGroup.Item(field, "jira", field, from == null ? null : id.apply(from), from, to == null ? null : id.apply(to), to));
    }

    private static void person(List<ChangeGroup.Item> items, String field, String from, String to, Names names) {
        if (Objects.equals(from, to)) return;
        items.add(new ChangeGroup.Item(field, "jira", field, from, from == null ? null : names.displayName(from), to,
                to == null ? null : names.displayName(to)));
    }

    /** One item per part removed, then per part added, as Jira writes multi-value system fields. */
    private static void parts(List<ChangeGroup.Item> items, String field, String fieldId, List<String> from, List<String> to,
                              Function<String, String> id) {
        for (String gone : from) if (!to.contains(gone)) items.add(new ChangeGroup.Item(field, "jira", fieldId, id.apply(gone), gone, null, null));
        for (String added : to) if (!from.contains(added)) items.add(new ChangeGroup.Item(field, "jira", fieldId, null, null, id.apply(added), added));
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? "" : String.join(" ", values);
    }

    private static String raw(Object value) {
        if (value == null) return null;
        if (value instanceof List<?> l) return l.stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElse("");
        if (value instanceof Double d && d == Math.rint(d)) return Long.toString(d.longValue());
        return String.valueOf(value);
    }

    private static String shown(Optional<CustomField> field, Object value, Names names) {
        if (value == null) return null;
        String type = field.map(CustomField::type).orElse("text");
        if (type.equals("multiUser") && value instanceof List<?> l) {
            return l.stream().map(p -> names.displayName(String.valueOf(p))).reduce((x, y) -> x + ", " + y).orElse("");
        }
        if (type.equals("sprint") && value instanceof List<?> l) {
            return l.stream().map(s -> s instanceof Number n ? names.sprint(n.longValue()).orElse(String.valueOf(s)) : String.valueOf(s))
                    .reduce((x, y) -> x + ", " + y).orElse("");
        }
        return raw(value);
    }
}
