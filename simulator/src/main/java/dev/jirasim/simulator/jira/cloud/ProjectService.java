package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /project/search}: the projects the caller may browse, paged with totals (reference §5.11). */
final class ProjectService {
    private ProjectService() {
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
