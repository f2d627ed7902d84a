package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Workflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.world.Adf;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue create, read, edit, delete and transitions (comments: {@link CommentService}), with Jira's permission rules (an issue the
 * caller may not browse does not exist for them) and Jira's field errors (v3 wants ADF, v2 strings).
 */
final class IssueService {
    /**
     * Made at first use, not while the routes are assembled on the way to a cold start's first answer (a lambda: a
     * constructor reference would link ObjectMapper when this class is initialized).
     */
    private static final dev.jirasim.simulator.common.Lazy<ObjectMapper> JSON = dev.jirasim.simulator.common.Lazy.of(() -> new ObjectMapper());
    private static final Set<String> SETTABLE = Set.of("project", "summary", "description", "issuetype", "priority",
            "assignee", "labels", "duedate", "parent", "reporter", "components", "fixVersions", "timetracking");

    Issue visible(CloudCaller c, String idOrKey) {
        return visibleIssue(c, idOrKey);
    }

    /** The issue by id or key if the caller may browse its project; else Jira's 404 (absent and hidden look alike). */
    static Issue visibleIssue(CloudCaller c, String idOrKey) {
        Issue issue = c.world().jira().issue(c.site().subdomain(), idOrKey).orElseThrow(JiraErrors::issueNotFound);
        Project project = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        if (!c.canBrowse(project)) throw JiraErrors.issueNotFound();
        return issue;
    }

    Map<String, Object> create(CloudCaller c, JsonNode body) {
        JsonNode fields = fieldsOf(body);
        var errors = new LinkedHashMap<String, String>();
        Project project = projectOf(c, fields.get("project"), errors);
        if (!fields.hasNonNull("summary") || (fields.get("summary").isTextual() && fields.get("summary").asText().isBlank())) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        String type = fields.has("issuetype") ? nameOrId(fields.get("issuetype")) : null;
        // Only the project's own scheme counts: a type of the site the project does not use is as invalid as an unknown one.
        if (type == null || (project != null ? project.issueType(type).isEmpty() : JiraCatalog.issueType(type).isEmpty())) {
            errors.put("issuetype", "The issue type selected is invalid.");
        }
        checkCommon(c, fields, errors);
        if (project != null) checkParts(fields, project, errors);
        if (project != null && !c.can(project, Permission.CREATE)) errors.put("project", "You do not have permission to create issues in this project.");
        if (fields.has("timetracking") && project != null) {
            WorklogService.editedTimeTracking(dev.jirasim.simulator.world.IssueActivity.TimeTracking.NONE, fields.get("timetracking"), errors);
        }
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        Instant now = c.world().clock().now();
        String typeName = project.issueType(type).orElseThrow().name();
        Issue template = new Issue("1", project.key() + "-1", c.site().subdomain(), project.key(), fields.get("summary").asText(),
                description(c, fields), typeName, c.world().jiraSettings().workflowFor(project, typeName).initialStatus(),
                fields.has("priority") ? JiraCatalog.priority(nameOrId(fields.get("priority"))).orElseThrow().name() : "Medium",
                assignee(c, fields), c.user().accountId(), c.user().accountId(), labels(fields), now, now, null, null,
                duedate(fields), parentKey(c, fields), List.of(), components(c, fields, project.key()), fixVersions(c, fields, project.key()),
                CustomFieldValues.read(c, fields, Map.of(), new LinkedHashMap<>()));
        if (fields.has("timetracking")) {
            template = WorklogService.withTimeTracking(template, WorklogService.editedTimeTracking(template.activity().timeTracking(), fields.get("timetracking"), new LinkedHashMap<>()));
        }
        Issue created = c.world().createIssue(c.site().subdomain(), project.key(), i -> i, template, c.user().accountId());
        var result = new LinkedHashMap<String, Object>();
        result.put("id", created.id());
        result.put("key", created.key());
        result.put("self", c.apiBase() + "/issue/" + created.id());
        return result;
    }

    /**
     * {@code PUT /issue/{key}}: the field values, then the update operations that are not values but activity
     * ({@code comment} add/edit/remove, {@code worklog} add), as Jira applies them in one edit. A failure in any part
     * undoes the whole edit: an error answer leaves nothing changed.
     */
    Issue edit(CloudCaller c, String idOrKey, JsonNode body) {
        if (body == null || !body.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        var fieldsPart = body.deepCopy();
        List<Runnable> activity = activityOps(c, idOrKey, (com.fasterxml.jackson.databind.node.ObjectNode) fieldsPart, Set.of("comment", "worklog"));
        try {
            Issue edited = editFields(c, idOrKey, fieldsPart);
            activity.forEach(Runnable::run);
            return activity.isEmpty() ? edited : c.world().jira().issue(edited.site(), edited.id()).orElseThrow();
        } catch (RuntimeException e) {
            dev.jirasim.simulator.world.UndoLog.rollback();
            throw e;
        }
    }

    /**
     * Takes the activity operations ({@code comment}, {@code worklog}; and {@code timetracking} {@code set}/{@code edit},
     * which become a field value) out of {@code body.update}, checks their shape, and returns them to run after the
     * field edit. An operation the field does not take is Jira's 400 naming it.
     */
    private static List<Runnable> activityOps(CloudCaller c, String idOrKey, com.fasterxml.jackson.databind.node.ObjectNode body, Set<String> allowed) {
        var actions = new ArrayList<Runnable>();
        if (!(body.get("update") instanceof com.fasterxml.jackson.databind.node.ObjectNode update)) return actions;
        var errors = new LinkedHashMap<String, String>();
        for (String name : List.of("comment", "worklog", "timetracking")) {
            JsonNode ops = update.get(name);
            if (ops == null || (name.equals("timetracking") ? false : !allowed.contains(name))) continue;
            update.remove(name);
            if (!ops.isArray()) {
                errors.put(name, "Field '" + name + "': an update must be a list of operations such as [{\"add\": …}].");
                continue;
            }
            for (JsonNode op : ops) {
                String verb = op.isObject() && op.size() == 1 ? op.fieldNames().next() : null;
                JsonNode value = verb == null ? null : op.get(verb);
                boolean ok = value != null && value.isObject();
                switch (name + "/" + verb) {
                    case "comment/add" -> {
                        if (ok) actions.add(() -> CommentService.add(c, idOrKey, value, null));
                    }
                    case "comment/edit" -> {
                        ok = ok && value.path("id").isValueNode() && !value.path("id").isNull();
                        if (ok) actions.add(() -> CommentService.update(c, idOrKey, value.get("id").asText(), value, false, null));
                    }
                    case "comment/remove" -> {
                        ok = ok && value.path("id").isValueNode() && !value.path("id").isNull();
                        if (ok) actions.add(() -> CommentService.delete(c, idOrKey, value.get("id").asText()));
                    }
                    case "worklog/add" -> {
                        if (ok) actions.add(() -> WorklogService.add(c, idOrKey, value, new dev.jirasim.simulator.world.EstimateAdjustment(null, null, null, null), false));
                    }
                    case "timetracking/set", "timetracking/edit" -> {
                        // Both set the estimates given and keep the other, as the field value does.
                        if (ok) {
                            var fields = body.has("fields") && body.get("fields").isObject() ? (com.fasterxml.jackson.databind.node.ObjectNode) body.get("fields")
                                    : body.putObject("fields");
                            if (fields.has("timetracking")) errors.put(name, "Field 'timetracking' cannot appear in both 'fields' and 'update'");
                            else fields.set("timetracking", value);
                        }
                    }
                    default -> {
                        String use = switch (name) {
                            case "comment" -> "add, edit or remove";
                            case "worklog" -> "add";
                            default -> "set or edit";
                        };
                        errors.put(name, "Field '" + name + "' does not support the operation " + (verb == null ? op.toString() : "'" + verb + "'")
                                + ": use " + use + ".");
                        ok = true;
                    }
                }
                if (!ok) errors.put(name, "Operation value must be an object" + (name.equals("comment") && !"add".equals(verb) ? " with an 'id'." : "."));
            }
        }
        if (update.isEmpty()) body.remove("update");
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        return actions;
    }

    private Issue editFields(CloudCaller c, String idOrKey, JsonNode body) {
        Issue issue = visible(c, idOrKey);
        Project project = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        if (!c.can(project, Permission.EDIT)) throw JiraErrors.forbidden("edit issues in this project");
        var multiUser = new java.util.HashSet<String>();
        c.world().jiraSettings().customFields(c.site().subdomain()).stream().filter(f -> f.type().equals("multiUser")).forEach(f -> multiUser.add(f.id()));
        JsonNode fields = effectiveFields(issue, c.world().jira().project(issue.site(), issue.project()).orElseThrow(), customIds(c), multiUser, body);
        var errors = new LinkedHashMap<String, String>();
        if (fields.has("project")) errors.put("project", "Field 'project' cannot be set. It is not on the appropriate screen, or unknown.");
        if (fields.has("summary") && (fields.get("summary").isNull() || (fields.get("summary").isTextual() && fields.get("summary").asText().isBlank()))) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (fields.has("issuetype")) {
            var type = project.issueType(nameOrId(fields.get("issuetype")));
            // A type whose workflow lacks the issue's status needs Jira's "move"; editing cannot change to it.
            if (type.isEmpty() || !c.world().jiraSettings().workflowFor(project, type.get().name()).hasStatus(issue.status())) {
                errors.put("issuetype", "The issue type selected is invalid.");
            }
        }
        checkCommon(c, fields, errors);
        checkParts(fields, c.world().jira().project(issue.site(), issue.project()).orElseThrow(), errors);
        var timeTracking = fields.has("timetracking") ? WorklogService.editedTimeTracking(issue.activity().timeTracking(), fields.get("timetracking"), errors) : null;
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        Issue next = issue.toBuilder()
                .summary(fields.has("summary") ? fields.get("summary").asText() : issue.summary())
                .description(fields.has("description") ? description(c, fields) : issue.description())
                .issueType(fields.has("issuetype") ? project.issueType(nameOrId(fields.get("issuetype"))).orElseThrow().name() : issue.issueType())
                .priority(fields.has("priority") ? JiraCatalog.priority(nameOrId(fields.get("priority"))).orElseThrow().name() : issue.priority())
                .assignee(fields.has("assignee") ? assignee(c, fields) : issue.assignee())
                .labels(fields.has("labels") ? labels(fields) : issue.labels())
                .updated(c.world().clock().now())
                .duedate(fields.has("duedate") ? duedate(fields) : issue.duedate())
                .parent(fields.has("parent") ? parentKey(c, fields) : issue.parent())
                .components(fields.has("components") ? components(c, fields, issue.project()) : issue.components())
                .fixVersions(fields.has("fixVersions") ? fixVersions(c, fields, issue.project()) : issue.fixVersions())
                .customFields(CustomFieldValues.read(c, fields, issue.customFields(), new LinkedHashMap<>()))
                .build();
        if (timeTracking != null) next = WorklogService.withTimeTracking(next, timeTracking);
        return c.world().updateIssue(issue, next, c.user().accountId());
    }

    /**
     * {@code PUT /issue/{key}/assignee}: {@code accountId} a person, {@code null} for unassigned, {@code "-1"} for the
     * project's default (unassigned here: projects' default assignee is UNASSIGNED). Assigning needs what editing
     * the assignee needs (Jira's separate Assign Issues permission is modelled by Edit).
     */
    void assign(CloudCaller c, String idOrKey, JsonNode body) {
        if (body == null || !body.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        int given = (body.has("accountId") ? 1 : 0) + (body.has("name") ? 1 : 0) + (body.has("key") ? 1 : 0);
        if (given == 0) throw JiraErrors.badRequest("The 'accountId' of the user to assign must be provided (null to unassign).");
        if (given > 1) throw JiraErrors.badRequest("Provide only one of 'accountId', 'name' and 'key'.");
        if (!body.has("accountId")) {
            // Cloud has no user names or keys any more (GDPR): only account ids identify people.
            throw JiraErrors.badRequest("'name' and 'key' are not supported on Jira Cloud; use 'accountId'.");
        }
        JsonNode id = body.get("accountId");
        var fields = JSON.get().createObjectNode();
        if (id.isNull() || (id.isTextual() && id.asText().equals("-1"))) fields.putNull("assignee");
        else fields.putObject("assignee").set("accountId", id);
        var edit = JSON.get().createObjectNode();
        edit.set("fields", fields);
        edit(c, idOrKey, edit);
    }

    void delete(CloudCaller c, String idOrKey, boolean deleteSubtasks) {
        Issue issue = visible(c, idOrKey);
        Project project = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        if (!c.can(project, Permission.DELETE)) throw JiraErrors.forbidden("delete issues in this project");
        var subtasks = c.world().jira().issues(issue.site()).stream().filter(i -> issue.key().equals(i.parent())
                && JiraCatalog.issueType(i.issueType()).map(JiraCatalog.IssueType::subtask).orElse(false)).toList();
        if (!subtasks.isEmpty() && !deleteSubtasks) {
            throw JiraErrors.badRequest("The issue has subtasks. Set deleteSubtasks=true to delete the issue with its subtasks.");
        }
        subtasks.forEach(s -> {
            WorklogService.issueDeleted(c, s);
            c.world().deleteIssue(s, c.user().accountId());
        });
        WorklogService.issueDeleted(c, issue);
        c.world().deleteIssue(issue, c.user().accountId());
    }

    Map<String, Object> transitions(CloudCaller c, String idOrKey) {
        return Map.of("expand", "transitions", "transitions", transitionList(c, visible(c, idOrKey)));
    }

    /** The transitions an issue may take now, from the workflow its project gives its type. */
    static List<Object> transitionList(CloudCaller c, Issue issue) {
        var list = new ArrayList<Object>();
        for (Workflow.Transition t : workflowOf(c, issue).availableFrom(issue.status())) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("to", JiraJson.status(c, t.to()));
            m.put("hasScreen", false);
            m.put("isGlobal", t.global());
            m.put("isInitial", false);
            m.put("isAvailable", true);
            m.put("isConditional", false);
            m.put("isLooped", false);
            list.add(m);
        }
        return list;
    }

    static Workflow workflowOf(CloudCaller c, Issue issue) {
        Project project = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        return c.world().jiraSettings().workflowFor(project, issue.issueType());
    }

    void transition(CloudCaller c, String idOrKey, JsonNode body) {
        Issue issue = visible(c, idOrKey);
        Project project = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        if (!c.can(project, Permission.EDIT)) throw JiraErrors.forbidden("transition issues in this project");
        String id = body != null && body.path("transition").hasNonNull("id") ? body.path("transition").get("id").asText() : null;
        String to = workflowOf(c, issue).availableFrom(issue.status()).stream().filter(t -> t.id().equals(id)).findFirst()
                .map(Workflow.Transition::to).orElse(null);
        if (to == null) throw JiraErrors.badRequest("Transition id '" + id + "' is not valid for this issue.");
        to = JiraCatalog.status(to).orElseThrow().name();
        // A comment may come along (update.comment add), as clients commonly send it; our workflows' transitions have no
        // screen, so no field can be set on the way (Jira's answer for a field off the screen).
        var rest = body.deepCopy();
        List<Runnable> comments = activityOps(c, idOrKey, (com.fasterxml.jackson.databind.node.ObjectNode) rest, Set.of("comment"));
        body = rest;
        var errors = new LinkedHashMap<String, String>();
        for (String part : new String[] {"fields", "update"}) {
            JsonNode given = body.get(part);
            if (given == null || given.isNull()) continue;
            if (!given.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            given.fieldNames().forEachRemaining(name -> errors.put(name, cannotBeSet(name)));
        }
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        Instant now = c.world().clock().now();
        // Entering a done status resolves the issue (as Jira's default post functions do); leaving it clears the resolution.
        boolean done = JiraCatalog.status(to).orElseThrow().categoryKey().equals("done");
        boolean wasDone = issue.resolution() != null;
        try {
            c.world().updateIssue(issue, issue.toBuilder().status(to).updated(now).resolved(done ? (wasDone ? issue.resolved() : now) : null)
                    .resolution(done ? (wasDone ? issue.resolution() : "Done") : null).build(), c.user().accountId());
            comments.forEach(Runnable::run);
        } catch (RuntimeException e) {
            dev.jirasim.simulator.world.UndoLog.rollback();
            throw e;
        }
    }

    // ---- field parsing ---------------------------------------------------------------------------

    private static JsonNode fieldsOf(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("fields").isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        return body.get("fields");
    }

    private static String cannotBeSet(String name) {
        return "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.";
    }

    /**
     * The edit as plain field values: {@code fields} as given, with each {@code update} operation applied to the
     * issue's current value ({@code set} on any settable field; {@code add} and {@code remove} on labels). A
     * field named in both parts, an unknown operation or a malformed one is refused before anything changes.
     */
    private static JsonNode effectiveFields(Issue issue, Project project, Set<String> customIds, Set<String> multiUser, JsonNode body) {
        if (body == null || !body.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        var fields = body.has("fields") ? fieldsOf(body).deepCopy() : JSON.get().createObjectNode();
        JsonNode update = body.get("update");
        if (update == null || update.isNull()) return fields;
        if (!update.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        var both = new ArrayList<String>();
        update.fieldNames().forEachRemaining(name -> {
            if (fields.has(name)) both.add("Field '" + name + "' cannot appear in both 'fields' and 'update'");
        });
        if (!both.isEmpty()) throw JiraErrors.messages(400, both);
        var errors = new LinkedHashMap<String, String>();
        var result = (com.fasterxml.jackson.databind.node.ObjectNode) fields;
        var it = update.fields();
        while (it.hasNext()) {
            var entry = it.next();
            String name = entry.getKey();
            if ((!SETTABLE.contains(name) && !customIds.contains(name)) || name.equals("project")) {
                errors.put(name, cannotBeSet(name));
                continue;
            }
            if (!entry.getValue().isArray()) {
                errors.put(name, "Field '" + name + "': an update must be a list of operations such as [{\"set\": …}].");
                continue;
            }
            var labels = new ArrayList<>(issue.labels());
            boolean touchedLabels = false;
            for (JsonNode op : entry.getValue()) {
                String verb = op.isObject() && op.size() == 1 ? op.fieldNames().next() : null;
                JsonNode value = verb == null ? null : op.get(verb);
                if ("set".equals(verb)) {
                    if (name.equals("labels")) {
                        labels.clear();
                        if (value.isArray()) value.forEach(v -> labels.add(v.isTextual() ? v.asText() : null));
                        else labels.add(null);
                        touchedLabels = true;
                    } else {
                        result.set(name, value);
                    }
                } else if ((name.equals("components") || name.equals("fixVersions")) && ("add".equals(verb) || "remove".equals(verb))) {
                    var current = result.has(name) && result.get(name).isArray() ? (com.fasterxml.jackson.databind.node.ArrayNode) result.get(name)
                            : partsOf(result.putArray(name), project, name.equals("components") ? issue.components() : issue.fixVersions(), name);
                    String ref = value != null && value.isObject() ? value.path("name").asText(value.path("id").asText(null)) : null;
                    if (ref == null) {
                        errors.put(name, "Operation value must be an object with an 'id' or a 'name'.");
                        break;
                    }
                    var kept = JSON.get().createArrayNode();
                    current.forEach(n -> {
                        if (!refersTo(n, value)) kept.add(n);
                    });
                    if (verb.equals("add")) kept.add(value);
                    result.set(name, kept);
                } else if (multiUser.contains(name) && ("add".equals(verb) || "remove".equals(verb))) {
                    // A multi-user picker, as editmeta offers it: add or remove one person ({"accountId": …}).
                    if (value == null || !value.isObject() || !value.path("accountId").isTextual()) {
                        errors.put(name, "Operation value must be an object with an 'accountId'.");
                        break;
                    }
                    com.fasterxml.jackson.databind.node.ArrayNode current;
                    if (result.has(name) && result.get(name).isArray()) {
                        current = (com.fasterxml.jackson.databind.node.ArrayNode) result.get(name);
                    } else {
                        current = result.putArray(name);
                        Object held = issue.customFields().get(name);
                        if (held instanceof List<?> people) people.forEach(p -> current.addObject().put("accountId", String.valueOf(p)));
                    }
                    String who = value.get("accountId").asText();
                    var kept = JSON.get().createArrayNode();
                    current.forEach(n -> {
                        if (!who.equals(n.path("accountId").asText())) kept.add(n);
                    });
                    if (verb.equals("add")) kept.addObject().put("accountId", who);
                    result.set(name, kept);
                } else if (name.equals("labels") && ("add".equals(verb) || "remove".equals(verb))) {
                    if (!value.isTextual()) {
                        errors.put(name, "Operation value must be a string");
                        break;
                    }
                    if (verb.equals("add") && !labels.contains(value.asText())) labels.add(value.asText());
                    if (verb.equals("remove")) labels.remove(value.asText());
                    touchedLabels = true;
                } else {
                    boolean many = name.equals("labels") || name.equals("components") || name.equals("fixVersions") || multiUser.contains(name);
                    errors.put(name, "Field '" + name + "' does not support the operation " + (verb == null ? op.toString() : "'" + verb + "'")
                            + (many ? ": use set, add or remove." : ": use set."));
                    break;
                }
            }
            if (touchedLabels && !errors.containsKey(name)) {
                var array = result.putArray("labels");
                for (String l : labels) {
                    if (l == null) array.add(JSON.get().getNodeFactory().numberNode(0)); // not a string: checkCommon reports it
                    else array.add(l);
                }
            }
        }
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        return result;
    }

    /** The ids of the caller's site's custom fields: settable like system fields. */
    private static Set<String> customIds(CloudCaller c) {
        var ids = new java.util.HashSet<String>();
        c.world().jiraSettings().customFields(c.site().subdomain()).forEach(f -> ids.add(f.id()));
        return ids;
    }

    private void checkCommon(CloudCaller c, JsonNode fields, Map<String, String> errors) {
        CustomFieldValues.read(c, fields, Map.of(), errors);
        fields.fieldNames().forEachRemaining(name -> {
            if (!SETTABLE.contains(name) && !customIds(c).contains(name)) errors.put(name, cannotBeSet(name));
        });
        if (fields.has("summary") && !fields.get("summary").isNull() && !fields.get("summary").isTextual()) {
            errors.put("summary", "Operation value must be a string");
        }
        if (fields.has("description") && !fields.get("description").isNull()) {
            try {
                richText(c, "description", fields.get("description"));
            } catch (FieldError e) {
                errors.put("description", e.getMessage());
            }
        }
        if (fields.has("priority") && JiraCatalog.priority(nameOrId(fields.get("priority"))).isEmpty()) {
            errors.put("priority", "Specify the Priority (id or name) in the string format");
        }
        if (fields.hasNonNull("assignee") && user(c, fields.get("assignee")) == null) {
            errors.put("assignee", "Specify a valid value for assignee");
        }
        if (fields.has("labels") && (!fields.get("labels").isArray() || !allText(fields.get("labels")))) {
            errors.put("labels", "Operation value must be a string");
        }
        if (fields.hasNonNull("duedate")) {
            try {
                LocalDate.parse(fields.get("duedate").asText());
            } catch (DateTimeParseException e) {
                errors.put("duedate", "Error parsing date string: " + fields.get("duedate").asText());
            }
        }
        if (fields.hasNonNull("parent") && parentKey(c, fields) == null) errors.put("parent", "Could not find issue by id or key.");
    }

    static final class FieldError extends RuntimeException {
        FieldError(String message) {
            super(message, null, false, false);
        }
    }

    /** v3 takes only ADF, v2 only strings; each rejects the other's form with Jira's message (reference §5.1). */
    static Object richText(CloudCaller c, String field, JsonNode value) {
        if (c.version() == 3) {
            Object tree = JSON.get().convertValue(value, Object.class);
            if (!Adf.isDocument(tree)) throw new FieldError("Operation value must be an Atlassian Document (see the Atlassian Document Format)");
            return tree;
        }
        if (!value.isTextual()) throw new FieldError("Operation value must be a string");
        return Adf.fromText(value.asText());
    }

    private static Object description(CloudCaller c, JsonNode fields) {
        JsonNode d = fields.get("description");
        return d == null || d.isNull() ? null : richText(c, "description", d);
    }

    private static Project projectOf(CloudCaller c, JsonNode node, Map<String, String> errors) {
        String ref = node == null ? null : node.isTextual() ? node.asText() : node.hasNonNull("key") ? node.get("key").asText()
                : node.hasNonNull("id") ? node.get("id").asText() : null;
        Project p = c.world().jira().project(c.site().subdomain(), ref).filter(c::canBrowse).orElse(null);
        if (p == null) errors.put("project", "Specify a valid project ID or key");
        return p;
    }

    private static String nameOrId(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return node.asText();
        return node.hasNonNull("name") ? node.get("name").asText() : node.hasNonNull("id") ? node.get("id").asText() : null;
    }

    private static User user(CloudCaller c, JsonNode node) {
        String id = node.isTextual() ? node.asText() : node.path("accountId").asText(null);
        return c.world().user(id).filter(u -> u.accountId().equals(id) && u.memberOf(c.site().subdomain())).orElse(null);
    }

    private static String assignee(CloudCaller c, JsonNode fields) {
        JsonNode a = fields.get("assignee");
        if (a == null || a.isNull()) return null;
        User u = user(c, a);
        return u == null ? null : u.accountId();
    }

    /**
     * {@code components} and {@code fixVersions}: arrays of {@code {"id": …}} or {@code {"name": …}} naming the
     * project's own components and versions. The texts are our wording.
     */
    private static void checkParts(JsonNode fields, Project project, Map<String, String> errors) {
        for (String name : List.of("components", "fixVersions")) {
            if (!fields.has(name) || fields.get(name).isNull()) continue;
            JsonNode list = fields.get(name);
            if (!list.isArray()) {
                errors.put(name, "Field '" + name + "' must be a list of objects with an 'id' or a 'name'.");
                continue;
            }
            for (JsonNode ref : list) {
                String id = ref.path("id").isValueNode() ? ref.path("id").asText() : null;
                String label = ref.path("name").isTextual() ? ref.path("name").asText() : null;
                boolean known = name.equals("components")
                        ? (id != null ? project.component(id).filter(x -> x.id().equals(id)) : project.component(String.valueOf(label))).isPresent()
                        : (id != null ? project.version(id).filter(x -> x.id().equals(id)) : project.version(String.valueOf(label))).isPresent();
                if (!known) {
                    errors.put(name, (name.equals("components") ? "Component" : "Version") + " with "
                            + (id != null ? "id '" + id + "'" : "name '" + label + "'") + " does not exist in project " + project.key() + ".");
                    break;
                }
            }
        }
    }

    private static List<String> components(CloudCaller c, JsonNode fields, String projectKey) {
        return partNames(c, fields, projectKey, "components");
    }

    private static List<String> fixVersions(CloudCaller c, JsonNode fields, String projectKey) {
        return partNames(c, fields, projectKey, "fixVersions");
    }

    /** The names of the components or versions {@code fields.<field>} refers to by id or name (checked before). */
    private static List<String> partNames(CloudCaller c, JsonNode fields, String projectKey, String field) {
        Project p = c.world().jira().project(c.site().subdomain(), projectKey).orElseThrow();
        var out = new ArrayList<String>();
        if (fields.has(field) && fields.get(field).isArray()) {
            for (JsonNode ref : fields.get(field)) {
                String key = ref.path("id").asText(ref.path("name").asText());
                var name = field.equals("components") ? p.component(key).map(Project.Component::name) : p.version(key).map(Project.Version::name);
                name.filter(n -> !out.contains(n)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The issue's current components or fix versions as references with both id and name, for add and remove. */
    private static com.fasterxml.jackson.databind.node.ArrayNode partsOf(com.fasterxml.jackson.databind.node.ArrayNode into, Project project,
                                                                          List<String> names, String field) {
        for (String n : names) {
            String id = field.equals("components") ? project.component(n).map(Project.Component::id).orElse(null)
                    : project.version(n).map(Project.Version::id).orElse(null);
            var ref = into.addObject();
            if (id != null) ref.put("id", id);
            ref.put("name", n);
        }
        return into;
    }

    /** Whether two part references ({@code id} or {@code name}) name the same thing, by what they share. */
    private static boolean refersTo(JsonNode a, JsonNode b) {
        if (a.has("id") && b.has("id")) return a.get("id").asText().equals(b.get("id").asText());
        return a.path("name").asText("").equalsIgnoreCase(b.path("name").asText(""));
    }

    private static List<String> labels(JsonNode fields) {
        var out = new ArrayList<String>();
        if (fields.has("labels") && fields.get("labels").isArray()) fields.get("labels").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static LocalDate duedate(JsonNode fields) {
        return fields.hasNonNull("duedate") ? LocalDate.parse(fields.get("duedate").asText()) : null;
    }

    private static String parentKey(CloudCaller c, JsonNode fields) {
        JsonNode p = fields.get("parent");
        if (p == null || p.isNull()) return null;
        String ref = p.isTextual() ? p.asText() : p.hasNonNull("key") ? p.get("key").asText() : p.path("id").asText(null);
        return c.world().jira().issue(c.site().subdomain(), ref).map(Issue::key).orElse(null);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) if (!n.isTextual()) return false;
        return true;
    }
}
