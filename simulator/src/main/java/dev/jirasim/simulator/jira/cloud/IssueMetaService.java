package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.common.LegacyCreateMeta;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the create and edit screens offer: {@code /issue/createmeta/{project}/issuetypes[/{id}]}, the old
 * {@code /issue/createmeta} Nango's templates still call, and {@code /issue/{key}/editmeta}. Every project
 * here uses one screen: the system fields of {@link SystemFields} that have operations; sub-tasks also need
 * a parent. Only projects the caller may create in (or, for editmeta, edit) show fields.
 */
final class IssueMetaService {
    private static final int PAGE = 50;

    private IssueMetaService() {
    }

    /** {@code GET /issue/createmeta/{projectIdOrKey}/issuetypes}. */
    static Map<String, Object> issueTypes(CloudCaller c, String projectRef, int startAt, int maxResults) {
        var types = creatable(c, projectRef).types().stream().map(t -> JiraJson.issueType(c, t)).toList();
        return page("issueTypes", types, startAt, maxResults);
    }

    /** {@code GET /issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}}: the create screen's fields as a list. */
    static Map<String, Object> fields(CloudCaller c, String projectRef, String issueTypeId, int startAt, int maxResults) {
        Project p = creatable(c, projectRef);
        JiraCatalog.IssueType type = p.types().stream().filter(t -> t.id().equals(issueTypeId)).findFirst()
                .orElseThrow(() -> JiraErrors.message(400, "Issue type with id '" + issueTypeId + "' does not exist or is not valid for project "
                        + p.key() + "."));
        var list = new ArrayList<Map<String, Object>>();
        createScreen(c, p, type).forEach((id, meta) -> {
            var item = new LinkedHashMap<String, Object>();
            item.put("fieldId", id);
            item.putAll(meta);
            list.add(item);
        });
        return page("fields", list, startAt, maxResults);
    }

    /**
     * The deprecated {@code GET /issue/createmeta}: projects the caller may create issues in, filtered by ids or
     * keys, with their issue types (filtered by ids or names) and, with {@code expand=projects.issuetypes.fields},
     * each type's create screen as a map.
     */
    static Map<String, Object> legacy(CloudCaller c, List<String> projectIds, List<String> projectKeys, List<String> typeIds,
                                      List<String> typeNames, String expand) {
        boolean withFields = expand != null && List.of(expand.split(",")).contains("projects.issuetypes.fields");
        var projects = new ArrayList<Map<String, Object>>();
        for (Project p : c.world().jira().projects(c.site().subdomain())) {
            if (!c.canBrowse(p) || !c.can(p, Permission.CREATE)) continue;
            if (!projectIds.isEmpty() && !projectIds.contains(p.id())) continue;
            if (!projectKeys.isEmpty() && projectKeys.stream().noneMatch(k -> k.equalsIgnoreCase(p.key()))) continue;
            var types = new ArrayList<Map<String, Object>>();
            for (JiraCatalog.IssueType t : p.types()) {
                if (!typeIds.isEmpty() && !typeIds.contains(t.id())) continue;
                if (!typeNames.isEmpty() && typeNames.stream().noneMatch(n -> n.equalsIgnoreCase(t.name()))) continue;
                var type = new LinkedHashMap<String, Object>(JiraJson.issueType(c, t));
                type.remove("avatarId");
                type.put("expand", "fields");
                if (withFields) type.put("fields", createScreen(c, p, t));
                types.add(type);
            }
            Map<String, Object> base = JiraJson.project(c, p);
            projects.add(LegacyCreateMeta.project(base.get("self"), p.id(), p.key(), p.name(), base.get("avatarUrls"), types));
        }
        return LegacyCreateMeta.body(projects);
    }

    /** {@code GET /issue/{key}/editmeta}: the edit screen's fields, or none for a caller who may not edit. */
    static Map<String, Object> editmeta(CloudCaller c, Issue issue) {
        Project p = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        var fields = new LinkedHashMap<String, Object>();
        if (c.can(p, Permission.EDIT)) {
            for (SystemFields.Field f : SystemFields.ALL) {
                // An issue is not moved between projects by editing it.
                if (!f.onScreens() || f.id().equals("project")) continue;
                fields.put(f.id(), meta(c, p, f, false, "issueKey=" + issue.key()));
            }
            for (CustomField f : c.world().jiraSettings().customFields(issue.site())) fields.put(f.id(), customMeta(c, f, "issueKey=" + issue.key()));
        }
        return Map.of("fields", fields);
    }

    /**
     * A project the caller may create issues in. Otherwise 400 with Jira's no-such-project text: the document
     * lists no 404 for these operations, only 400 for an invalid request (the real status is unconfirmed).
     */
    private static Project creatable(CloudCaller c, String projectRef) {
        return c.world().jira().project(c.site().subdomain(), projectRef).filter(c::canBrowse).filter(p -> c.can(p, Permission.CREATE))
                .orElseThrow(() -> JiraErrors.message(400, "No project could be found with "
                        + (projectRef.matches("[0-9]+") ? "id" : "key") + " '" + projectRef + "'."));
    }

    /** The create screen of one project and type, keyed by field id in screen order. */
    private static Map<String, Map<String, Object>> createScreen(CloudCaller c, Project p, JiraCatalog.IssueType type) {
        var screen = new LinkedHashMap<String, Map<String, Object>>();
        for (SystemFields.Field f : SystemFields.ALL) {
            if (f.id().equals("comment")) continue;
            if (f.onScreens() || f.id().equals("issuetype")) {
                var meta = meta(c, p, f, true, "project=" + p.key());
                if (f.id().equals("parent") && type.subtask()) meta.put("required", true);
                if (f.id().equals("issuetype")) meta.put("allowedValues", List.of(JiraJson.issueType(c, type)));
                screen.put(f.id(), meta);
            }
        }
        for (CustomField f : c.world().jiraSettings().customFields(p.site())) screen.put(f.id(), customMeta(c, f, "project=" + p.key()));
        return screen;
    }

    /** A custom field on the screens: never required here; a select lists its options, a user picker says where to find people. */
    private static Map<String, Object> customMeta(CloudCaller c, CustomField f, String assignableTo) {
        var m = new LinkedHashMap<String, Object>();
        m.put("required", false);
        m.put("schema", SystemFields.schema(f));
        m.put("name", f.name());
        m.put("key", f.id());
        if (f.type().equals("multiUser")) m.put("autoCompleteUrl", c.apiBase() + "/user/assignable/search?" + assignableTo + "&query=");
        m.put("hasDefaultValue", false);
        m.put("operations", f.type().equals("multiUser") ? List.of("add", "set", "remove") : List.of("set"));
        if (f.type().equals("select")) {
            m.put("allowedValues", f.options().stream().map(o -> Map.of("self", c.apiBase() + "/customFieldOption/" + o.id(),
                    "value", o.value(), "id", o.id())).toList());
        }
        return m;
    }

    /** {@code FieldCreateMetadata} / {@code FieldMetadata} without the field id. */
    private static Map<String, Object> meta(CloudCaller c, Project p, SystemFields.Field f, boolean creating, String assignableTo) {
        var m = new LinkedHashMap<String, Object>();
        m.put("required", creating && f.required());
        // Screens describe the parent as an issue link (reference jira-cloud-more §4), though /field gives it no schema.
        if (f.schema() != null) m.put("schema", f.schema());
        else if (f.id().equals("parent")) m.put("schema", Map.of("type", "issuelink", "system", "parent"));
        m.put("name", f.name());
        m.put("key", f.id());
        switch (f.id()) {
            case "assignee", "reporter" -> m.put("autoCompleteUrl", c.apiBase() + "/user/assignable/search?" + assignableTo + "&query=");
            // Jira's label suggestions live on the site's private 1.0 API, which the gateway does not offer.
            case "labels" -> m.put("autoCompleteUrl", c.site().url() + "/rest/api/1.0/labels/suggest?query=");
            default -> { }
        }
        m.put("hasDefaultValue", f.id().equals("priority") || (creating && f.id().equals("reporter")));
        m.put("operations", f.id().equals("issuetype") ? List.of() : f.operations());
        switch (f.id()) {
            case "project" -> m.put("allowedValues", List.of(JiraJson.project(c, p)));
            case "priority" -> {
                m.put("allowedValues", JiraCatalog.PRIORITIES.stream().map(x -> JiraJson.priority(c, x.name())).toList());
                m.put("defaultValue", JiraJson.priority(c, "Medium"));
            }
            case "issuetype" -> m.put("allowedValues", p.types().stream().map(t -> JiraJson.issueType(c, t)).toList());
            default -> { }
        }
        return m;
    }

    private static Map<String, Object> page(String member, List<Map<String, Object>> all, int startAt, int maxResults) {
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = Math.max(0, Math.min(maxResults, 200));
        int from = Math.min(startAt, all.size());
        var body = new LinkedHashMap<String, Object>();
        body.put("maxResults", max);
        body.put("startAt", startAt);
        body.put("total", all.size());
        body.put(member, all.subList(from, (int) Math.min(all.size(), (long) from + max)));
        return body;
    }
}
