package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.common.TimeTrackingDetails;
import dev.jirasim.simulator.world.EstimateAdjustment;
import dev.jirasim.simulator.common.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity;
import dev.jirasim.simulator.world.IssueActivity.TimeTracking;
import dev.jirasim.simulator.world.IssueActivity.Worklog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Worklogs on a Data Center issue, stored in the issue's {@link IssueActivity#worklogs()}: v2 string comments,
 * {@code started} as DC writes it ({@code 2024-01-15T10:00:00.000+0000}), {@code adjustEstimate} {@code auto}
 * (default), {@code new}, {@code manual}, {@code leave}, and the issue's {@code worklog} and {@code timetracking}
 * fields. Restricted worklogs follow {@link DcVisibility}, like comments.
 *
 * <p>Permissions, our model of DC's: logging work needs Edit ("Work On Issues"); editing or deleting a worklog is for
 * its author while they may still edit, and for project administrators ("Edit/Delete All Worklogs"). DC answers 403
 * to a caller without the right (the spec); the texts are Jira's message bundle's unless noted.
 */
final class DcWorklogs {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    static final String NOT_FOUND = "Can not find a worklog for the id: %s.";

    private DcWorklogs() {
    }


    static Map<String, Object> json(DcCaller c, Issue issue, Worklog w) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.base() + "/rest/api/2/issue/" + issue.id() + "/worklog/" + w.id());
        c.dc().instance().user(w.author()).ifPresent(u -> m.put("author", DcJson.user(c.base(), u, false)));
        c.dc().instance().user(w.updateAuthor()).ifPresent(u -> m.put("updateAuthor", DcJson.user(c.base(), u, false)));
        m.put("comment", w.comment() == null ? "" : DcComments.text(w.comment()));
        m.put("created", DcJson.TIME.format(w.created()));
        m.put("updated", DcJson.TIME.format(w.updated()));
        if (w.visibility() != null) m.put("visibility", DcVisibility.render(w.visibility()));
        m.put("started", DcJson.TIME.format(w.started()));
        m.put("timeSpent", Durations.format(w.timeSpentSeconds()));
        m.put("timeSpentSeconds", w.timeSpentSeconds());
        m.put("id", w.id());
        m.put("issueId", issue.id());
        return m;
    }

    static List<Worklog> visible(DcCaller c, Issue issue) {
        var all = issue.activity().worklogs();
        if (all.stream().allMatch(w -> w.visibility() == null)) return all;
        Project p = DcComments.project(c, issue);
        return all.stream().filter(w -> DcVisibility.canSee(c, p, w.visibility())).toList();
    }

    /** {@code GET /issue/{key}/worklog}, and the issue's {@code worklog} field: every worklog the caller may see (DC does not page them). */
    static Map<String, Object> page(DcCaller c, Issue issue) {
        var shown = visible(c, issue);
        var list = new ArrayList<Object>();
        for (Worklog w : shown) list.add(json(c, issue, w));
        var m = new LinkedHashMap<String, Object>();
        m.put("startAt", 0);
        m.put("maxResults", shown.size());
        m.put("total", shown.size());
        m.put("worklogs", list);
        return m;
    }

    /** Time spent: the sum of every worklog (restricted ones too, as Jira counts them); null when none. */
    static Long spent(Issue issue) {
        return issue.activity().timeSpentSeconds();
    }

    /** The issue's {@code timetracking} field: only the members that have a value ({@code {}} when none). */
    static Map<String, Object> timeTracking(Issue issue) {
        TimeTracking t = issue.activity().timeTracking();
        return TimeTrackingDetails.of(t.originalEstimateSeconds(), t.remainingEstimateSeconds(), issue.activity().timeSpentSeconds());
    }

    static Map<String, Object> list(DcCaller c, String idOrKey) {
        return page(c, DcRestService.visible(c, idOrKey));
    }

    static Map<String, Object> one(DcCaller c, String idOrKey, String id) {
        Issue issue = DcRestService.visible(c, idOrKey);
        return json(c, issue, find(c, issue, id));
    }

    static Map<String, Object> add(DcCaller c, String idOrKey, JsonNode body, EstimateAdjustment adjust) {
        Issue issue = DcRestService.visible(c, idOrKey);
        Project project = DcComments.project(c, issue);
        if (!c.can(project, Permission.EDIT)) throw DcErrors.rest(403, "You do not have the permission to associate a worklog to this issue.");
        object(body);
        var errors = new LinkedHashMap<String, String>();
        Long seconds = timeSpent(body, errors, true);
        Instant started = started(body, errors, true);
        String comment = comment(body, errors);
        Long remaining = remainingAfter(issue, adjust, seconds == null ? 0 : seconds, 0, errors, true);
        if (!errors.isEmpty()) throw fieldErrors(errors);
        var visibility = DcVisibility.read(c, project, body.get("visibility"));
        Instant now = c.world().clock().now();
        String id = DcHistory.nextId(c, c.dc().jira().issues(c.site()).stream().flatMap(i -> i.activity().worklogs().stream()).map(Worklog::id));
        var worklog = new Worklog(id, c.user().accountId(), c.user().accountId(), comment, now, now, started, seconds, visibility);
        var worklogs = new ArrayList<>(issue.activity().worklogs());
        worklogs.add(worklog);
        Issue updated = save(c, issue, worklogs, remaining, now);
        return json(c, updated, worklog);
    }

    static Map<String, Object> update(DcCaller c, String idOrKey, String id, JsonNode body, EstimateAdjustment adjust) {
        Issue issue = DcRestService.visible(c, idOrKey);
        Worklog old = find(c, issue, id);
        if (!mayChange(c, issue, old)) throw DcErrors.rest(403, "You do not have the permission to edit this worklog.");
        // The spec lists new, leave and auto for an update; manual is our 400 (text our choice).
        if (adjust.mode().equals("manual")) throw DcErrors.rest(400, "The adjustEstimate value 'manual' is not allowed when updating a worklog.");
        object(body);
        var errors = new LinkedHashMap<String, String>();
        Long seconds = timeSpent(body, errors, false);
        Instant started = started(body, errors, false);
        String comment = body.has("comment") ? comment(body, errors) : old.comment() == null ? null : DcComments.text(old.comment());
        long spent = seconds == null ? old.timeSpentSeconds() : seconds;
        Long remaining = remainingAfter(issue, adjust, spent, old.timeSpentSeconds(), errors, true);
        if (!errors.isEmpty()) throw fieldErrors(errors);
        var visibility = body.has("visibility") ? DcVisibility.read(c, DcComments.project(c, issue), body.get("visibility")) : old.visibility();
        Instant now = c.world().clock().now();
        var edited = new Worklog(old.id(), old.author(), c.user().accountId(), comment, old.created(), now, started == null ? old.started() : started,
                spent, visibility);
        var worklogs = new ArrayList<Worklog>();
        for (Worklog w : issue.activity().worklogs()) worklogs.add(w.id().equals(old.id()) ? edited : w);
        Issue updated = save(c, issue, worklogs, remaining, now);
        return json(c, updated, edited);
    }

    static void delete(DcCaller c, String idOrKey, String id, EstimateAdjustment adjust) {
        Issue issue = DcRestService.visible(c, idOrKey);
        Worklog old = find(c, issue, id);
        if (!mayChange(c, issue, old)) throw DcErrors.rest(403, "You do not have the permission to delete this worklog.");
        var errors = new LinkedHashMap<String, String>();
        Long remaining = remainingAfter(issue, adjust, 0, old.timeSpentSeconds(), errors, false);
        if (!errors.isEmpty()) throw fieldErrors(errors);
        var worklogs = new ArrayList<>(issue.activity().worklogs());
        worklogs.removeIf(w -> w.id().equals(old.id()));
        save(c, issue, worklogs, remaining, c.world().clock().now());
    }

    private static Issue save(DcCaller c, Issue issue, List<Worklog> worklogs, Long remaining, Instant now) {
        IssueActivity a = issue.activity();
        var activity = new IssueActivity(worklogs, new TimeTracking(a.timeTracking().originalEstimateSeconds(), remaining), a.links(), a.remoteLinks(),
                a.watchers(), a.voters(), a.attachments());
        return DcHistory.save(c, issue, issue.toBuilder().activity(activity).updated(now).build());
    }

    /** The remaining estimate after logging (see {@link EstimateAdjustment}); an unknown mode is a 400 (our wording). */
    private static Long remainingAfter(Issue issue, EstimateAdjustment adjust, long spent, long before, Map<String, String> errors, boolean reduce) {
        if (!adjust.known()) throw DcErrors.rest(400, "The adjustEstimate parameter must be one of new, leave, manual or auto.");
        return adjust.remainingAfter(issue.activity().timeTracking().remainingEstimateSeconds(), spent, before, reduce, errors);
    }

    private static void object(JsonNode body) {
        if (body == null || !body.isObject()) throw DcErrors.rest(400, "The request body must be a JSON object.");
    }

    /** {@code timeSpentSeconds}, else {@code timeSpent} parsed; Jira's messages for a missing or unreadable duration. */
    private static Long timeSpent(JsonNode body, Map<String, String> errors, boolean required) {
        JsonNode seconds = body.get("timeSpentSeconds");
        JsonNode text = body.get("timeSpent");
        if (seconds != null && !seconds.isNull()) {
            if (!seconds.isIntegralNumber() || !seconds.canConvertToLong()) {
                errors.put("timeLogged", "Invalid time duration entered.");
                return null;
            }
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
            Long parsed = text.isTextual() ? Durations.parse(text.asText()) : null;
            if (parsed == null) errors.put("timeLogged", "Invalid time duration entered.");
            else if (parsed < 60) errors.put("timeLogged", "You must indicate the time spent working.");
            return parsed == null || parsed < 60 ? null : parsed;
        }
        if (required) errors.put("timeLogged", "You must indicate the time spent working.");
        return null;
    }

    /** {@code started} as DC writes it; ISO-8601 with an offset is also read. */
    private static Instant started(JsonNode body, Map<String, String> errors, boolean required) {
        JsonNode node = body.get("started");
        if (node == null || node.isNull()) {
            if (required) errors.put("startDate", "You must specify a date on which the work occurred.");
            return null;
        }
        if (node.isTextual()) {
            for (DateTimeFormatter f : new DateTimeFormatter[] {STARTED, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
                try {
                    Instant at = OffsetDateTime.parse(node.asText(), f).toInstant();
                    if (at.getEpochSecond() > -62_135_596_800L && at.getEpochSecond() < 253_402_300_800L) return at;
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
        }
        // Our wording: DC's JSON reader refuses a date it cannot read.
        errors.put("startDate", "The start date must be a date-time such as 2024-01-15T10:00:00.000+0000.");
        return null;
    }

    /** The worklog's comment: a string; absent, null or empty means none. */
    private static String comment(JsonNode body, Map<String, String> errors) {
        JsonNode node = body.get("comment");
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            errors.put("comment", "Operation value must be a string");
            return null;
        }
        return node.asText().isEmpty() ? null : node.asText();
    }

    /** A failed worklog: Jira adds "Worklog must not be null." when the time spent is wrong (recorded by integrators). */
    private static Problem fieldErrors(Map<String, String> errors) {
        var m = new LinkedHashMap<String, Object>();
        m.put("errorMessages", errors.containsKey("timeLogged") ? List.of("Worklog must not be null.") : List.of());
        m.put("errors", errors);
        m.put("status", 400);
        return Problem.withBody(400, String.join("; ", errors.values()), m);
    }

    private static boolean mayChange(DcCaller c, Issue issue, Worklog w) {
        Project p = DcComments.project(c, issue);
        return (c.user().accountId().equals(w.author()) && c.can(p, Permission.EDIT)) || c.can(p, Permission.ADMINISTER);
    }

    private static Worklog find(DcCaller c, Issue issue, String id) {
        return visible(c, issue).stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> DcErrors.rest(404, String.format(NOT_FOUND, id)));
    }

    /**
     * {@code fields.timetracking} on an edit: {@code {"originalEstimate": "2d", "remainingEstimate": "1d"}}; {@code null}
     * clears both. Setting only the original estimate on an issue without a remaining one sets both, as Jira does.
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
            JsonNode v = node.get("originalEstimate");
            original = v.isNull() ? null : v.isTextual() ? Durations.parse(v.asText()) : null;
            if (original == null && !v.isNull()) errors.put("timetracking", "The original estimate specified is not valid.");
            if (!node.has("remainingEstimate") && remaining == null) remaining = original;
        }
        if (node.has("remainingEstimate")) {
            JsonNode v = node.get("remainingEstimate");
            remaining = v.isNull() ? null : v.isTextual() ? Durations.parse(v.asText()) : null;
            if (remaining == null && !v.isNull()) errors.put("timetracking", "The remaining estimate specified is not valid.");
        }
        return new TimeTracking(original, remaining);
    }
}
