package dev.jirasim.simulator.dc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system fields a simulated DC issue carries, as {@code GET /rest/api/2/field} lists them: DC's
 * {@code FieldBean} (no {@code key} member, unlike Cloud), with the names, flags and clause names a real
 * instance gives these fields ("Due Date", not Cloud's "Due date"). Fields DC has but our issues do not
 * carry (affected versions, attachments, watches…) are left out, so that every field
 * listed here is one {@code fields=} can ask for.
 */
final class DcFields {
    /**
     * @param type  {@code schema.type}; null where DC gives the field no schema (the issue key)
     * @param items {@code schema.items} for arrays
     */
    record Field(String id, String name, boolean orderable, boolean navigable, boolean searchable, List<String> clauseNames,
                 String type, String items) {
        Map<String, Object> schema() {
            if (type == null) return null;
            var schema = new LinkedHashMap<String, Object>();
            schema.put("type", type);
            if (items != null) schema.put("items", items);
            schema.put("system", id);
            return schema;
        }

        /** {@code FieldBean}: no {@code schema} member at all where the field has none. */
        Map<String, Object> json() {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", id);
            m.put("name", name);
            m.put("custom", false);
            m.put("orderable", orderable);
            m.put("navigable", navigable);
            m.put("searchable", searchable);
            m.put("clauseNames", clauseNames);
            if (type != null) m.put("schema", schema());
            return m;
        }
    }

    static final List<Field> ALL = List.of(
            new Field("issuekey", "Key", false, true, false, List.of("id", "issue", "issuekey", "key"), null, null),
            new Field("summary", "Summary", true, true, true, List.of("summary"), "string", null),
            new Field("description", "Description", true, true, true, List.of("description"), "string", null),
            new Field("issuetype", "Issue Type", true, true, true, List.of("issuetype", "type"), "issuetype", null),
            new Field("project", "Project", false, true, true, List.of("project"), "project", null),
            new Field("status", "Status", false, true, true, List.of("status"), "status", null),
            new Field("priority", "Priority", true, true, true, List.of("priority"), "priority", null),
            new Field("assignee", "Assignee", true, true, true, List.of("assignee"), "user", null),
            new Field("reporter", "Reporter", true, true, true, List.of("reporter"), "user", null),
            new Field("creator", "Creator", false, true, true, List.of("creator"), "user", null),
            new Field("labels", "Labels", true, true, true, List.of("labels"), "array", "string"),
            new Field("created", "Created", false, true, true, List.of("created", "createdDate"), "datetime", null),
            new Field("updated", "Updated", false, true, true, List.of("updated", "updatedDate"), "datetime", null),
            new Field("resolution", "Resolution", true, true, true, List.of("resolution"), "resolution", null),
            new Field("resolutiondate", "Resolved", false, true, true, List.of("resolutiondate", "resolved"), "datetime", null),
            new Field("duedate", "Due Date", true, true, true, List.of("due", "duedate"), "date", null),
            new Field("components", "Component/s", true, true, true, List.of("component"), "array", "component"),
            new Field("fixVersions", "Fix Version/s", true, true, true, List.of("fixVersion"), "array", "version"),
            new Field("issuelinks", "Linked Issues", true, true, true, List.of(), "array", "issuelinks"),
            new Field("comment", "Comment", true, false, true, List.of("comment"), "comments-page", null),
            new Field("worklog", "Log Work", true, false, true, List.of(), "array", "worklog"),
            new Field("timetracking", "Time Tracking", true, false, true, List.of(), "timetracking", null));

    private DcFields() {
    }

    static Field byId(String id) {
        return find(id).orElseThrow();
    }

    static Optional<Field> find(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    static List<Map<String, Object>> list() {
        return ALL.stream().map(Field::json).toList();
    }
}
