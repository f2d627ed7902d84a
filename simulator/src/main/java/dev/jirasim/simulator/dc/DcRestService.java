package dev.jirasim.simulator.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.LegacySearchPage;
import dev.jirasim.simulator.jql.IssueIndex;
import dev.jirasim.simulator.jql.Jql;
import dev.jirasim.simulator.jql.JqlException;
import dev.jirasim.simulator.jql.JqlSearch;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.jql.SearchContext;
import dev.jirasim.simulator.world.DcRuntime;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REST v2 on a Data Center instance: projects, search with offset paging and {@code total}, issues with v2
 * string bodies. The same JQL engine as Cloud, with DC identities (users by name or key) and the user's own
 * browse permission cutting every result (reference jira-data-center.md §3).
 */
final class DcRestService {
    static final int DEFAULT_MAX = 50;
    /** {@code jira.search.views.default.max}: larger requests are cut to it, not refused. */
    static final int MAX_RESULTS_CAP = 1000;
    /** The search engine's {@code max_result_window}: {@code startAt + maxResults} may not pass it. */
    static final int RESULT_WINDOW = 10_000;
    private static final World.Derived<IssueIndex> INDEX = World.Derived.named("dc-jql-index");

    /** The caller: a DC user and the engine's view of them. */
    private DcRestService() {
    }

    static List<Map<String, Object>> projects(DcCaller c) {
        var out = new ArrayList<Map<String, Object>>();
        for (Project p : c.dc().jira().projects(c.dc().instance().id())) if (c.can(p, Permission.BROWSE)) out.add(DcJson.project(c.base(), p));
        return out;
    }

    static Map<String, Object> search(DcCaller c, String jql, Integer startAt, Integer maxResults, List<String> fields) {
        return search(c, jql, startAt, maxResults, fields, true, List.of());
    }

    /**
     * {@code validateQuery=false} turns references to values that do not exist into warnings and an empty
     * result instead of a 400 (our reading of an UNCONFIRMED detail); syntax errors stay errors.
     */
    static Map<String, Object> search(DcCaller c, String jql, Integer startAt, Integer maxResults, List<String> fields, boolean validate,
                                      List<String> expand) {
        int start = startAt == null ? 0 : startAt;
        if (start < 0) throw DcErrors.rest(400, "startAt must not be negative.");
        int max = maxResults == null ? DEFAULT_MAX : Math.max(0, Math.min(maxResults, MAX_RESULTS_CAP));
        if ((long) start + max > RESULT_WINDOW) {
            throw DcErrors.rest(400, "Search limit exceeded: startAt + maxResults may not pass " + RESULT_WINDOW + ".");
        }
        String site = c.dc().instance().id();
        IssueIndex index = c.world().derived(INDEX.of(site), () -> IssueIndex.of(c.dc().jira(), site));
        var ctx = new SearchContext(c.user().accountId(), c.world().clock().now(), SearchContext.zoneOf(c.user().zoneinfo()), p -> c.can(p, Permission.BROWSE),
                ref -> c.dc().engineUser(ref), ref -> c.dc().jira().projectByRef(site, ref),
                SearchContext.partsOf(c.dc().jira().projects(site).stream().filter(p -> c.can(p, Permission.BROWSE)).toList()),
                new SearchContext.Schema(c.dc().instance().customFields(), c.dc().instance().sprints()));
        List<Issue> hits;
        try {
            Query query = jql == null || jql.isBlank() ? new Query(null, List.of()) : Jql.parse(jql);
            hits = JqlSearch.search(index, query, ctx);
        } catch (JqlException e) {
            boolean onlyMissingValues = e.errorMessages().stream().allMatch(m -> m.contains("does not exist for"));
            if (validate || !onlyMissingValues) {
                throw dev.jirasim.simulator.common.Problem.withBody(400, String.join(" ", e.errorMessages()),
                        Map.of("errorMessages", e.errorMessages(), "errors", Map.of()));
            }
            var empty = LegacySearchPage.body(start, max, 0, List.of());
            empty.put("warningMessages", e.errorMessages());
            return empty;
        }
        var issues = new ArrayList<Object>();
        for (Issue i : LegacySearchPage.slice(hits, start, max)) issues.add(DcJson.issue(c, i, fields, true, expand));
        return LegacySearchPage.body(start, max, hits.size(), issues);
    }

    static Map<String, Object> issue(DcCaller c, String idOrKey, List<String> fields, List<String> expand) {
        return DcJson.issue(c, visible(c, idOrKey), fields, false, expand);
    }

    static Issue visible(DcCaller c, String idOrKey) {
        String site = c.dc().instance().id();
        return c.dc().jira().issue(site, idOrKey)
                .filter(i -> c.dc().jira().project(site, i.project()).map(p -> c.can(p, Permission.BROWSE)).orElse(false))
                .orElseThrow(() -> DcErrors.rest(404, "Issue Does Not Exist"));
    }

    /** The fields {@code POST /issue} takes: the create screen's, custom fields aside (DcIssueMetaService). */
    private static final List<String> CREATE_FIELDS = List.of("project", "issuetype", "summary", "description", "components", "fixVersions");

    /** DC's text for a field that is not on the screen. */
    static String cannotSet(String name) {
        return "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.";
    }

    /** {@code POST /issue}: v2 takes plain strings; each bad field is named in {@code errors}. */
    static Map<String, Object> create(DcCaller c, JsonNode body) {
        String site = c.dc().instance().id();
        JsonNode f = body == null ? null : body.get("fields");
        if (f == null || !f.isObject()) throw DcErrors.fields(Map.of("project", "project is required"));
        var errors = new LinkedHashMap<String, String>();
        JsonNode pj = f.path("project");
        String ref = pj.hasNonNull("key") ? pj.get("key").asText() : pj.hasNonNull("id") ? pj.get("id").asText() : null;
        Project project = ref == null ? null : c.dc().jira().project(site, ref).filter(p -> c.can(p, Permission.BROWSE)).orElse(null);
        if (project == null) errors.put("project", "project is required");
        else if (!c.can(project, Permission.CREATE)) errors.put("project", "You do not have permission to create issues in this project.");
        String summary = f.path("summary").isTextual() ? f.get("summary").asText() : null;
        if (summary == null || summary.isBlank()) errors.put("summary", "You must specify a summary of the issue.");
        JsonNode type = f.path("issuetype");
        String typeName = type.hasNonNull("name") ? type.get("name").asText() : type.hasNonNull("id") ? type.get("id").asText() : null;
        String issueType = typeName == null ? null : JiraCatalog.ISSUE_TYPES.stream()
                .filter(t -> t.name().equalsIgnoreCase(typeName) || t.id().equals(typeName)).map(JiraCatalog.IssueType::name).findFirst().orElse(null);
        if (issueType == null) errors.put("issuetype", "issue type is required");
        JsonNode description = f.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) errors.put("description", "Operation value must be a string");
        List<String> components = project == null ? List.of() : DcParts.read(project, "components", f.get("components"), errors);
        List<String> fixVersions = project == null ? List.of() : DcParts.read(project, "fixVersions", f.get("fixVersions"), errors);
        Map<String, Object> custom = DcCustomFields.read(c, f, Map.of(), errors);
        // What the create screen does not hold is refused by name, never dropped.
        var names = f.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!CREATE_FIELDS.contains(name) && c.dc().instance().customField(name).isEmpty()) errors.put(name, cannotSet(name));
        }
        if (!errors.isEmpty()) throw DcErrors.fields(errors);
        Instant now = c.world().clock().now();
        var template = new Issue("1", project.key() + "-1", site, project.key(), summary,
                description == null || description.isNull() ? null : description.asText(), issueType, "To Do", "Medium", null,
                c.user().accountId(), c.user().accountId(), List.of(), now, now, null, null, null, null, List.of(), components, fixVersions, custom);
        Issue created = c.dc().jira().create(site, project.key(), i -> i, template);
        var m = new LinkedHashMap<String, Object>();
        m.put("id", created.id());
        m.put("key", created.key());
        m.put("self", c.base() + "/rest/api/2/issue/" + created.id());
        return m;
    }

    /**
     * {@code PUT /issue/{key}}: summary, description (a string), labels, priority, components, fix versions and the
     * instance's custom fields ({@code null} or {@code []} clears one); needs Edit permission.
     */
    static void edit(DcCaller c, String idOrKey, JsonNode body) {
        Issue issue = visible(c, idOrKey);
        Project project = c.dc().jira().project(issue.site(), issue.project()).orElseThrow();
        if (!c.can(project, Permission.EDIT)) throw DcErrors.rest(403, "You do not have permission to edit issues in this project.");
        JsonNode f = body == null ? null : body.get("fields");
        JsonNode update = body == null ? null : body.get("update");
        if (update != null && !(update.isObject() && update.isEmpty()) && !update.isNull()) {
            // Not emulated: rather than drop the verbs, say so.
            throw DcErrors.rest(501, "The simulator does not emulate 'update' (add, set, remove verbs) on Data Center yet: send the new values in 'fields'.");
        }
        if (f == null || !f.isObject()) throw DcErrors.rest(400, "The request body must have a fields object.");
        var errors = new LinkedHashMap<String, String>();
        String summary = issue.summary();
        Object description = issue.description();
        List<String> labels = issue.labels();
        String priority = issue.priority();
        List<String> components = issue.components();
        List<String> fixVersions = issue.fixVersions();
        Map<String, Object> custom = DcCustomFields.read(c, f, issue.customFields(), errors);
        var timeTracking = issue.activity().timeTracking();
        var names = f.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode v = f.get(name);
            switch (name) {
                case "timetracking" -> timeTracking = DcWorklogs.editedTimeTracking(timeTracking, v, errors);
                case "summary" -> {
                    if (!v.isTextual() || v.asText().isBlank()) errors.put("summary", "You must specify a summary of the issue.");
                    else summary = v.asText();
                }
                case "description" -> {
                    if (!v.isNull() && !v.isTextual()) errors.put("description", "Operation value must be a string");
                    else description = v.isNull() ? null : v.asText();
                }
                case "labels" -> {
                    if (!v.isArray()) errors.put("labels", "Operation value must be an array of strings");
                    else {
                        var next = new ArrayList<String>();
                        v.forEach(l -> next.add(l.asText()));
                        labels = next;
                    }
                }
                case "priority" -> {
                    String ref = v.path("name").asText(v.path("id").asText(null));
                    var found = ref == null ? Optional.<JiraCatalog.Priority>empty() : JiraCatalog.priority(ref);
                    if (found.isEmpty()) errors.put("priority", "Priority name '" + ref + "' is not valid");
                    else priority = found.get().name();
                }
                case "components" -> {
                    List<String> next = DcParts.read(project, name, v, errors);
                    if (next != null) components = next;
                }
                case "fixVersions" -> {
                    List<String> next = DcParts.read(project, name, v, errors);
                    if (next != null) fixVersions = next;
                }
                default -> {
                    if (c.dc().instance().customField(name).isEmpty()) errors.put(name, cannotSet(name));
                }
            }
        }
        if (!errors.isEmpty()) throw DcErrors.fields(errors);
        Instant now = c.world().clock().now();
        var a = issue.activity();
        var activity = timeTracking.equals(a.timeTracking()) ? a
                : new dev.jirasim.simulator.world.IssueActivity(a.worklogs(), timeTracking, a.links(), a.remoteLinks(), a.watchers(), a.voters(), a.attachments());
        var next = issue.toBuilder().summary(summary).description(description).priority(priority).labels(labels)
                .components(components).fixVersions(fixVersions).customFields(custom).activity(activity).build();
        // An edit that changes nothing leaves no history and keeps updated, as on Jira.
        if (next.equals(issue)) return;
        DcHistory.save(c, issue, next.toBuilder().updated(now).build());
    }

    /** {@code DELETE /issue/{key}}: needs Delete permission. */
    static void delete(DcCaller c, String idOrKey) {
        Issue issue = visible(c, idOrKey);
        Project project = c.dc().jira().project(issue.site(), issue.project()).orElseThrow();
        if (!c.can(project, Permission.DELETE)) throw DcErrors.rest(403, "You do not have permission to delete issues in this project.");
        c.dc().jira().delete(issue);
    }


}
