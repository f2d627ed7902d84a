package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Projects as the caller sees them: {@code /project/search} paged with totals (reference §5.11),
 * {@code /project/{idOrKey}} and the deprecated {@code /project} list. A project the caller may not browse
 * does not exist for them.
 */
final class ProjectService {
    private ProjectService() {
    }

    /** The project by id or key (any case), if the caller may browse it; else Jira's 404. */
    static Project visible(CloudCaller c, String idOrKey) {
        return c.world().jira().project(c.site().subdomain(), idOrKey).filter(c::canBrowse)
                .orElseThrow(() -> JiraErrors.message(404, "No project could be found with "
                        + (idOrKey.matches("[0-9]+") ? "id" : "key") + " '" + idOrKey + "'."));
    }

    /** {@code GET /project/{idOrKey}}: the search form plus description, lead, issue types, components and versions. */
    static Map<String, Object> details(CloudCaller c, String idOrKey, String expand) {
        Project p = visible(c, idOrKey);
        var m = new LinkedHashMap<String, Object>();
        m.put("expand", "description,lead,issueTypes,url,projectKeys,permissions,insight");
        Map<String, Object> base = JiraJson.project(c, p);
        m.put("self", base.get("self"));
        m.put("id", p.id());
        m.put("key", p.key());
        m.put("description", p.description() == null ? "" : p.description());
        m.put("lead", JiraJson.user(c, c.world().user(p.lead()).orElse(null)));
        m.put("components", p.components().stream().map(x -> JiraJson.component(c, p, x, false)).toList());
        m.put("issueTypes", MetadataService.issueTypes(c));
        m.put("assigneeType", "UNASSIGNED");
        m.put("versions", p.versions().stream().map(v -> JiraJson.version(c, p, v)).toList());
        m.put("name", p.name());
        m.put("roles", Map.of());
        m.put("avatarUrls", base.get("avatarUrls"));
        m.put("projectTypeKey", p.projectTypeKey());
        m.put("simplified", base.get("simplified"));
        m.put("style", base.get("style"));
        m.put("isPrivate", false);
        m.put("properties", Map.of());
        if (expand != null && List.of(expand.split(",")).contains("projectKeys")) m.put("projectKeys", List.of(p.key()));
        if (m.get("lead") == null) m.remove("lead");
        return m;
    }

    /** {@code GET /project/{idOrKey}/components}: every component, full form, unpaged. */
    static List<Map<String, Object>> components(CloudCaller c, String idOrKey) {
        Project p = visible(c, idOrKey);
        return p.components().stream().map(x -> JiraJson.component(c, p, x, true)).toList();
    }

    /** {@code GET /project/{idOrKey}/versions}: every version, unpaged. */
    static List<Map<String, Object>> versions(CloudCaller c, String idOrKey) {
        Project p = visible(c, idOrKey);
        return p.versions().stream().map(v -> JiraJson.version(c, p, v)).toList();
    }

    /** {@code GET /component/{id}}: a component of a project the caller may browse. */
    static Map<String, Object> component(CloudCaller c, String id) {
        for (Project p : c.world().jira().projects(c.site().subdomain())) {
            if (!c.canBrowse(p)) continue;
            var found = p.components().stream().filter(x -> x.id().equals(id)).findFirst();
            if (found.isPresent()) return JiraJson.component(c, p, found.get(), true);
        }
        throw JiraErrors.message(404, "The component with id " + id + " does not exist.");
    }

    /** {@code GET /version/{id}}: a version of a project the caller may browse. */
    static Map<String, Object> version(CloudCaller c, String id) {
        for (Project p : c.world().jira().projects(c.site().subdomain())) {
            if (!c.canBrowse(p)) continue;
            var found = p.versions().stream().filter(v -> v.id().equals(id)).findFirst();
            if (found.isPresent()) return JiraJson.version(c, p, found.get());
        }
        throw JiraErrors.message(404, "Could not find version for id '" + id + "'");
    }

    /** The deprecated {@code GET /project}: every project the caller may browse, in key order, unpaged. */
    static List<Map<String, Object>> all(CloudCaller c) {
        return c.world().jira().projects(c.site().subdomain()).stream().filter(c::canBrowse)
                .sorted(Comparator.comparing(Project::key)).map(p -> JiraJson.project(c, p)).toList();
    }

    static Map<String, Object> page(CloudCaller c, String query, List<String> keys, int startAt, int maxResults, String orderBy) {
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = Math.max(0, Math.min(100, maxResults)); // above 100 is treated as 100
        var wanted = new ArrayList<String>();
        for (String k : keys) for (String part : k.split(",")) if (!part.isBlank()) wanted.add(part.trim().toUpperCase(Locale.ROOT));
        var projects = new ArrayList<>(c.world().jira().projects(c.site().subdomain()).stream()
                .filter(c::canBrowse)
                .filter(p -> wanted.isEmpty() || wanted.contains(p.key()))
                .filter(p -> query == null || p.key().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))
                        || p.name().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                .toList());
        String order = orderBy == null ? "key" : orderBy;
        Comparator<Project> cmp = order.replaceFirst("^[+-]", "").equals("name") ? Comparator.comparing(Project::name) : Comparator.comparing(Project::key);
        projects.sort(order.startsWith("-") ? cmp.reversed() : cmp);
        var values = new ArrayList<Object>();
        for (Project p : projects.subList(Math.min(startAt, projects.size()), (int) Math.min(projects.size(), (long) startAt + max))) values.add(JiraJson.project(c, p));
        var body = new LinkedHashMap<String, Object>();
        body.put("self", c.apiBase() + "/project/search?startAt=" + startAt + "&maxResults=" + max);
        if ((long) startAt + max < projects.size()) body.put("nextPage", c.apiBase() + "/project/search?startAt=" + (startAt + max) + "&maxResults=" + max);
        body.put("maxResults", max);
        body.put("startAt", startAt);
        body.put("total", projects.size());
        body.put("isLast", (long) startAt + max >= projects.size());
        body.put("values", values);
        return body;
    }
}
