package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A Jira issue. Ids are numeric strings; the key is {@code PROJECT-n}. {@code description} and comment bodies
 * are ADF trees (what v3 speaks; v2 renders them as strings). People are account ids. {@code status},
 * {@code issueType}, {@code priority} and {@code resolution} are names from {@link JiraCatalog}; {@code components}
 * and {@code fixVersions} name (by name) the project's components and versions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Issue(String id, String key, String site, String project, String summary, Object description,
                    String issueType, String status, String priority, String assignee, String reporter, String creator,
                    List<String> labels, Instant created, Instant updated, Instant resolved, String resolution,
                    LocalDate duedate, String parent, List<Comment> comments, List<String> components, List<String> fixVersions,
                    java.util.Map<String, Object> customFields,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChangeGroup> changelog,
                    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = IssueActivity.WhenEmpty.class) IssueActivity activity) {

    public Issue {
        Objects.requireNonNull(id, "missing required field 'id'");
        Objects.requireNonNull(key, "missing required field 'key'");
        Objects.requireNonNull(project, "missing required field 'project'");
        Objects.requireNonNull(summary, "missing required field 'summary'");
        Objects.requireNonNull(created, "missing required field 'created'");
        if (!digits(id, 0)) throw new IllegalArgumentException("issue id must be numeric: " + id);
        if (!key.startsWith(project + "-") || key.length() == project.length() + 1 || key.charAt(project.length() + 1) == '0'
                || !digits(key, project.length() + 1)) {
            throw new IllegalArgumentException("issue key must be " + project + "-<number>: " + key);
        }
        if (issueType == null) issueType = "Task";
        if (status == null) status = "To Do";
        if (priority == null) priority = "Medium";
        if (creator == null) creator = reporter;
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (updated == null) updated = created;
        comments = comments == null ? List.of() : List.copyOf(comments);
        components = components == null ? List.of() : List.copyOf(components);
        fixVersions = fixVersions == null ? List.of() : List.copyOf(fixVersions);
        // Values in world form (see CustomField); frozen like descriptions, so a stored issue never changes.
        if (customFields == null) {
            customFields = java.util.Map.of();
        } else {
            var values = new java.util.TreeMap<String, Object>();
            customFields.forEach((k, v) -> values.put(k, Adf.freeze(canonicalNumbers(v))));
            customFields = java.util.Collections.unmodifiableMap(values);
        }
        description = Adf.freeze(description);
        changelog = changelog == null ? List.of() : List.copyOf(changelog);
        if (activity == null) activity = IssueActivity.NONE;
    }

    /** An issue without history or activity. */
    public Issue(String id, String key, String site, String project, String summary, Object description,
                 String issueType, String status, String priority, String assignee, String reporter, String creator,
                 List<String> labels, Instant created, Instant updated, Instant resolved, String resolution,
                 LocalDate duedate, String parent, List<Comment> comments, List<String> components, List<String> fixVersions,
                 java.util.Map<String, Object> customFields) {
        this(id, key, site, project, summary, description, issueType, status, priority, assignee, reporter, creator, labels, created,
                updated, resolved, resolution, duedate, parent, comments, components, fixVersions, customFields, null, null);
    }

    /** An issue without components or fix versions. */
    public Issue(String id, String key, String site, String project, String summary, Object description, String issueType,
                 String status, String priority, String assignee, String reporter, String creator, List<String> labels,
                 Instant created, Instant updated, Instant resolved, String resolution, LocalDate duedate, String parent,
                 List<Comment> comments) {
        this(id, key, site, project, summary, description, issueType, status, priority, assignee, reporter, creator, labels,
                created, updated, resolved, resolution, duedate, parent, comments, null, null, null, null, null);
    }

    /**
     * Whole numbers as {@code Long} and the rest as {@code Double}, however they were read (YAML, JSON, code), so
     * an issue equals itself after an export and an import.
     */
    private static Object canonicalNumbers(Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) return ((Number) v).doubleValue();
        if (v instanceof Number n) return n.longValue();
        if (v instanceof List<?> l) return l.stream().map(Issue::canonicalNumbers).toList();
        return v;
    }

    /** The same issue with other custom field values (world form). */
    public Issue withCustomFields(java.util.Map<String, Object> values) {
        return toBuilder().customFields(values).build();
    }

    /** A builder that starts from this issue: change what differs, keep the rest (history and activity included). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies an issue with some members changed; every member not set keeps the original's value. */
    public static final class Builder {
        private String id, key, site, project, summary, issueType, status, priority, assignee, reporter, creator, resolution, parent;
        private Object description;
        private List<String> labels, components, fixVersions;
        private Instant created, updated, resolved;
        private LocalDate duedate;
        private List<Comment> comments;
        private java.util.Map<String, Object> customFields;
        private List<ChangeGroup> changelog;
        private IssueActivity activity;

        private Builder(Issue i) {
            id = i.id; key = i.key; site = i.site; project = i.project; summary = i.summary; description = i.description;
            issueType = i.issueType; status = i.status; priority = i.priority; assignee = i.assignee; reporter = i.reporter;
            creator = i.creator; labels = i.labels; created = i.created; updated = i.updated; resolved = i.resolved;
            resolution = i.resolution; duedate = i.duedate; parent = i.parent; comments = i.comments; components = i.components;
            fixVersions = i.fixVersions; customFields = i.customFields; changelog = i.changelog; activity = i.activity;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder key(String v) { key = v; return this; }
        public Builder site(String v) { site = v; return this; }
        public Builder creator(String v) { creator = v; return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder description(Object v) { description = v; return this; }
        public Builder issueType(String v) { issueType = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder priority(String v) { priority = v; return this; }
        public Builder assignee(String v) { assignee = v; return this; }
        public Builder reporter(String v) { reporter = v; return this; }
        public Builder labels(List<String> v) { labels = v; return this; }
        public Builder updated(Instant v) { updated = v; return this; }
        public Builder resolved(Instant v) { resolved = v; return this; }
        public Builder resolution(String v) { resolution = v; return this; }
        public Builder duedate(LocalDate v) { duedate = v; return this; }
        public Builder parent(String v) { parent = v; return this; }
        public Builder comments(List<Comment> v) { comments = v; return this; }
        public Builder components(List<String> v) { components = v; return this; }
        public Builder fixVersions(List<String> v) { fixVersions = v; return this; }
        public Builder customFields(java.util.Map<String, Object> v) { customFields = v; return this; }
        public Builder changelog(List<ChangeGroup> v) { changelog = v; return this; }
        public Builder activity(IssueActivity v) { activity = v; return this; }

        public Issue build() {
            return new Issue(id, key, site, project, summary, description, issueType, status, priority, assignee, reporter, creator,
                    labels, created, updated, resolved, resolution, duedate, parent, comments, components, fixVersions, customFields,
                    changelog, activity);
        }
    }

    /** True when {@code s} from {@code from} on is one or more ASCII digits (checked by hand: worlds build many issues). */
    private static boolean digits(String s, int from) {
        if (from >= s.length()) return false;
        for (int i = from; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** The number after the dash. */
    public long number() {
        return Long.parseLong(key.substring(key.indexOf('-') + 1));
    }
}
