package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.common.LegacyCreateMeta;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DC's create and edit screens. Which create-meta resource exists depends on the instance's version, as on
 * DC: {@code /issue/createmeta/{project}/issuetypes[/{id}]} (paged {@code values}) from 8.4; the old
 * {@code /issue/createmeta} until 9.0, which removed it (python-jira refuses it from 9.0 for that reason).
 * <p>
 * Every project uses one screen scheme, and the screens hold exactly the fields the instance's create and edit
 * honour, so a client that fills what the screen offers never has a value dropped: create takes project,
 * issue type, summary (required), description, components and fix versions; edit takes summary, description,
 * priority, labels, components and fix versions. Both screens then hold every custom field of the instance (a
 * field's context is global here).
 */
final class DcIssueMetaService {
    static final int DEFAULT_MAX = 50;
    private static final List<String> CREATE_SCREEN = List.of("summary", "issuetype", "project", "description", "components", "fixVersions");
    private static final List<String> EDIT_SCREEN = List.of("summary", "description", "priority", "labels", "components", "fixVersions");

    private DcIssueMetaService() {
    }

    /** Whether the instance runs at least {@code major.minor} (its {@code version}, e.g. 10.3.24). */
    static boolean since(DcInstance instance, int major, int minor) {
        String[] parts = instance.version().split("\\.");
        int have = number(parts, 0);
        return have > major || (have == major && number(parts, 1) >= minor);
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i].replaceAll("[^0-9].*$", "")) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * {@code GET /issue/createmeta/{projectIdOrKey}/issuetypes}. A project the caller may not browse is the 400
     * the document lists; one they may browse but not create in answers an empty page ("data will not be
     * returned", DC spec).
     */
    static Map<String, Object> issueTypes(DcCaller c, String projectRef, int startAt, int maxResults) {
        Project p = browsable(c, projectRef);
        List<Map<String, Object>> types = c.can(p, Permission.CREATE)
                ? JiraCatalog.ISSUE_TYPES.stream().map(t -> DcCatalogJson.issueType(c.base(), t)).toList() : List.of();
        return page(types, startAt, maxResults);
    }

    /** {@code GET /issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}}: the create screen as a page of fields. */
    static Map<String, Object> fields(DcCaller c, String projectRef, String issueTypeId, int startAt, int maxResults) {
        Project p = browsable(c, projectRef);
        JiraCatalog.IssueType type = DcSchemaService.issueTypeById(issueTypeId)
                .orElseThrow(() -> DcErrors.rest(400, "The issue type with id '" + issueTypeId + "' does not exist"));
        var values = new ArrayList<Map<String, Object>>();
        if (c.can(p, Permission.CREATE)) values.addAll(createScreen(c, p, type).values());
        return page(values, startAt, maxResults);
    }

    /**
     * The old {@code GET /issue/createmeta}: projects the caller may create issues in, narrowed by ids or keys,
     * with their issue types (narrowed by ids or names) and, with {@code expand=projects.issuetypes.fields}, each
     * type's create screen as a map. Filters that match nothing are no error.
     */
    static Map<String, Object> legacy(DcCaller c, List<String> projectIds, List<String> projectKeys, List<String> typeIds,
                                      List<String> typeNames, String expand) {
        boolean withFields = expand != null && List.of(expand.split(",")).contains("projects.issuetypes.fields");
        var projects = new ArrayList<Map<String, Object>>();
        for (Project p : c.dc().jira().projects(c.site())) {
            if (!c.can(p, Permission.BROWSE) || !c.can(p, Permission.CREATE)) continue;
            boolean named = projectIds.contains(p.id()) || projectKeys.stream().anyMatch(k -> k.equalsIgnoreCase(p.key()));
            if ((!projectIds.isEmpty() || !projectKeys.isEmpty()) && !named) continue;
            var types = new ArrayList<Map<String, Object>>();
            for (JiraCatalog.IssueType t : JiraCatalog.ISSUE_TYPES) {
                boolean typeNamed = typeIds.contains(t.id()) || typeNames.stream().anyMatch(n -> n.equalsIgnoreCase(t.name()));
                if ((!typeIds.isEmpty() || !typeNames.isEmpty()) && !typeNamed) continue;
                var type = new LinkedHashMap<>(DcCatalogJson.issueType(c.base(), t));
                type.put("expand", "fields");
                if (withFields) type.put("fields", createScreen(c, p, t));
                types.add(type);
            }
            Map<String, Object> brief = DcJson.project(c.base(), p);
            // The old resource links projects by key (Atlassian's createmeta example); both forms resolve.
            projects.add(LegacyCreateMeta.project(c.base() + "/rest/api/2/project/" + p.key(), p.id(), p.key(), p.name(),
                    brief.get("avatarUrls"), types));
        }
        return LegacyCreateMeta.body(projects);
    }

    /** {@code GET /issue/{key}/editmeta}: the edit screen, or no fields for a caller who may not edit the issue. */
    static Map<String, Object> editmeta(DcCaller c, String idOrKey) {
        Issue issue = DcRestService.visible(c, idOrKey);
        Project p = c.dc().jira().project(issue.site(), issue.project()).orElseThrow();
        var fields = new LinkedHashMap<String, Object>();
        if (c.can(p, Permission.EDIT)) {
            for (String id : EDIT_SCREEN) fields.put(id, meta(c, p, id, false));
            for (var f : DcCustomFields.of(c)) fields.put(f.id(), DcCustomFields.meta(c, f, false));
        }
        return Map.of("fields", fields);
    }

    private static Project browsable(DcCaller c, String projectRef) {
        return c.dc().jira().project(c.site(), projectRef).filter(p -> c.can(p, Permission.BROWSE))
                .orElseThrow(() -> DcErrors.rest(400, DcSchemaService.noProject(projectRef)));
    }

    /** The create screen of one project and type, keyed by field id in screen order. */
    private static Map<String, Map<String, Object>> createScreen(DcCaller c, Project p, JiraCatalog.IssueType type) {
        var screen = new LinkedHashMap<String, Map<String, Object>>();
        for (String id : CREATE_SCREEN) {
            var meta = meta(c, p, id, true);
            if (id.equals("issuetype")) meta.put("allowedValues", List.of(DcCatalogJson.issueType(c.base(), type)));
            screen.put(id, meta);
        }
        for (var f : DcCustomFields.of(c)) screen.put(f.id(), DcCustomFields.meta(c, f, true));
        return screen;
    }

    /**
     * DC's {@code FieldMetaBean}: {@code fieldId} (where Cloud writes {@code key}); {@code hasDefaultValue} on the
     * create screen only, as DC's edit meta leaves it out. Summary is required on both screens, project and issue
     * type on create.
     */
    private static Map<String, Object> meta(DcCaller c, Project p, String id, boolean creating) {
        DcFields.Field f = DcFields.byId(id);
        var m = new LinkedHashMap<String, Object>();
        m.put("required", id.equals("summary") || (creating && (id.equals("issuetype") || id.equals("project"))));
        m.put("schema", f.schema());
        m.put("name", f.name());
        m.put("fieldId", id);
        if (creating) m.put("hasDefaultValue", false);
        m.put("operations", switch (id) {
            case "issuetype" -> List.of();
            case "labels", "components", "fixVersions" -> List.of("add", "set", "remove");
            default -> List.of("set");
        });
        switch (id) {
            case "project" -> m.put("allowedValues", List.of(DcJson.project(c.base(), p)));
            case "priority" -> m.put("allowedValues", JiraCatalog.PRIORITIES.stream().map(x -> DcCatalogJson.priority(c.base(), x)).toList());
            case "components" -> m.put("allowedValues", p.components().stream().map(x -> DcParts.componentRef(c.base(), x)).toList());
            // Archived versions cannot be chosen, as on DC's screens.
            case "fixVersions" -> m.put("allowedValues", p.versions().stream().filter(v -> !v.archived()).map(v -> DcParts.versionRef(c.base(), v)).toList());
            default -> { }
        }
        return m;
    }

    /** DC's page: {@code maxResults}, {@code startAt}, {@code total}, {@code isLast}, {@code values}. */
    private static Map<String, Object> page(List<Map<String, Object>> all, int startAt, int maxResults) {
        if (startAt < 0) throw DcErrors.rest(400, "startAt must not be negative.");
        if (maxResults < 0) throw DcErrors.rest(400, "maxResults must not be negative.");
        int from = Math.min(startAt, all.size());
        int to = (int) Math.min(all.size(), (long) from + maxResults);
        var body = new LinkedHashMap<String, Object>();
        body.put("maxResults", maxResults);
        body.put("startAt", startAt);
        body.put("total", all.size());
        body.put("isLast", to >= all.size());
        body.put("values", all.subList(from, to));
        return body;
    }
}
