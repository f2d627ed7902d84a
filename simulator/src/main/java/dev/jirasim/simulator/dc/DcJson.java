package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.DcInstance.DcUser;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.JiraCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DC's JSON: users by name and key (no accountId), times as Jira writes them, links under the instance base. */
final class DcJson {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private DcJson() {
    }

    static Map<String, Object> user(String base, DcUser u, boolean full) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/user?username=" + URLEncoder.encode(u.name(), StandardCharsets.UTF_8));
        m.put("key", u.key());
        m.put("name", u.name());
        m.put("emailAddress", u.emailAddress());
        var avatars = new LinkedHashMap<String, String>();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            int px = Integer.parseInt(size.substring(0, size.indexOf('x')));
            avatars.put(size, base + "/secure/useravatar?size=" + px + "&avatarId=10122");
        }
        m.put("avatarUrls", avatars);
        m.put("displayName", u.displayName());
        m.put("active", u.active());
        m.put("deleted", false);
        m.put("timeZone", u.timeZone());
        if (full) {
            m.put("locale", "en_US");
            m.put("groups", Map.of("size", u.admin() ? 2 : 1, "items", List.of()));
            m.put("applicationRoles", Map.of("size", 1, "items", List.of()));
            m.put("expand", "groups,applicationRoles");
        }
        return m;
    }

    /** A user as searches list them: the embedded form plus {@code locale}. */
    static Map<String, Object> userInList(String base, DcUser u) {
        var m = user(base, u, false);
        m.put("locale", "en_US");
        return m;
    }

    static Map<String, Object> project(String base, dev.jirasim.simulator.world.Project p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("expand", "description,lead,url,projectKeys");
        m.put("self", base + "/rest/api/2/project/" + p.id());
        m.put("id", p.id());
        m.put("key", p.key());
        m.put("name", p.name());
        var avatars = new LinkedHashMap<String, String>();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) avatars.put(size, base + "/secure/projectavatar?size=" + size + "&pid=" + p.id());
        m.put("avatarUrls", avatars);
        m.put("projectTypeKey", p.projectTypeKey());
        m.put("archived", false);
        return m;
    }

    /**
     * {@code GET /project/{idOrKey}}: the list form with what DC adds for one project, its lead and issue types
     * among them, its components and versions in their short forms; {@code roles} is left out, as
     * the simulator serves no project roles to link to.
     */
    static Map<String, Object> projectDetails(String base, dev.jirasim.simulator.world.Project p, DcInstance instance, boolean withKeys) {
        Map<String, Object> brief = project(base, p);
        var m = new LinkedHashMap<String, Object>();
        for (String member : List.of("expand", "self", "id", "key")) m.put(member, brief.get(member));
        m.put("description", "");
        if (p.lead() != null) instance.user(p.lead()).ifPresent(u -> m.put("lead", user(base, u, false)));
        m.put("components", p.components().stream().map(x -> DcParts.componentRef(base, x)).toList());
        m.put("issueTypes", JiraCatalog.ISSUE_TYPES.stream().map(t -> DcCatalogJson.issueType(base, t)).toList());
        m.put("assigneeType", "UNASSIGNED");
        m.put("versions", p.versions().stream().map(v -> DcParts.versionRef(base, v)).toList());
        for (String member : List.of("name", "avatarUrls", "projectTypeKey", "archived")) m.put(member, brief.get(member));
        if (withKeys) m.put("projectKeys", List.of(p.key()));
        return m;
    }

    static final List<String> NAVIGABLE = List.of("summary", "description", "issuetype", "project", "status", "priority", "assignee",
            "reporter", "creator", "labels", "created", "updated", "resolution", "resolutiondate", "duedate", "parent", "components", "fixVersions");

    /** Fields DC does not count as navigable: GET issue shows them by default, search only when asked. */
    static final java.util.Set<String> NOT_NAVIGABLE = java.util.Set.of("comment", "worklog", "timetracking");

    static Map<String, Object> issue(DcCaller c, dev.jirasim.simulator.world.Issue issue, List<String> fields, boolean inSearch) {
        return issue(c, issue, fields, inSearch, List.of());
    }

    /**
     * An issue; search defaults to navigable fields, GET issue to all. {@code expand=changelog} adds the whole
     * changelog ({@link DcHistory#changelog}).
     */
    static Map<String, Object> issue(DcCaller c, dev.jirasim.simulator.world.Issue issue, List<String> fields, boolean inSearch, List<String> expand) {
        var m = new LinkedHashMap<String, Object>();
        m.put("expand", "operations,versionedRepresentations,editmeta,changelog,renderedFields");
        m.put("id", issue.id());
        m.put("self", c.base() + "/rest/api/2/issue/" + issue.id());
        m.put("key", issue.key());
        var all = new LinkedHashMap<String, Object>();
        var jira = c.dc().jira();
        String base = c.base();
        var project = jira.project(issue.site(), issue.project()).orElseThrow();
        all.put("summary", issue.summary());
        all.put("description", issue.description() == null ? null
                : issue.description() instanceof String text ? text : dev.jirasim.simulator.world.Adf.toText(issue.description()));
        all.put("issuetype", DcCatalogJson.issueType(base, JiraCatalog.issueType(issue.issueType()).orElseThrow()));
        all.put("project", project(base, project));
        all.put("status", DcCatalogJson.status(base, JiraCatalog.status(issue.status()).orElseThrow()));
        all.put("priority", DcCatalogJson.priority(base, JiraCatalog.priority(issue.priority()).orElseThrow()));
        all.put("assignee", person(c, issue.assignee()));
        all.put("reporter", person(c, issue.reporter()));
        all.put("creator", person(c, issue.creator()));
        all.put("labels", issue.labels());
        all.put("created", TIME.format(issue.created()));
        all.put("updated", TIME.format(issue.updated()));
        all.put("resolution", issue.resolution() == null ? null : JiraCatalog.resolution(issue.resolution())
                .map(r -> DcCatalogJson.resolution(base, r)).orElse(Map.of("name", issue.resolution())));
        all.put("resolutiondate", issue.resolved() == null ? null : TIME.format(issue.resolved()));
        all.put("duedate", issue.duedate() == null ? null : issue.duedate().toString());
        all.put("parent", issue.parent() == null ? null : Map.of("key", issue.parent()));
        all.put("components", issue.components().stream().flatMap(n -> project.component(n).stream()).map(x -> DcParts.componentRef(base, x)).toList());
        all.put("fixVersions", issue.fixVersions().stream().flatMap(n -> project.version(n).stream()).map(v -> DcParts.versionRef(base, v)).toList());
        all.put("issuelinks", DcLinks.field(c, issue));
        all.put("comment", DcComments.field(c, issue));
        all.put("worklog", DcWorklogs.page(c, issue));
        all.put("timetracking", DcWorklogs.timeTracking(issue));
        // Every custom field of the instance, null where the issue has no value, as DC writes them.
        for (var cf : c.dc().instance().customFields()) all.put(cf.id(), DcCustomFields.render(c, cf, issue.customFields().get(cf.id())));
        List<String> wanted = fields == null || fields.isEmpty() ? List.of(inSearch ? "*navigable" : "*all") : fields;
        var f = new LinkedHashMap<String, Object>();
        for (var e : all.entrySet()) {
            boolean keep = wanted.contains("*all") || (wanted.contains("*navigable") && !NOT_NAVIGABLE.contains(e.getKey())) || wanted.contains(e.getKey());
            if (wanted.contains("-" + e.getKey())) keep = false;
            if (keep && (e.getValue() != null || !e.getKey().equals("parent"))) f.put(e.getKey(), e.getValue());
        }
        m.put("fields", f);
        if (expand != null && expand.contains("changelog")) m.put("changelog", DcHistory.changelog(c, issue));
        return m;
    }

    /** The caller's time zone (UTC when unknown), in which DC decides what "today" is. */
    static java.time.ZoneId zone(DcCaller c) {
        try {
            return java.time.ZoneId.of(c.user().zoneinfo());
        } catch (java.time.DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Map<String, Object> person(DcCaller c, String key) {
        if (key == null) return null;
        return c.dc().instance().user(key).map(u -> user(c.base(), u, false)).orElse(null);
    }

    static Map<String, Object> serverInfo(String base, DcInstance instance, Instant now) {
        var m = new LinkedHashMap<String, Object>();
        m.put("baseUrl", base);
        m.put("version", instance.version());
        var numbers = new java.util.ArrayList<Integer>();
        for (String part : instance.version().split("\\.")) {
            try {
                numbers.add(Integer.parseInt(part));
            } catch (NumberFormatException ignored) {
                break;
            }
        }
        m.put("versionNumbers", numbers);
        m.put("deploymentType", "Server");
        m.put("buildNumber", 10030024);
        m.put("buildDate", "2026-10-01T00:00:00.000+0000");
        m.put("serverTime", TIME.format(now));
        m.put("scmInfo", "jirasim");
        m.put("serverTitle", instance.serverTitle());
        return m;
    }
}
