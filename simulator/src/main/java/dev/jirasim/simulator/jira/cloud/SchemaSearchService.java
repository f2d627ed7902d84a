package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paged searches over a site's schema: {@code /field/search}, {@code /priority/search},
 * {@code /statuses/search}, and the statuses per issue type of {@code /project/{key}/statuses}.
 */
final class SchemaSearchService {
    private SchemaSearchService() {
    }

    /**
     * {@code GET /field/search}: fields with a schema (the document requires one), filtered by {@code type}
     * ({@code custom}/{@code system}), ids and a name {@code query}; ordered by name when asked.
     */
    static Map<String, Object> fields(CloudCaller c, List<String> types, List<String> ids, String query, String orderBy, int startAt, int maxResults) {
        var all = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> f : MetadataService.fields(c)) {
            if (f.get("schema") == null) continue;
            boolean custom = Boolean.TRUE.equals(f.get("custom"));
            if (!types.isEmpty() && !types.contains(custom ? "custom" : "system")) continue;
            if (!ids.isEmpty() && !ids.contains((String) f.get("id"))) continue;
            String name = (String) f.get("name");
            if (query != null && !query.isBlank() && !name.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))
                    && !((String) f.get("id")).toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))) {
                continue;
            }
            var item = new LinkedHashMap<String, Object>();
            item.put("id", f.get("id"));
            item.put("key", f.get("key"));
            item.put("name", name);
            item.put("schema", f.get("schema"));
            item.put("description", "");
            item.put("isLocked", false);
            item.put("typeDisplayName", custom ? "Custom" : "System");
            all.add(item);
        }
        if (orderBy != null && orderBy.replaceFirst("^[+-]", "").equals("name")) {
            Comparator<Map<String, Object>> byName = Comparator.comparing(m -> ((String) m.get("name")).toLowerCase(Locale.ROOT));
            all.sort(orderBy.startsWith("-") ? byName.reversed() : byName);
        } else if (orderBy != null && !orderBy.isBlank() && !List.of("contextsCount", "lastUsed", "screensCount", "projectsCount")
                .contains(orderBy.replaceFirst("^[+-]", ""))) {
            throw JiraErrors.badRequest("The orderBy parameter must be one of contextsCount, lastUsed, name, screensCount, projectsCount.");
        }
        return pageBean(c, "/field/search", all, startAt, maxResults);
    }

    /** {@code GET /priority/search}: by ids, name (contains) and the default flag. */
    static Map<String, Object> priorities(CloudCaller c, List<String> ids, String name, boolean onlyDefault, int startAt, int maxResults) {
        var all = new ArrayList<Map<String, Object>>();
        for (JiraCatalog.Priority p : JiraCatalog.PRIORITIES) {
            if (!ids.isEmpty() && !ids.contains(p.id())) continue;
            if (name != null && !name.isBlank() && !p.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) continue;
            if (onlyDefault && !p.isDefault()) continue;
            all.add(JiraJson.priorityDetails(c, p));
        }
        return pageBean(c, "/priority/search", all, startAt, maxResults);
    }

    /**
     * {@code GET /statuses/search}: needs Administer projects (on some project) or a site admin; for anyone else
     * the page is empty (our reading: the document lists no 403). {@code statusCategory} is a string here.
     */
    static Map<String, Object> statuses(CloudCaller c, String projectId, String search, String category, int startAt, int maxResults) {
        List<Project> administered = c.world().jira().projects(c.site().subdomain()).stream()
                .filter(p -> c.can(p, Permission.ADMINISTER)).toList();
        if (projectId != null && !projectId.isBlank()) administered = administered.stream().filter(p -> p.id().equals(projectId)).toList();
        var all = new ArrayList<Map<String, Object>>();
        // With a project, only the statuses its workflows use.
        var used = new java.util.HashSet<String>();
        for (Project p : administered) {
            for (var t : p.issueTypes()) c.world().jiraSettings().workflowFor(p, t.name()).statuses().forEach(st -> used.add(st.toLowerCase(Locale.ROOT)));
        }
        if (!administered.isEmpty()) {
            for (JiraCatalog.Status s : JiraCatalog.STATUSES) {
                if (projectId != null && !projectId.isBlank() && !used.contains(s.name().toLowerCase(Locale.ROOT))) continue;
                String cat = switch (s.categoryKey()) {
                    case "new" -> "TODO";
                    case "done" -> "DONE";
                    default -> "IN_PROGRESS";
                };
                if (category != null && !category.isBlank() && !category.equalsIgnoreCase(cat)) continue;
                if (search != null && !search.isBlank() && !s.name().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))) continue;
                var m = new LinkedHashMap<String, Object>();
                m.put("id", s.id());
                m.put("name", s.name());
                m.put("statusCategory", cat);
                m.put("scope", Map.of("type", "GLOBAL"));
                m.put("description", "");
                all.add(m);
            }
        }
        // The page's own links stay on the site host, as on the real gateway (reference jira-cloud-more §1.4).
        return pageBean(c.site().url() + "/rest/api/" + c.version() + "/statuses/search", all, startAt, maxResults);
    }

    /** {@code GET /project/{key}/statuses}: every issue type of the project with the statuses its workflow has. */
    static List<Map<String, Object>> projectStatuses(CloudCaller c, String projectRef) {
        Project project = ProjectService.visible(c, projectRef); // 404 for a project this user cannot see
        var out = new ArrayList<Map<String, Object>>();
        for (JiraCatalog.IssueType t : project.types()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("self", c.apiBase() + "/issuetype/" + t.id());
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("subtask", t.subtask());
            m.put("statuses", c.world().jiraSettings().workflowFor(project, t.name()).statuses().stream()
                    .map(st -> JiraJson.status(c, st)).toList());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> pageBean(CloudCaller c, String path, List<Map<String, Object>> all, int startAt, int maxResults) {
        return pageBean(c.apiBase() + path, all, startAt, maxResults);
    }

    private static Map<String, Object> pageBean(String url, List<Map<String, Object>> all, int startAt, int maxResults) {
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = Math.max(1, Math.min(maxResults, 1000));
        int from = Math.min(startAt, all.size());
        boolean last = (long) from + max >= all.size();
        var body = new LinkedHashMap<String, Object>();
        body.put("self", url + "?startAt=" + startAt + "&maxResults=" + max);
        if (!last) body.put("nextPage", url + "?startAt=" + (from + max) + "&maxResults=" + max);
        body.put("maxResults", max);
        body.put("startAt", startAt);
        body.put("total", all.size());
        body.put("isLast", last);
        body.put("values", all.subList(from, (int) Math.min(all.size(), (long) from + max)));
        return body;
    }
}
