package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.JiraCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema a site offers every project today: issue types, priorities, statuses and their categories,
 * resolutions and the system fields. Read-only lookups; an id that does not exist is Jira's 404.
 */
final class MetadataService {
    private MetadataService() {
    }

    static List<Map<String, Object>> issueTypes(CloudCaller c) {
        return visibleTypes(c).stream().map(t -> JiraJson.issueType(c, t)).toList();
    }

    /**
     * The issue types the caller may see, as {@code GET /issuetype} lists them: every type of the site for an
     * administrator; otherwise the types of the projects they may browse. Shared types come first, in catalog
     * order, then team-managed projects' own types.
     */
    static List<JiraCatalog.IssueType> visibleTypes(CloudCaller c) {
        boolean admin = c.user() != null && c.user().siteAdmin().contains(c.site().subdomain());
        var shared = new java.util.LinkedHashSet<String>();
        var scoped = new ArrayList<JiraCatalog.IssueType>();
        for (var p : c.world().jira().projects(c.site().subdomain())) {
            if (!admin && !c.canBrowse(p)) continue;
            for (var t : p.types()) {
                if (t.projectId() == null) shared.add(t.id());
                else scoped.add(t);
            }
        }
        var out = new ArrayList<JiraCatalog.IssueType>();
        for (var t : JiraCatalog.ISSUE_TYPES) if (admin || shared.contains(t.id())) out.add(t);
        out.addAll(scoped);
        return out;
    }

    static Map<String, Object> issueType(CloudCaller c, String id) {
        if (!id.matches("[0-9]{1,18}")) throw JiraErrors.badRequest("The issue type ID is invalid.");
        return visibleTypes(c).stream().filter(t -> t.id().equals(id)).findFirst().map(t -> JiraJson.issueType(c, t))
                .orElseThrow(() -> JiraErrors.message(404, "The issue type ID is invalid."));
    }

    /** {@code /issuetype/project}: the types of a project the caller may browse; {@code level} filters by hierarchy. */
    static List<Map<String, Object>> issueTypesOfProject(CloudCaller c, String projectId, String level) {
        if (projectId == null || projectId.isBlank()) throw JiraErrors.badRequest("The projectId parameter is required.");
        if (!projectId.matches("[0-9]{1,18}")) throw JiraErrors.badRequest("The projectId parameter must be a number.");
        Integer wanted = null;
        if (level != null && !level.isBlank()) {
            try {
                wanted = Integer.parseInt(level.trim());
            } catch (NumberFormatException e) {
                throw JiraErrors.badRequest("The level parameter must be a number.");
            }
        }
        var project = ProjectService.visible(c, projectId); // 404 for a project that does not exist for this user
        var out = new ArrayList<Map<String, Object>>();
        for (JiraCatalog.IssueType t : project.types()) {
            if (wanted == null || t.hierarchyLevel() == wanted) out.add(JiraJson.issueType(c, t));
        }
        return out;
    }

    static List<Map<String, Object>> priorities(CloudCaller c) {
        return JiraCatalog.PRIORITIES.stream().map(p -> JiraJson.priorityDetails(c, p)).toList();
    }

    static Map<String, Object> priority(CloudCaller c, String id) {
        return JiraCatalog.PRIORITIES.stream().filter(p -> p.id().equals(id)).findFirst().map(p -> JiraJson.priorityDetails(c, p))
                .orElseThrow(() -> JiraErrors.message(404, "The priority with ID '" + id + "' does not exist."));
    }

    static List<Map<String, Object>> statuses(CloudCaller c) {
        return JiraCatalog.STATUSES.stream().map(s -> JiraJson.status(c, s)).toList();
    }

    /** By id, or by name ignoring case, as Jira matches {@code idOrName}. */
    static Map<String, Object> status(CloudCaller c, String idOrName) {
        return JiraCatalog.status(idOrName).map(s -> JiraJson.status(c, s))
                .orElseThrow(() -> JiraErrors.message(404, "The status with ID or name '" + idOrName + "' does not exist."));
    }

    static List<Map<String, Object>> statusCategories(CloudCaller c) {
        return JiraCatalog.STATUS_CATEGORIES.stream().map(s -> JiraJson.statusCategory(c, s)).toList();
    }

    static Map<String, Object> statusCategory(CloudCaller c, String idOrKey) {
        return JiraCatalog.statusCategory(idOrKey).map(s -> JiraJson.statusCategory(c, s))
                .orElseThrow(() -> JiraErrors.message(404, "The status category with ID or key '" + idOrKey + "' does not exist."));
    }

    static List<Map<String, Object>> resolutions(CloudCaller c) {
        return JiraCatalog.RESOLUTIONS.stream().map(r -> JiraJson.resolution(c, r)).toList();
    }

    static Map<String, Object> resolution(CloudCaller c, String id) {
        return JiraCatalog.RESOLUTIONS.stream().filter(r -> r.id().equals(id)).findFirst().map(r -> JiraJson.resolution(c, r))
                .orElseThrow(() -> JiraErrors.message(404, "The resolution with ID '" + id + "' does not exist."));
    }

    /** {@code /customFieldOption/{id}}: an option of one of the site's select fields. */
    static Map<String, Object> customFieldOption(CloudCaller c, String id) {
        for (var f : c.world().jiraSettings().customFields(c.site().subdomain())) {
            for (var o : f.options()) {
                if (o.id().equals(id)) return Map.of("self", c.apiBase() + "/customFieldOption/" + o.id(), "value", o.value());
            }
        }
        throw JiraErrors.message(404, "The custom field option with id '" + id + "' does not exist.");
    }

    /** {@code /field}: the system fields this simulator renders on issues, then the site's custom fields. */
    static List<Map<String, Object>> fields(CloudCaller c) {
        var out = new ArrayList<Map<String, Object>>();
        SystemFields.ALL.forEach(f -> out.add(SystemFields.details(f)));
        c.world().jiraSettings().customFields(c.site().subdomain()).forEach(f -> out.add(SystemFields.details(f)));
        return out;
    }

    /** {@code GET /label}: every label used on the site's issues the caller may see, in alphabetical order, paged. */
    static Map<String, Object> labels(CloudCaller c, int startAt, int maxResults) {
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = Math.max(0, Math.min(1000, maxResults));
        var all = new java.util.TreeSet<String>();
        for (var issue : c.world().jira().issues(c.site().subdomain())) {
            if (c.world().jira().project(issue.site(), issue.project()).filter(c::canBrowse).isPresent()) all.addAll(issue.labels());
        }
        var list = new ArrayList<>(all);
        int from = Math.min(startAt, list.size());
        int to = (int) Math.min(list.size(), (long) from + max);
        var m = new java.util.LinkedHashMap<String, Object>();
        String base = c.apiBase() + "/label";
        m.put("self", base + "?maxResults=" + max + "&startAt=" + startAt);
        if (to < list.size()) m.put("nextPage", base + "?maxResults=" + max + "&startAt=" + to);
        m.put("maxResults", max);
        m.put("startAt", startAt);
        m.put("total", list.size());
        m.put("isLast", to >= list.size());
        m.put("values", list.subList(from, to));
        return m;
    }
}
