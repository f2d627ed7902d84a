package dev.jirasim.simulator.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflow transitions on a Data Center issue, with the workflow model Cloud uses: the workflow the project's
 * {@code workflowScheme} names for the issue type, else {@link Workflow#simplified} (To Do 11, In Progress 21,
 * In Review 31, Done 41, each global). A DC instance has no workflow definitions of its own in a world file, so in
 * practice every DC project has the simplified workflow. Transitioning needs Edit (our model of "Transition
 * Issues"); a caller without it is offered no transitions, as DC filters them by permission. Entering a done status
 * sets the resolution Done (DC's default post function), leaving it clears the resolution.
 */
final class DcTransitions {
    private DcTransitions() {
    }

    static Workflow workflowOf(DcCaller c, Issue issue) {
        Project project = DcComments.project(c, issue);
        return project.workflowName(issue.issueType()).flatMap(name -> c.world().jiraSettings().workflow(issue.site(), name))
                .orElseGet(() -> Workflow.simplified(project));
    }

    /** What the caller may take now: none without Edit. */
    static List<Workflow.Transition> available(DcCaller c, Issue issue) {
        if (!c.can(DcComments.project(c, issue), Permission.EDIT)) return List.of();
        return workflowOf(c, issue).availableFrom(issue.status());
    }

    /**
     * {@code GET /issue/{key}/transitions}: {@code {"expand":"transitions","transitions":[{id, name, to}]}};
     * {@code transitionId} keeps one; {@code expand=transitions.fields} adds each transition's (empty: no screens) fields.
     */
    static Map<String, Object> list(DcCaller c, String idOrKey, String transitionId, String expand) {
        Issue issue = DcRestService.visible(c, idOrKey);
        boolean fields = expand != null && List.of(expand.split("\\s*,\\s*")).contains("transitions.fields");
        var list = new ArrayList<Object>();
        for (Workflow.Transition t : available(c, issue)) {
            if (transitionId != null && !transitionId.isEmpty() && !t.id().equals(transitionId)) continue;
            var m = new LinkedHashMap<String, Object>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("to", DcCatalogJson.status(c.base(), JiraCatalog.status(t.to()).orElseThrow()));
            if (fields) m.put("fields", Map.of());
            list.add(m);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("expand", "transitions");
        body.put("transitions", list);
        return body;
    }

    /**
     * {@code POST /issue/{key}/transitions}: {@code {"transition":{"id":"21"}}}. Our transitions have no screen, so
     * {@code fields} and {@code update} may name nothing (DC's answer for a field off the screen). An unknown or
     * unavailable id is a 400 — the document says 500 for an incorrect id; the simulator never answers a 500 for
     * bad input and gives Jira's 400 text instead.
     */
    static void transition(DcCaller c, String idOrKey, JsonNode body) {
        Issue issue = DcRestService.visible(c, idOrKey);
        if (body == null || !body.isObject()) throw DcErrors.rest(400, "The request body must be a JSON object.");
        JsonNode ref = body.get("transition");
        String id = ref != null && ref.isObject() && ref.hasNonNull("id") && ref.get("id").isValueNode() ? ref.get("id").asText() : null;
        // Jira's text for a request without a transition id (IssueResource), UNCONFIRMED wording.
        if (id == null) throw DcErrors.rest(400, "Missing 'transition' identifier");
        String to = available(c, issue).stream().filter(t -> t.id().equals(id)).findFirst().map(Workflow.Transition::to).orElse(null);
        if (to == null) throw DcErrors.rest(400, "Transition id '" + id + "' is not valid for this issue.");
        to = JiraCatalog.status(to).orElseThrow().name();
        var errors = new LinkedHashMap<String, String>();
        for (String part : new String[] {"fields", "update"}) {
            JsonNode given = body.get(part);
            if (given == null || given.isNull()) continue;
            if (!given.isObject()) throw DcErrors.rest(400, "'" + part + "' must be a JSON object.");
            given.fieldNames().forEachRemaining(name -> errors.put(name, DcRestService.cannotSet(name)));
        }
        if (!errors.isEmpty()) throw DcErrors.fields(errors);
        Instant now = c.world().clock().now();
        boolean done = JiraCatalog.status(to).orElseThrow().categoryKey().equals("done");
        boolean wasDone = issue.resolution() != null;
        DcHistory.save(c, issue, issue.toBuilder().status(to).updated(now).resolved(done ? (wasDone ? issue.resolved() : now) : null)
                .resolution(done ? (wasDone ? issue.resolution() : "Done") : null).build());
    }
}
