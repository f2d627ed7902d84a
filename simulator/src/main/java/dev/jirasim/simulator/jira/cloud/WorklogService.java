package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.common.TimeTrackingDetails;
import dev.jirasim.simulator.world.EstimateAdjustment;
import dev.jirasim.simulator.common.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity;
import dev.jirasim.simulator.world.IssueActivity.TimeTracking;
import dev.jirasim.simulator.world.IssueActivity.Worklog;
import dev.jirasim.simulator.world.JiraData;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Worklogs and time tracking: log, read, edit and delete work on an issue with Jira's {@code adjustEstimate} modes,
 * the issue's time tracking fields, and the incremental-sync pair {@code /worklog/updated} + {@code /worklog/list}
 * (with {@code /worklog/deleted}). Restricted worklogs follow {@link Visibilities}, like comments.
 *
 * <p>Permissions (our model of Jira's): logging work needs Edit issues ("Work on issues"); editing and deleting a
 * worklog is for its author (who may still edit issues) and for project or site administrators ("Edit/Delete all
 * worklogs"). Jira answers 400 to a caller without the right (the spec); the texts are our choice unless noted.
 */
final class WorklogService {
    /** Jira's page size for {@code /worklog/updated} and {@code /worklog/deleted}, and the cap of {@code /worklog/list}. */
    static final int SYNC_PAGE = 1000;
    /** Jira leaves out changes of the last minute from the sync lists (documented). */
    static final long SETTLE_MILLIS = 60_000;
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String NOT_FOUND = "Can not find a worklog for the id: %s.";

    private WorklogService() {
    }


    // ---- rendering ---------------------------------------------------------------------------------------

    static Map<String, Object> json(CloudCaller c, Issue issue, Worklog w) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/issue/" + issue.id() + "/worklog/" + w.id());
        m.put("author", JiraJson.user(c, c.world().user(w.author()).orElse(null)));
        m.put("updateAuthor", JiraJson.user(c, c.world().user(w.updateAuthor()).orElse(null)));
        if (w.comment() != null) m.put("comment", JiraJson.text(c, w.comment()));
        m.put("created", JiraJson.time(w.created()));
        m.put("updated", JiraJson.time(w.updated()));
        if (w.visibility() != null) m.put("visibility", Visibilities.render(c, w.visibility()));
        m.put("started", JiraJson.time(w.started()));
        m.put("timeSpent", Durations.format(w.timeSpentSeconds()));
        m.put("timeSpentSeconds", w.timeSpentSeconds());
        m.put("id", w.id());
        m.put("issueId", issue.id());
        return m;
    }

    /** The worklogs of an issue the caller may see, in the order they were logged. */
    static List<Worklog> visible(CloudCaller c, Issue issue) {
        var all = issue.activity().worklogs();
        if (all.stream().allMatch(w -> w.visibility() == null)) return all;
        Project p = project(c, issue);
        return all.stream().filter(w -> Visibilities.canSee(c, p, w.visibility())).toList();
    }

    /** The issue's {@code worklog} field: the first 20 worklogs the caller may see. */
    static Map<String, Object> field(CloudCaller c, Issue issue) {
        var shown = visible(c, issue);
        var list = new ArrayList<Object>();
        for (Worklog w : shown.subList(0, Math.min(20, shown.size()))) list.add(json(c, issue, w));
        var m = new LinkedHashMap<String, Object>();
        m.put("startAt", 0);
        m.put("maxResults", 20);
        m.put("total", shown.size());
        m.put("worklogs", list);
        return m;
    }

    /** Time spent: the sum of every worklog (restricted ones too, as Jira counts them); null when none. */
    static Long spent(Issue issue) {
        return issue.activity().timeSpentSeconds();
    }

    /** {@code TimeTrackingDetails}: only the members that have a value. */
    static Map<String, Object> timeTracking(Issue issue) {
        TimeTracking t = issue.activity().timeTracking();
        return TimeTrackingDetails.of(t.originalEstimateSeconds(), t.remainingEstimateSeconds(), issue.activity().timeSpentSeconds());
    }

    // ---- one issue's worklogs ------------------------------------------------------------------------------

    static Map<String, Object> page(CloudCaller c, String idOrKey, int startAt, int maxResults, Long startedAfter, Long startedBefore) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        var matching = visible(c, issue).stream()
                .filter(w -> startedAfter == null || w.started().toEpochMilli() >= startedAfter)
                .filter(w -> startedBefore == null || w.started().toEpochMilli() < startedBefore).toList();
        maxResults = Math.max(0, maxResults);
        int to = (int) Math.min(matching.size(), (long) startAt + maxResults);
        var list = new ArrayList<Object>();
        for (Worklog w : matching.subList(Math.min(startAt, to), to)) list.add(json(c, issue, w));
        var body = new LinkedHashMap<String, Object>();
        body.put("startAt", startAt);
        body.put("maxResults", maxResults);
        body.put("total", matching.size());
        body.put("worklogs", list);
        return body;
    }

    static Map<String, Object> one(CloudCaller c, String idOrKey, String id) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        return json(c, issue, find(c, issue, id));
    }

    static Map<String, Object> add(CloudCaller c, String idOrKey, JsonNode body, EstimateAdjustment adjust, boolean overrideEditableFlag) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (overrideEditableFlag) CommentService.requireOverrideRight(c);
        Project project = project(c, issue);
        // Jira's text for a user without Work on issues (its message bundle), unconfirmed on Cloud.
        if (!c.can(project, Permission.EDIT)) throw JiraErrors.badRequest("You do not have the permission to associate a worklog to this issue.");
        var errors = new LinkedHashMap<String, String>();
        Long seconds = timeSpent(body, errors, true);
        Instant started = started(body, errors, true);
        Object comment = comment(c, body, errors);
        Long remaining = remainingAfter(issue, adjust, seconds == null ? 0 : seconds, 0, errors, true);
        if (!errors.isEmpty()) throw fieldErrors(errors);
        var visibility = Visibilities.read(c, project, body.get("visibility"));
        Instant now = c.world().clock().now();
        var worklog = new Worklog(c.world().jira().nextWorklogId(), c.user().accountId(), c.user().accountId(), comment, now, now, started,
                seconds, visibility);
        var worklogs = new ArrayList<>(issue.activity().worklogs());
        worklogs.add(worklog);
        Issue updated = save(c, issue, worklogs, remaining, now);
        return json(c, updated, worklog);
    }

    static Map<String, Object> update(CloudCaller c, String idOrKey, String id, JsonNode body, EstimateAdjustment adjust, boolean overrideEditableFlag) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        Worklog old = find(c, issue, id);
        if (overrideEditableFlag) CommentService.requireOverrideRight(c);
        if (!mayChange(c, issue, old)) throw JiraErrors.badRequest("You do not have the permission to edit this worklog.");
        if (adjust.mode().equals("manual")) throw JiraErrors.badRequest("The adjustEstimate value 'manual' is not allowed when updating a worklog.");
        var errors = new LinkedHashMap<String, String>();
        Long seconds = timeSpent(body, errors, false);
        Instant started = started(body, errors, false);
        Object comment = body.has("comment") ? comment(c, body, errors) : old.comment();
        long spent = seconds == null ? old.timeSpentSeconds() : seconds;
        Long remaining = remainingAfter(issue, adjust, spent, old.timeSpentSeconds(), errors, true);
        if (!errors.isEmpty()) throw fieldErrors(errors);
        var visibility = body.has("visibility") ? Visibilities.read(c, project(c, issue), body.get("visibility")) : old.visibility();
        Instant now = c.world().clock().now();
        var edited = new Worklog(old.id(), old.author(), c.user().accountId(), comment, old.created(), now, started == null ? old.started() : started,
                spent, visibility);
        var worklogs = new ArrayList<Worklog>();
        for (Worklog w : issue.activity().worklogs()) worklogs.add(w.id().equals(old.id()) ? edited : w);
        Issue updated = save(c, issue, worklogs, remaining, now);
        return json(c, updated, edited);
    }

    static void delete(CloudCaller c, String idOrKey, String id, EstimateAdjustment adjust, boolean overrideEditableFlag) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        Worklog old = find(c, issue, id);
        if (overrideEditableFlag) CommentService.requireOverrideRight(c);
        if (!mayChange(c, issue, old)) throw JiraErrors.badRequest("You do not have the permission to delete this worklog.");
        var errors = new LinkedHashMap<String, String>();
        Long remaining = remainingAfter(issue, adjust, 0, old.timeSpentSeconds(), errors, false);
        if (!errors.isEmpty()) throw fieldErrors(errors);
        var worklogs = new ArrayList<>(issue.activity().worklogs());
        worklogs.removeIf(w -> w.id().equals(old.id()));
        Instant now = c.world().clock().now();
        save(c, issue, worklogs, remaining, now);
        c.world().jira().worklogDeleted(issue.site(), old.id(), now);
    }

    /** Notes the worklogs of an issue about to be deleted, so {@code /worklog/deleted} lists them. */
    static void issueDeleted(CloudCaller c, Issue issue) {
        for (Worklog w : issue.activity().worklogs()) c.world().jira().worklogDeleted(issue.site(), w.id(), c.world().clock().now());
    }

    private static Issue save(CloudCaller c, Issue issue, List<Worklog> worklogs, Long remaining, Instant now) {
        TimeTracking t = issue.activity().timeTracking();
        var activity = new IssueActivity(worklogs, new TimeTracking(t.originalEstimateSeconds(), remaining), issue.activity().links(),
                issue.activity().remoteLinks(), issue.activity().watchers(), issue.activity().voters(), issue.activity().attachments());
        return c.world().updateIssue(issue, issue.toBuilder().activity(activity).updated(now).build(), c.user().accountId());
    }

    /** The remaining estimate after logging (see {@link EstimateAdjustment}); an unknown mode is a 400 (our wording). */
    private static Long remainingAfter(Issue issue, EstimateAdjustment adjust, long spent, long before, Map<String, String> errors, boolean reduce) {
        if (!adjust.known()) throw JiraErrors.badRequest("The adjustEstimate parameter must be one of new, leave, manual or auto.");
        return adjust.remainingAfter(issue.activity().timeTracking().remainingEstimateSeconds(), spent, before, reduce, errors);
    }

    /** {@code timeSpentSeconds}, else {@code timeSpent} parsed; Jira's messages for a missing or unreadable duration. */
    private static Long timeSpent(JsonNode body, Map<String, String> errors, boolean required) {
        JsonNode seconds = body.get("timeSpentSeconds");
        JsonNode text = body.get("timeSpent");
        if (seconds != null && !seconds.isNull()) {
            if (!seconds.canConvertToLong() || !seconds.isIntegralNumber()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            if (seconds.asLong() < 60) {
                errors.put("timeLogged", "You must indicate the time spent working.");
                return null;
            }
            if (seconds.asLong() > 1_000_000_000_000L) {
                errors.put("timeLogged", "Invalid time duration entered.");
                return null;
            }
            return seconds.asLong();
        }
        if (text != null && !text.isNull()) {
            if (!text.isTextual()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            Long parsed = Durations.parse(text.asText());
            if (parsed == null) errors.put("timeLogged", "Invalid time duration entered.");
            else if (parsed < 60) errors.put("timeLogged", "You must indicate the time spent working.");
            return parsed == null || parsed < 60 ? null : parsed;
        }
        if (required) errors.put("timeLogged", "You must indicate the time spent working.");
        return null;
    }

    /** {@code started} as Jira writes it ({@code 2024-01-15T10:00:00.000+0000}); ISO-8601 with an offset is also read. */
    private static Instant started(JsonNode body, Map<String, String> errors, boolean required) {
        JsonNode node = body.get("started");
        if (node == null || node.isNull()) {
            if (required) errors.put("startDate", "You must specify a date on which the work occurred.");
            return null;
        }
        if (!node.isTextual()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        try {
            return OffsetDateTime.parse(node.asText(), STARTED).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeParseException e2) {
                throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            }
        }
    }

    /** The worklog's comment: ADF on v3, a string on v2; absent or null means none. */
    private static Object comment(CloudCaller c, JsonNode body, Map<String, String> errors) {
        JsonNode node = body.get("comment");
        if (node == null || node.isNull()) return null;
        if (c.version() == 2 && node.isTextual() && node.asText().isEmpty()) return null;
        try {
            return IssueService.richText(c, "comment", node);
        } catch (IssueService.FieldError e) {
            errors.put("comment", e.getMessage());
            return null;
        }
    }

    /** A failed worklog: Jira adds "Worklog must not be null." when the time spent is wrong (recorded by integrators). */
    private static RuntimeException fieldErrors(Map<String, String> errors) {
        List<String> messages = errors.containsKey("timeLogged") ? List.of("Worklog must not be null.") : List.of();
        return dev.jirasim.simulator.common.Problem.withBody(400, errors.toString(), JiraErrors.body(messages, errors));
    }

    private static boolean mayChange(CloudCaller c, Issue issue, Worklog w) {
        Project p = project(c, issue);
        return (c.user().accountId().equals(w.author()) && c.can(p, Permission.EDIT)) || c.can(p, Permission.ADMINISTER);
    }

    private static Worklog find(CloudCaller c, Issue issue, String id) {
        return visible(c, issue).stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> JiraErrors.message(404, String.format(NOT_FOUND, id)));
    }

    private static Project project(CloudCaller c, Issue issue) {
        return c.world().jira().project(issue.site(), issue.project()).orElseThrow();
    }

    // ---- editing time tracking through the issue ---------------------------------------------------------------

    /**
     * {@code fields.timetracking} on an edit: {@code {"originalEstimate": "2d", "remainingEstimate": "1d"}}. Setting only
     * the original estimate on an issue without a remaining one sets both, as Jira does. Errors go to {@code errors}.
     */
    static TimeTracking editedTimeTracking(TimeTracking t, JsonNode node, Map<String, String> errors) {
        if (node == null || node.isNull()) return TimeTracking.NONE;
        if (!node.isObject()) {
            errors.put("timetracking", "Time tracking must be an object with originalEstimate and/or remainingEstimate.");
            return t;
        }
        Long original = t.originalEstimateSeconds();
        Long remaining = t.remainingEstimateSeconds();
        if (node.has("originalEstimate")) {
            original = estimate(node.get("originalEstimate"));
            if (original == null && !node.get("originalEstimate").isNull()) errors.put("timetracking", "The original estimate specified is not valid.");
        }
        if (node.has("remainingEstimate")) {
            remaining = estimate(node.get("remainingEstimate"));
            if (remaining == null && !node.get("remainingEstimate").isNull()) errors.put("timetracking", "The remaining estimate specified is not valid.");
        } else if (node.has("originalEstimate") && t.remainingEstimateSeconds() == null) {
            remaining = original;
        }
        return new TimeTracking(original, remaining);
    }

    private static Long estimate(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) return null;
        return n.asText().trim().equals("0") ? Long.valueOf(0) : Durations.parse(n.asText());
    }

    /** The same issue with other estimates. */
    static Issue withTimeTracking(Issue issue, TimeTracking t) {
        var a = issue.activity();
        return issue.toBuilder().activity(new IssueActivity(a.worklogs(), t, a.links(), a.remoteLinks(), a.watchers(), a.voters(), a.attachments())).build();
    }

    // ---- incremental sync -----------------------------------------------------------------------------------------

    /** A worklog with its issue, for the site-wide lists. */
    private record Located(Issue issue, Worklog worklog) {
    }

    /** Every worklog of the site the caller may see: issues they may browse, restrictions they pass. */
    private static List<Located> siteWorklogs(CloudCaller c) {
        var out = new ArrayList<Located>();
        for (Issue issue : c.world().jira().issues(c.site().subdomain())) {
            if (issue.activity().worklogs().isEmpty()) continue;
            Project p = project(c, issue);
            if (!c.canBrowse(p)) continue;
            for (Worklog w : issue.activity().worklogs()) if (Visibilities.canSee(c, p, w.visibility())) out.add(new Located(issue, w));
        }
        return out;
    }

    /** {@code GET /worklog/updated?since=}: ids and update times after {@code since}, oldest first, 1000 a page. */
    static Map<String, Object> updatedSince(CloudCaller c, long since) {
        long cutoff = c.world().clock().now().toEpochMilli() - SETTLE_MILLIS;
        var changed = new ArrayList<long[]>();
        for (Located l : siteWorklogs(c)) {
            long at = l.worklog().updated().toEpochMilli();
            if (at > since && at <= cutoff) changed.add(new long[] {Long.parseLong(l.worklog().id()), at});
        }
        return changedPage(c, "/worklog/updated", since, changed);
    }

    /** {@code GET /worklog/deleted?since=}: ids and deletion times after {@code since}, oldest first, 1000 a page. */
    static Map<String, Object> deletedSince(CloudCaller c, long since) {
        long cutoff = c.world().clock().now().toEpochMilli() - SETTLE_MILLIS;
        var changed = new ArrayList<long[]>();
        for (JiraData.DeletedWorklog d : c.world().jira().deletedWorklogs(c.site().subdomain())) {
            long at = d.at().toEpochMilli();
            if (at > since && at <= cutoff) changed.add(new long[] {Long.parseLong(d.id()), at});
        }
        return changedPage(c, "/worklog/deleted", since, changed);
    }

    /**
     * {@code ChangedWorklogs}: {@code since} as asked, {@code until} the time of the page's last change (the next
     * {@code since}; {@code since} itself on an empty page, our choice), {@code nextPage} unless {@code lastPage}.
     */
    private static Map<String, Object> changedPage(CloudCaller c, String path, long since, List<long[]> changed) {
        changed.sort(Comparator.<long[]>comparingLong(x -> x[1]).thenComparingLong(x -> x[0]));
        var page = changed.subList(0, Math.min(SYNC_PAGE, changed.size()));
        var values = new ArrayList<Object>();
        for (long[] x : page) {
            var v = new LinkedHashMap<String, Object>();
            v.put("worklogId", x[0]);
            v.put("updatedTime", x[1]);
            v.put("properties", List.of());
            values.add(v);
        }
        long until = page.isEmpty() ? since : page.get(page.size() - 1)[1];
        boolean last = changed.size() <= SYNC_PAGE;
        var body = new LinkedHashMap<String, Object>();
        body.put("values", values);
        body.put("since", since);
        body.put("until", until);
        body.put("self", c.apiBase() + path + "?since=" + since);
        if (!last) body.put("nextPage", c.apiBase() + path + "?since=" + until);
        body.put("lastPage", last);
        return body;
    }

    /** {@code POST /worklog/list {ids}}: the worklogs the caller may see among {@code ids} (at most 1000), by id. */
    static List<Object> byIds(CloudCaller c, JsonNode body) {
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        var wanted = new LinkedHashSet<String>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() && !(id.isTextual() && id.asText().matches("[0-9]{1,18}"))) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            wanted.add(Long.toString(id.asLong()));
        }
        // Documented: 400 for an empty list or more than 1000 ids; the text is our choice.
        if (wanted.isEmpty() || wanted.size() > SYNC_PAGE) throw JiraErrors.badRequest("Provide between 1 and " + SYNC_PAGE + " worklog ids.");
        var found = new ArrayList<Located>();
        for (Located l : siteWorklogs(c)) if (wanted.contains(l.worklog().id())) found.add(l);
        found.sort(Comparator.comparingLong(l -> Long.parseLong(l.worklog().id())));
        var out = new ArrayList<Object>();
        for (Located l : found) out.add(json(c, l.issue(), l.worklog()));
        return out;
    }
}
