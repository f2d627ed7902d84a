package dev.jirasim.simulator.jira.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system fields this simulator's issues carry, described once: what {@code /field} lists, what
 * {@code expand=names,schema} says, and how the create and edit screens offer them (the operations Jira
 * allows on each, whether creating needs it).
 */
final class SystemFields {
    /**
     * @param type       {@code schema.type}; null where Jira gives the field no schema
     * @param items      {@code schema.items} for arrays
     * @param operations what {@code update} may do with it on the create and edit screens; empty: not on them
     * @param required   whether creating an issue needs it
     */
    record Field(String id, String name, boolean orderable, boolean navigable, boolean searchable, List<String> clauseNames,
                 String type, String items, List<String> operations, boolean required) {
        Map<String, Object> schema() {
            if (type == null) return null;
            var schema = new LinkedHashMap<String, Object>();
            schema.put("type", type);
            if (items != null) schema.put("items", items);
            schema.put("system", id);
            return schema;
        }

        boolean onScreens() {
            return !operations.isEmpty();
        }
    }

    private static final List<String> SET = List.of("set");

    static final List<Field> ALL = List.of(
            new Field("issuekey", "Key", false, true, false, List.of("id", "issue", "issuekey", "key"), null, null, List.of(), false),
            new Field("summary", "Summary", true, true, true, List.of("summary"), "string", null, SET, true),
            new Field("description", "Description", true, true, true, List.of("description"), "string", null, SET, false),
            new Field("issuetype", "Issue Type", true, true, true, List.of("issuetype", "type"), "issuetype", null, List.of(), true),
            new Field("project", "Project", false, true, true, List.of("project"), "project", null, SET, true),
            new Field("status", "Status", false, true, true, List.of("status"), "status", null, List.of(), false),
            new Field("statuscategorychangedate", "Status Category Changed", false, true, true, List.of("statusCategoryChangedDate"),
                    "datetime", null, List.of(), false),
            new Field("priority", "Priority", true, true, true, List.of("priority"), "priority", null, SET, false),
            new Field("assignee", "Assignee", true, true, true, List.of("assignee"), "user", null, SET, false),
            new Field("reporter", "Reporter", true, true, true, List.of("reporter"), "user", null, SET, true),
            new Field("creator", "Creator", false, true, true, List.of("creator"), "user", null, List.of(), false),
            new Field("labels", "Labels", true, true, true, List.of("labels"), "array", "string", List.of("add", "set", "remove"), false),
            new Field("created", "Created", false, true, true, List.of("created", "createdDate"), "datetime", null, List.of(), false),
            new Field("updated", "Updated", false, true, true, List.of("updated", "updatedDate"), "datetime", null, List.of(), false),
            new Field("resolutiondate", "Resolved", false, true, true, List.of("resolutiondate", "resolved"), "datetime", null, List.of(), false),
            new Field("resolution", "Resolution", true, true, true, List.of("resolution"), "resolution", null, List.of(), false),
            new Field("duedate", "Due date", true, true, true, List.of("due", "duedate"), "date", null, SET, false),
            new Field("parent", "Parent", true, true, true, List.of("parent"), null, null, SET, false),
            new Field("components", "Components", true, true, true, List.of("component"), "array", "component",
                    List.of("add", "set", "remove"), false),
            new Field("fixVersions", "Fix versions", true, true, true, List.of("fixVersion"), "array", "version",
                    List.of("add", "set", "remove"), false),
            new Field("comment", "Comment", true, false, true, List.of("comment"), "comments-page", null, List.of("add", "edit", "remove"), false),
            // Time tracking: editable through PUT /issue (fields.timetracking), not offered on our screens.
            new Field("timetracking", "Time tracking", true, false, true, List.of(), "timetracking", null, List.of(), false),
            new Field("worklog", "Log Work", true, false, true, List.of(), "array", "worklog", List.of(), false),
            new Field("timeoriginalestimate", "Original estimate", false, true, true, List.of("originalEstimate", "timeoriginalestimate"), "number",
                    null, List.of(), false),
            new Field("timeestimate", "Remaining Estimate", false, true, true, List.of("remainingEstimate", "timeestimate"), "number", null,
                    List.of(), false),
            new Field("timespent", "Time Spent", false, true, true, List.of("timespent"), "number", null, List.of(), false),
            new Field("aggregatetimeoriginalestimate", "Σ Original Estimate", false, true, false, List.of(), "number", null, List.of(), false),
            new Field("aggregatetimeestimate", "Σ Remaining Estimate", false, true, false, List.of(), "number", null, List.of(), false),
            new Field("aggregatetimespent", "Σ Time Spent", false, true, false, List.of(), "number", null, List.of(), false),
            // Links, watchers, votes and attachments have resources of their own; not offered on the create and edit screens here.
            new Field("issuelinks", "Linked Issues", true, true, true, List.of("issueLink"), "array", "issuelinks", List.of(), false),
            new Field("watches", "Watchers", false, true, false, List.of("watchers"), "watches", null, List.of(), false),
            new Field("votes", "Votes", false, true, false, List.of("votes"), "votes", null, List.of(), false),
            new Field("attachment", "Attachment", true, false, true, List.of("attachments"), "array", "attachment", List.of(), false));

    private SystemFields() {
    }

    static Optional<Field> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The display name, for {@code expand=names}. */
    static String name(String id) {
        return byId(id).map(Field::name).orElse(id);
    }

    /** The schema, for {@code expand=schema}; null for a field without one. */
    static Map<String, Object> schema(String id) {
        return byId(id).map(Field::schema).orElse(null);
    }

    /** The display name of a system or custom field of {@code site}. */
    static String name(CloudCaller c, String site, String id) {
        return c.world().jiraSettings().customField(site, id).map(dev.jirasim.simulator.world.CustomField::name).orElseGet(() -> name(id));
    }

    /** The schema of a system or custom field of {@code site}. */
    static Map<String, Object> schema(CloudCaller c, String site, String id) {
        return c.world().jiraSettings().customField(site, id).map(SystemFields::schema).orElseGet(() -> schema(id));
    }

    /** A custom field's {@code schema}: type, items, the type key and its number. */
    static Map<String, Object> schema(dev.jirasim.simulator.world.CustomField f) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", f.schema().type());
        if (f.schema().items() != null) schema.put("items", f.schema().items());
        schema.put("custom", f.schema().custom());
        schema.put("customId", f.number());
        return schema;
    }

    /** A custom field as {@code /field} lists it: searchable by {@code cf[n]} and by its name. */
    static Map<String, Object> details(dev.jirasim.simulator.world.CustomField f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", f.id());
        m.put("key", f.id());
        m.put("name", f.name());
        m.put("untranslatedName", f.name());
        m.put("custom", true);
        m.put("orderable", true);
        m.put("navigable", true);
        m.put("searchable", true);
        m.put("clauseNames", List.of("cf[" + f.number() + "]", f.name()));
        m.put("schema", schema(f));
        return m;
    }

    /** {@code FieldDetails}, as {@code /field} lists it. */
    static Map<String, Object> details(Field f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", f.id());
        m.put("key", f.id());
        m.put("name", f.name());
        m.put("custom", false);
        m.put("orderable", f.orderable());
        m.put("navigable", f.navigable());
        m.put("searchable", f.searchable());
        m.put("clauseNames", f.clauseNames());
        if (f.schema() != null) m.put("schema", f.schema());
        return m;
    }
}
