package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Adf;
import dev.jirasim.simulator.world.Comment;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira's JSON for users, projects, issues and comments, as {@code /rest/api/3} (ADF) or {@code /rest/api/2}
 * (strings) writes them. Member names follow the official spec.
 */
final class JiraJson {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final String AVATAR = "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/";

    private JiraJson() {
    }

    /** The site's base URL: the API base without {@code /rest/api/N}. */
    static String siteBase(CloudCaller c) {
        String base = c.apiBase();
        int cut = base.lastIndexOf("/rest/api/");
        return cut < 0 ? base : base.substring(0, cut);
    }

    /** ISO-8601 with milliseconds and Z, as the agile fields (sprint dates) write instants. */
    static String iso(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static Map<String, String> avatarUrls(String id) {
        var m = new LinkedHashMap<String, String>();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) m.put(size, AVATAR + id + "/" + size + ".png");
        return m;
    }

    static Map<String, Object> user(CloudCaller c, User u) {
        if (u == null) return null;
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/user?accountId=" + u.accountId());
        m.put("accountId", u.accountId());
        m.put("accountType", u.accountType());
        // Others see the address only where the user's profile shows it (reference jira-cloud-more §3).
        if (u.emailVisibleTo(c.user().accountId())) m.put("emailAddress", u.email());
        m.put("avatarUrls", avatarUrls(u.accountId()));
        m.put("displayName", u.displayName());
        m.put("active", "active".equals(u.accountStatus()));
        m.put("timeZone", u.zoneinfo());
        return m;
    }

    static Map<String, Object> project(CloudCaller c, Project p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/project/" + p.id());
        m.put("id", p.id());
        m.put("key", p.key());
        m.put("name", p.name());
        m.put("avatarUrls", avatarUrls("project-" + p.id()));
        m.put("projectTypeKey", p.projectTypeKey());
        m.put("simplified", p.teamManaged());
        m.put("style", p.style());
        m.put("isPrivate", false);
        m.put("properties", Map.of());
        return m;
    }

    static Map<String, Object> status(CloudCaller c, String name) {
        return status(c, JiraCatalog.status(name).orElseThrow());
    }

    /** {@code StatusDetails}; the icon stays on the site host, as on the real gateway (reference jira-cloud-more §1.4). */
    static Map<String, Object> status(CloudCaller c, JiraCatalog.Status s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/status/" + s.id());
        m.put("description", "");
        m.put("iconUrl", c.site().url() + "/images/icons/statuses/generic.png");
        m.put("name", s.name());
        m.put("untranslatedName", s.name());
        m.put("id", s.id());
        m.put("statusCategory", statusCategory(c, s.category()));
        return m;
    }

    static Map<String, Object> statusCategory(CloudCaller c, JiraCatalog.StatusCategory category) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/statuscategory/" + category.id());
        m.put("id", category.id());
        m.put("key", category.key());
        m.put("colorName", category.colorName());
        m.put("name", category.name());
        return m;
    }

    static Map<String, Object> issueType(CloudCaller c, String name) {
        return issueType(c, JiraCatalog.issueType(name).orElseThrow());
    }

    /**
     * {@code IssueTypeDetails}. Through the gateway the icon is an avatar on the gateway itself, always under
     * {@code /rest/api/2} (reference jira-cloud-more §1.4), which {@code universal_avatar} serves.
     */
    static Map<String, Object> issueType(CloudCaller c, JiraCatalog.IssueType t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/issuetype/" + t.id());
        m.put("id", t.id());
        m.put("description", t.description());
        m.put("iconUrl", siteBase(c) + "/rest/api/2/universal_avatar/view/type/issuetype/avatar/" + t.avatarId() + "?size=medium");
        m.put("name", t.name());
        m.put("untranslatedName", t.name());
        m.put("subtask", t.subtask());
        m.put("avatarId", t.avatarId());
        m.put("hierarchyLevel", t.hierarchyLevel());
        if (t.projectId() != null) {
            // A team-managed project's own type: Jira adds a stable entity id and the scope that owns it.
            m.put("entityId", java.util.UUID.nameUUIDFromBytes(("issuetype/" + t.projectId() + "/" + t.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            m.put("scope", Map.of("type", "PROJECT", "project", Map.of("id", t.projectId())));
        }
        return m;
    }

    /** The issue's type as its project has it (a team-managed project's own type, with its id and scope). */
    static JiraCatalog.IssueType typeOf(CloudCaller c, Issue issue) {
        return c.world().jira().project(issue.site(), issue.project()).map(p -> p.typeNamed(issue.issueType()))
                .orElseGet(() -> JiraCatalog.issueType(issue.issueType()).orElseThrow());
    }

    static Map<String, Object> priority(CloudCaller c, String name) {
        var p = JiraCatalog.priority(name).orElseThrow();
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/priority/" + p.id());
        m.put("iconUrl", priorityIcon(c, p));
        m.put("name", p.name());
        m.put("id", p.id());
        return m;
    }

    /** {@code Priority} as {@code /priority} lists it: the embedded form plus colour, description and the default flag. */
    static Map<String, Object> priorityDetails(CloudCaller c, JiraCatalog.Priority p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/priority/" + p.id());
        m.put("statusColor", p.statusColor());
        m.put("description", p.description());
        m.put("iconUrl", priorityIcon(c, p));
        m.put("name", p.name());
        m.put("id", p.id());
        m.put("isDefault", p.isDefault());
        return m;
    }

    private static String priorityIcon(CloudCaller c, JiraCatalog.Priority p) {
        return c.site().url() + "/images/icons/priorities/" + p.name().toLowerCase(java.util.Locale.ROOT) + ".svg";
    }

    /** {@code ProjectComponent}; the full form (with the project and assignee members) for the component routes. */
    static Map<String, Object> component(CloudCaller c, Project p, Project.Component x, boolean full) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/component/" + x.id());
        m.put("id", x.id());
        m.put("name", x.name());
        if (x.description() != null) m.put("description", x.description());
        if (full) {
            User lead = c.world().user(x.lead()).orElse(null);
            if (lead != null) m.put("lead", user(c, lead));
            m.put("assigneeType", "PROJECT_DEFAULT");
            m.put("realAssigneeType", "PROJECT_DEFAULT");
            m.put("isAssigneeTypeValid", false);
            m.put("project", p.key());
            m.put("projectId", Long.parseLong(p.id()));
        }
        return m;
    }

    /** {@code Version}. */
    static Map<String, Object> version(CloudCaller c, Project p, Project.Version v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/version/" + v.id());
        m.put("id", v.id());
        if (v.description() != null) m.put("description", v.description());
        m.put("name", v.name());
        m.put("archived", v.archived());
        m.put("released", v.released());
        if (v.startDate() != null) m.put("startDate", v.startDate().toString());
        if (v.releaseDate() != null) m.put("releaseDate", v.releaseDate().toString());
        m.put("projectId", Long.parseLong(p.id()));
        return m;
    }

    static Map<String, Object> resolution(CloudCaller c, JiraCatalog.Resolution r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/resolution/" + r.id());
        m.put("id", r.id());
        m.put("description", r.description());
        m.put("name", r.name());
        return m;
    }

    static Object text(CloudCaller c, Object adf) {
        if (adf == null) return null;
        return c.version() == 3 ? adf : Adf.toText(adf);
    }

    static Map<String, Object> comment(CloudCaller c, Issue issue, Comment comment) {
        return comment(c, issue, comment, false);
    }

    /** {@code Comment}; with {@code renderedBody} (the body as HTML) when asked for. */
    static Map<String, Object> comment(CloudCaller c, Issue issue, Comment comment, boolean rendered) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/issue/" + issue.id() + "/comment/" + comment.id());
        m.put("id", comment.id());
        m.put("author", user(c, c.world().user(comment.author()).orElse(null)));
        m.put("body", text(c, comment.body()));
        if (rendered) m.put("renderedBody", RichTextHtml.of(comment.body()));
        m.put("updateAuthor", user(c, c.world().user(comment.lastEditor()).orElse(null)));
        m.put("created", time(comment.created()));
        m.put("updated", time(comment.updated()));
        if (comment.visibility() != null) m.put("visibility", Visibilities.render(c, comment.visibility()));
        m.put("jsdPublic", true);
        return m;
    }

    /** The comments of an issue the caller may see (restricted ones only for their group or role), oldest first. */
    static List<Comment> visibleComments(CloudCaller c, Issue issue) {
        boolean restricted = false;
        for (Comment cm : issue.comments()) restricted |= cm.visibility() != null;
        if (!restricted) return issue.comments();
        Project p = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        return issue.comments().stream().filter(cm -> Visibilities.canSee(c, p, cm.visibility())).toList();
    }

    /**
     * One field of an issue by field id, or {@link #ABSENT} when the issue has no such member (a parent on a
     * top-level issue). Built one at a time so a page that asks for {@code summary} never renders comments.
     */
    static Object field(CloudCaller c, Issue issue, String name) {
        return switch (name) {
            case "summary" -> issue.summary();
            case "description" -> text(c, issue.description());
            case "issuetype" -> issueType(c, typeOf(c, issue));
            case "project" -> project(c, c.world().jira().project(issue.site(), issue.project()).orElseThrow());
            case "status" -> status(c, issue.status());
            case "statuscategorychangedate", "updated" -> time(issue.updated());
            case "priority" -> priority(c, issue.priority());
            case "assignee" -> user(c, c.world().user(issue.assignee()).orElse(null));
            case "reporter" -> user(c, c.world().user(issue.reporter()).orElse(null));
            case "creator" -> user(c, c.world().user(issue.creator()).orElse(null));
            case "labels" -> issue.labels();
            case "created" -> time(issue.created());
            case "resolutiondate" -> time(issue.resolved());
            case "resolution" -> issue.resolution() == null ? null : JiraCatalog.resolution(issue.resolution())
                    .map(r -> (Object) resolution(c, r)).orElse(null);
            case "duedate" -> issue.duedate() == null ? null : issue.duedate().toString();
            case "parent" -> issue.parent() == null ? ABSENT : c.world().jira().issue(issue.site(), issue.parent()).<Object>map(p -> {
                var parent = new LinkedHashMap<String, Object>();
                parent.put("id", p.id());
                parent.put("key", p.key());
                parent.put("self", c.apiBase() + "/issue/" + p.id());
                parent.put("fields", Map.of("summary", p.summary(), "status", status(c, p.status()),
                        "priority", priority(c, p.priority()), "issuetype", issueType(c, typeOf(c, p))));
                return parent;
            }).orElse(ABSENT);
            case "comment" -> commentPage(c, issue);
            case "worklog" -> WorklogService.field(c, issue);
            case "timetracking" -> WorklogService.timeTracking(issue);
            // Aggregates are the issue's own values: subtasks' time is not rolled up (a documented difference).
            case "timeoriginalestimate", "aggregatetimeoriginalestimate" -> issue.activity().timeTracking().originalEstimateSeconds();
            case "timeestimate", "aggregatetimeestimate" -> issue.activity().timeTracking().remainingEstimateSeconds();
            case "timespent", "aggregatetimespent" -> WorklogService.spent(issue);
            case "issuelinks" -> ActivityJson.issueLinks(c, issue);
            case "watches" -> ActivityJson.watches(c, issue);
            case "votes" -> ActivityJson.votes(c, issue);
            case "attachment" -> ActivityJson.attachments(c, issue);
            case "components" -> {
                Project p = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
                yield issue.components().stream().map(n -> p.component(n).map(x -> component(c, p, x, false)).orElse(null))
                        .filter(java.util.Objects::nonNull).toList();
            }
            case "fixVersions" -> {
                Project p = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
                yield issue.fixVersions().stream().map(n -> p.version(n).map(x -> version(c, p, x)).orElse(null))
                        .filter(java.util.Objects::nonNull).toList();
            }
            default -> {
                if (!name.startsWith("customfield_")) yield ABSENT;
                var def = c.world().jiraSettings().customField(issue.site(), name);
                yield def.isEmpty() ? ABSENT : CustomFieldValues.render(c, def.get(), issue.customFields().get(name));
            }
        };
    }

    /** Marks a field the issue does not have, as opposed to one whose value is null. */
    static final Object ABSENT = new Object();

    private static Map<String, Object> commentPage(CloudCaller c, Issue issue) {
        return commentPage(c, issue, false);
    }

    /** The issue's {@code comment} field; {@code html}: with bodies rendered, as {@code renderedFields.comment} has them. */
    static Map<String, Object> commentPage(CloudCaller c, Issue issue, boolean html) {
        var comments = new ArrayList<Object>();
        for (Comment cm : visibleComments(c, issue)) {
            var one = comment(c, issue, cm);
            if (html) {
                one = new LinkedHashMap<>(one);
                one.put("body", RichTextHtml.of(cm.body()));
            }
            comments.add(one);
        }
        var page = new LinkedHashMap<String, Object>();
        page.put("comments", comments.size() > 20 ? comments.subList(0, 20) : comments);
        page.put("self", c.apiBase() + "/issue/" + issue.id() + "/comment");
        page.put("maxResults", Math.min(20, comments.size()));
        page.put("total", comments.size());
        page.put("startAt", 0);
        return page;
    }

    /** Fields a search returns for {@code *navigable}: every field here but the comment page and attachments. */
    static final List<String> NAVIGABLE = List.of("summary", "description", "issuetype", "project", "status",
            "statuscategorychangedate", "priority", "assignee", "reporter", "creator", "labels", "created", "updated",
            "resolutiondate", "resolution", "duedate", "parent", "components", "fixVersions", "timeoriginalestimate", "timeestimate",
            "timespent", "aggregatetimeoriginalestimate", "aggregatetimeestimate", "aggregatetimespent", "issuelinks", "watches", "votes");
}
