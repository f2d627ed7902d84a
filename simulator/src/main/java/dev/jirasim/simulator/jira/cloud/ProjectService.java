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
        m.put("issueTypes", p.types().stream().map(t -> JiraJson.issueType(c, t)).toList());
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

    /** Members of {@code POST /project} this simulator acts on; the document's others are refused with a 501. */
    private static final java.util.Set<String> CREATE_MEMBERS = java.util.Set.of("key", "name", "leadAccountId", "projectTypeKey",
            "projectTemplateKey", "description", "assigneeType");
    private static final java.util.Set<String> UPDATE_MEMBERS = java.util.Set.of("name", "leadAccountId", "description", "assigneeType");

    /** Every project here leaves new issues unassigned; asking for the lead as default assignee is a gap, not a silent 2xx. */
    private static void checkAssigneeType(com.fasterxml.jackson.databind.JsonNode body) {
        String type = text(body, "assigneeType");
        if (type == null || type.equals("UNASSIGNED")) return;
        if (type.equals("PROJECT_LEAD")) throw JiraErrors.message(501, "assigneeType PROJECT_LEAD (the lead as default assignee) is not simulated yet.");
        throw JiraErrors.fields(400, Map.of("assigneeType", "Invalid assignee type '" + type + "'."));
    }
    private static final java.util.Set<String> DOCUMENTED = java.util.Set.of("assigneeType", "avatarId", "categoryId", "description",
            "fieldConfigurationScheme", "issueSecurityScheme", "issueTypeScheme", "issueTypeScreenScheme", "key", "lead", "leadAccountId",
            "name", "notificationScheme", "permissionScheme", "projectTemplateKey", "projectTypeKey", "url", "workflowScheme", "releasedProjectKeys");

    /**
     * {@code POST /project} for a site administrator (Administer Jira): a project with Jira's default scheme here
     * (every issue type, the one workflow) and a default permission scheme: every member of the site may browse,
     * create, edit and delete issues; the lead administers. 201 with {@code {self, id, key}}.
     */
    static Map<String, Object> create(CloudCaller c, com.fasterxml.jackson.databind.JsonNode body) {
        requireSiteAdmin(c);
        emptyTrash(c);
        checkMembers(body, CREATE_MEMBERS);
        checkAssigneeType(body);
        var errors = new LinkedHashMap<String, String>();
        String key = text(body, "key");
        String name = text(body, "name");
        if (key == null || key.isBlank()) errors.put("projectKey", "You must specify a unique project key, at least 2 characters long.");
        else if (key.length() > 10) errors.put("projectKey", "The project key must not exceed 10 characters in length.");
        else if (!key.matches("[A-Z][A-Z0-9]+")) {
            errors.put("projectKey", "Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.");
        }
        if (name == null || name.isBlank()) errors.put("projectName", "You must specify a valid project name.");
        String lead = text(body, "leadAccountId");
        if (lead == null || c.world().user(lead).filter(u -> u.accountId().equals(lead) && u.memberOf(c.site().subdomain())).isEmpty()) {
            errors.put("projectLead", "You must specify a valid project lead.");
        }
        String type = text(body, "projectTypeKey");
        if (type != null && !List.of("software", "service_desk", "business").contains(type)) {
            errors.put("projectTypeKey", "Invalid project type key '" + type + "'.");
        }
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        var permissions = new java.util.TreeMap<String, List<dev.jirasim.simulator.world.Permission>>();
        permissions.put("*", List.of(dev.jirasim.simulator.world.Permission.BROWSE, dev.jirasim.simulator.world.Permission.CREATE,
                dev.jirasim.simulator.world.Permission.EDIT, dev.jirasim.simulator.world.Permission.DELETE));
        permissions.put(lead, List.of(dev.jirasim.simulator.world.Permission.ADMINISTER));
        var jira = c.world().jira();
        Project created;
        synchronized (jira) {
            created = jira.createProject(new Project(Long.toString(jira.lastProjectId() + 1), key, name, c.site().subdomain(),
                    type == null ? "software" : type, lead, permissions, text(body, "description"), null, null,
                    // Jira's "simplified" templates make team-managed projects.
                    String.valueOf(text(body, "projectTemplateKey")).contains("simplified") ? "next-gen" : "classic"));
        }
        if (created == null) {
            var taken = new LinkedHashMap<String, String>();
            // A key in the trash stays taken until the project is deleted for good.
            if (jira.project(c.site().subdomain(), key).isPresent() || jira.trashed(c.site().subdomain(), key).isPresent()) {
                taken.put("projectKey", "A project with that project key already exists.");
            }
            else taken.put("projectName", "A project with that name already exists.");
            throw JiraErrors.fields(400, taken);
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/project/" + created.id());
        m.put("id", Long.parseLong(created.id()));
        m.put("key", created.key());
        return m;
    }

    /** {@code PUT /project/{idOrKey}}: name, lead and description, for whoever administers the project. */
    static Map<String, Object> update(CloudCaller c, String idOrKey, com.fasterxml.jackson.databind.JsonNode body, String expand) {
        Project p = visible(c, idOrKey);
        if (!c.can(p, dev.jirasim.simulator.world.Permission.ADMINISTER)) {
            throw JiraErrors.message(403, "You do not have permission to edit the project " + p.key() + ".");
        }
        checkMembers(body, UPDATE_MEMBERS);
        checkAssigneeType(body);
        if (body.has("key") && !p.key().equals(text(body, "key"))) {
            throw JiraErrors.message(501, "Changing a project's key is not simulated yet.");
        }
        var errors = new LinkedHashMap<String, String>();
        String name = body.has("name") ? text(body, "name") : p.name();
        if (name == null || name.isBlank()) errors.put("projectName", "You must specify a valid project name.");
        else if (!name.equalsIgnoreCase(p.name()) && c.world().jira().projects(p.site()).stream().anyMatch(x -> x.name().equalsIgnoreCase(name))) {
            errors.put("projectName", "A project with that name already exists.");
        }
        String lead = body.has("leadAccountId") ? text(body, "leadAccountId") : p.lead();
        if (body.has("leadAccountId") && (lead == null || c.world().user(lead).filter(u -> u.memberOf(p.site())).isEmpty())) {
            errors.put("projectLead", "You must specify a valid project lead.");
        }
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        c.world().jira().replaceProject(p.withDetails(name, lead, body.has("description") ? text(body, "description") : p.description()));
        return details(c, p.key(), expand);
    }

    /** How long Jira keeps a deleted project in the trash before deleting it for good. */
    static final java.time.Duration RETENTION = java.time.Duration.ofDays(60);
    private static final dev.jirasim.simulator.world.World.Derived<Map<String, Map<String, Object>>> TASKS =
            dev.jirasim.simulator.world.World.Derived.named("jira-tasks");

    /**
     * {@code DELETE /project/{idOrKey}} for a site administrator: the project and its issues are gone from the API
     * at once. With {@code enableUndo} (the default) it goes to the trash for 60 days of the world's clock, its key
     * still taken and {@code POST /project/{key}/restore} bringing it back; without, it is deleted for good.
     */
    static void delete(CloudCaller c, String idOrKey, String enableUndo) {
        emptyTrash(c);
        Project p = visible(c, idOrKey);
        requireSiteAdmin(c);
        // Jira reads the flag as Java reads a boolean: only "true" (any case) is true; absent means the default, true.
        if (enableUndo == null || Boolean.parseBoolean(enableUndo)) {
            c.world().jira().trashProject(p, c.world().clock().now(), c.user().accountId());
        } else {
            c.world().jira().deleteProject(p);
        }
    }

    /**
     * {@code POST /project/{idOrKey}/delete}: deletes for good as a task; the answer is 303 to the task (its
     * {@code self}), which is already complete (the simulator has no slow work to do).
     */
    static Map<String, Object> deleteAsync(CloudCaller c, String idOrKey) {
        emptyTrash(c);
        Project p = visible(c, idOrKey);
        requireSiteAdmin(c);
        c.world().jira().deleteProject(p);
        var tasks = c.world().derived(TASKS.of(c.site().subdomain()), java.util.concurrent.ConcurrentHashMap::new);
        String id;
        synchronized (tasks) {
            id = Long.toString(10_000 + tasks.size());
            long at = c.world().clock().now().toEpochMilli(); // task times are epoch milliseconds
            var task = new LinkedHashMap<String, Object>();
            task.put("id", id);
            task.put("description", "Deleting project " + p.key());
            task.put("status", "COMPLETE");
            task.put("result", "");
            task.put("submittedBy", 0);
            task.put("progress", 100);
            task.put("elapsedRuntime", 0);
            task.put("submitted", at);
            task.put("started", at);
            task.put("finished", at);
            task.put("lastUpdate", at);
            task.put("submitter", c.user().accountId());
            tasks.put(id, task);
        }
        return task(c, id);
    }

    /** {@code GET /task/{id}}: a task this site ran; only its submitter sees it. */
    static Map<String, Object> task(CloudCaller c, String id) {
        var tasks = c.world().derived(TASKS.of(c.site().subdomain()), java.util.concurrent.ConcurrentHashMap::new);
        var task = tasks.get(id);
        if (task == null || !c.user().accountId().equals(task.get("submitter"))) {
            throw JiraErrors.message(404, "The task with ID " + id + " was not found.");
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/task/" + id);
        task.forEach((k, v) -> {
            if (!k.equals("submitter")) m.put(k, v);
        });
        return m;
    }

    /**
     * {@code POST /project/{idOrKey}/restore}: a project from the trash back with its issues. A site admin may
     * restore any project; a project administrator a team-managed one.
     */
    static Map<String, Object> restore(CloudCaller c, String idOrKey) {
        emptyTrash(c);
        var jira = c.world().jira();
        String site = c.site().subdomain();
        if (jira.project(site, idOrKey).filter(c::canBrowse).isPresent()) {
            throw JiraErrors.badRequest("The project " + idOrKey + " is not in the trash or archived.");
        }
        var trashed = jira.trashed(site, idOrKey).filter(t -> c.user().siteAdmin().contains(site)
                        || t.project().teamManaged() && jira.can(c.user(), t.project(), dev.jirasim.simulator.world.Permission.ADMINISTER))
                .orElseThrow(() -> JiraErrors.message(404, "No project could be found with "
                        + (idOrKey.matches("[0-9]+") ? "id" : "key") + " '" + idOrKey + "'."));
        jira.restoreProject(site, trashed.project().key());
        return details(c, trashed.project().key(), null);
    }

    /** What the trash held longer than Jira keeps it is deleted for good, as the world's clock passes. */
    private static void emptyTrash(CloudCaller c) {
        c.world().jira().emptyTrash(c.world().clock().now().minus(RETENTION));
    }

    /** A project in the trash as {@code /project/search?status=deleted} lists it. */
    private static Map<String, Object> trashedJson(CloudCaller c, dev.jirasim.simulator.world.JiraData.Trashed t) {
        var m = new LinkedHashMap<String, Object>(JiraJson.project(c, t.project()));
        m.put("deleted", true);
        m.put("deletedDate", JiraJson.time(t.deletedAt()));
        m.put("retentionTillDate", JiraJson.time(t.deletedAt().plus(RETENTION)));
        var by = c.world().user(t.deletedBy()).map(u -> JiraJson.user(c, u)).orElse(null);
        if (by != null) m.put("deletedBy", by);
        return m;
    }

    private static void requireSiteAdmin(CloudCaller c) {
        if (!c.user().siteAdmin().contains(c.site().subdomain())) {
            throw JiraErrors.message(403, "You must have global administrator rights in order to modify projects.");
        }
    }

    /** A member the document lists but we do not act on is an honest 501; one it does not list, Jira's 400. */
    private static void checkMembers(com.fasterxml.jackson.databind.JsonNode body, java.util.Set<String> handled) {
        if (body == null || !body.isObject()) throw JiraErrors.badRequest("Invalid request payload. Refer to the REST API documentation and try again.");
        var it = body.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (handled.contains(name)) continue;
            if (DOCUMENTED.contains(name)) throw JiraErrors.message(501, "The project member '" + name + "' is not simulated yet; leave it out.");
            throw JiraErrors.badRequest("Unrecognized field \"" + name + "\"");
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode body, String name) {
        var v = body.get(name);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    /** The deprecated {@code GET /project}: every project the caller may browse, in key order, unpaged. */
    static List<Map<String, Object>> all(CloudCaller c) {
        return c.world().jira().projects(c.site().subdomain()).stream().filter(c::canBrowse)
                .sorted(Comparator.comparing(Project::key)).map(p -> JiraJson.project(c, p)).toList();
    }

    static Map<String, Object> page(CloudCaller c, String query, List<String> keys, int startAt, int maxResults, String orderBy) {
        return page(c, query, keys, startAt, maxResults, orderBy, List.of());
    }

    /**
     * {@code GET /project/search}; {@code status} chooses {@code live} (the default), {@code archived} (none here:
     * projects are not archived) and {@code deleted} (the trash, for site administrators).
     */
    static Map<String, Object> page(CloudCaller c, String query, List<String> keys, int startAt, int maxResults, String orderBy,
                                    List<String> statuses) {
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        emptyTrash(c);
        var wantedStatus = new java.util.HashSet<String>();
        for (String st : statuses) {
            for (String part : st.split(",")) {
                if (part.isBlank()) continue;
                String norm = part.trim().toLowerCase(Locale.ROOT);
                if (!List.of("live", "archived", "deleted").contains(norm)) {
                    throw JiraErrors.badRequest("Invalid status '" + part.trim() + "'. Valid values are: live, archived, deleted.");
                }
                wantedStatus.add(norm);
            }
        }
        if (wantedStatus.isEmpty()) wantedStatus.add("live");
        int max = Math.max(0, Math.min(100, maxResults)); // above 100 is treated as 100
        var wanted = new ArrayList<String>();
        for (String k : keys) for (String part : k.split(",")) if (!part.isBlank()) wanted.add(part.trim().toUpperCase(Locale.ROOT));
        var trashed = new LinkedHashMap<String, dev.jirasim.simulator.world.JiraData.Trashed>();
        if (wantedStatus.contains("deleted") && c.user().siteAdmin().contains(c.site().subdomain())) {
            for (var t : c.world().jira().trash(c.site().subdomain())) trashed.put(t.project().key(), t);
        }
        var candidates = new ArrayList<Project>();
        if (wantedStatus.contains("live")) candidates.addAll(c.world().jira().projects(c.site().subdomain()).stream().filter(c::canBrowse).toList());
        trashed.values().forEach(t -> candidates.add(t.project()));
        var projects = new ArrayList<>(candidates.stream()
                .filter(p -> wanted.isEmpty() || wanted.contains(p.key()))
                .filter(p -> query == null || p.key().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))
                        || p.name().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                .toList());
        String order = orderBy == null ? "key" : orderBy;
        Comparator<Project> cmp = order.replaceFirst("^[+-]", "").equals("name") ? Comparator.comparing(Project::name) : Comparator.comparing(Project::key);
        projects.sort(order.startsWith("-") ? cmp.reversed() : cmp);
        var values = new ArrayList<Object>();
        for (Project p : projects.subList(Math.min(startAt, projects.size()), (int) Math.min(projects.size(), (long) startAt + max))) {
            values.add(trashed.containsKey(p.key()) ? trashedJson(c, trashed.get(p.key())) : JiraJson.project(c, p));
        }
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
