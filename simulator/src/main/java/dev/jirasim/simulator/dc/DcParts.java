package dev.jirasim.simulator.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DC project's components and versions: {@code GET /project/{key}/components}, {@code /project/{key}/versions},
 * {@code /component/{id}}, {@code /version/{id}}, their forms inside an issue, and how create and edit read
 * {@code components} and {@code fixVersions}. A component or version of a project the caller may not browse does
 * not exist for them. Leads are DC users, by name and key.
 */
final class DcParts {
    /** How DC shows a date to a user by default ({@code jira.date.picker.java.format}, {@code d/MMM/yy}). */
    private static final DateTimeFormatter USER_DATE = DateTimeFormatter.ofPattern("d/MMM/yy", Locale.ENGLISH);

    private DcParts() {
    }

    /** A component as an issue's {@code components} and the create screen's allowed values list it. */
    static Map<String, Object> componentRef(String base, Project.Component x) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/component/" + x.id());
        m.put("id", x.id());
        m.put("name", x.name());
        if (x.description() != null) m.put("description", x.description());
        return m;
    }

    /**
     * {@code ComponentBean} in full. Every component takes the project's default assignee, and our projects assign
     * no one by default, so the real assignee type is {@code UNASSIGNED}.
     */
    static Map<String, Object> component(DcCaller c, Project p, Project.Component x) {
        var m = componentRef(c.base(), x);
        if (x.lead() != null) {
            c.dc().instance().user(x.lead()).ifPresent(u -> {
                m.put("lead", DcJson.user(c.base(), u, false));
                m.put("leadUserName", u.name());
            });
        }
        m.put("assigneeType", "PROJECT_DEFAULT");
        m.put("realAssigneeType", "UNASSIGNED");
        m.put("isAssigneeTypeValid", true);
        m.put("project", p.key());
        m.put("projectId", Long.parseLong(p.id()));
        m.put("archived", false);
        m.put("deleted", false);
        return m;
    }

    /** A version as an issue's {@code fixVersions} and the screens' allowed values list it. */
    static Map<String, Object> versionRef(String base, Project.Version v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/version/" + v.id());
        m.put("id", v.id());
        if (v.description() != null) m.put("description", v.description());
        m.put("name", v.name());
        m.put("archived", v.archived());
        m.put("released", v.released());
        if (v.releaseDate() != null) m.put("releaseDate", v.releaseDate().toString());
        return m;
    }

    /** {@code VersionBean} in full: dates as {@code yyyy-MM-dd} and in the user's format, {@code overdue}, the project id. */
    static Map<String, Object> version(DcCaller c, Project p, Project.Version v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.base() + "/rest/api/2/version/" + v.id());
        m.put("id", v.id());
        if (v.description() != null) m.put("description", v.description());
        m.put("name", v.name());
        m.put("archived", v.archived());
        m.put("released", v.released());
        if (v.startDate() != null) m.put("startDate", v.startDate().toString());
        if (v.releaseDate() != null) {
            m.put("releaseDate", v.releaseDate().toString());
            LocalDate today = LocalDate.ofInstant(c.world().clock().now(), DcJson.zone(c));
            m.put("overdue", !v.released() && v.releaseDate().isBefore(today));
        }
        if (v.startDate() != null) m.put("userStartDate", USER_DATE.format(v.startDate()));
        if (v.releaseDate() != null) m.put("userReleaseDate", USER_DATE.format(v.releaseDate()));
        m.put("projectId", Long.parseLong(p.id()));
        return m;
    }

    /** {@code GET /project/{key}/components}: a bare array. */
    static List<Map<String, Object>> projectComponents(DcCaller c, String projectRef) {
        Project p = DcSchemaService.visibleProject(c, projectRef);
        return p.components().stream().map(x -> component(c, p, x)).toList();
    }

    /** {@code GET /project/{key}/versions}: a bare array, archived versions included. */
    static List<Map<String, Object>> projectVersions(DcCaller c, String projectRef) {
        Project p = DcSchemaService.visibleProject(c, projectRef);
        return p.versions().stream().map(v -> version(c, p, v)).toList();
    }

    static Map<String, Object> component(DcCaller c, String id) {
        for (Project p : browsable(c)) {
            Optional<Project.Component> x = p.components().stream().filter(k -> k.id().equals(id)).findFirst();
            if (x.isPresent()) return component(c, p, x.get());
        }
        throw DcErrors.rest(404, "The component with id '" + id + "' does not exist.");
    }

    static Map<String, Object> version(DcCaller c, String id) {
        for (Project p : browsable(c)) {
            Optional<Project.Version> v = p.versions().stream().filter(k -> k.id().equals(id)).findFirst();
            if (v.isPresent()) return version(c, p, v.get());
        }
        throw DcErrors.rest(404, "Could not find version for id '" + id + "'");
    }

    private static List<Project> browsable(DcCaller c) {
        return c.dc().jira().projects(c.site()).stream().filter(p -> c.can(p, Permission.BROWSE)).toList();
    }

    /**
     * {@code components} or {@code fixVersions} of a create or edit: an array of {@code {"id": …}} or
     * {@code {"name": …}} naming the project's own parts; the names they stand for, or null with the field's
     * error in {@code errors}.
     */
    static List<String> read(Project p, String field, JsonNode value, Map<String, String> errors) {
        if (value == null || value.isNull()) return List.of();
        if (!value.isArray()) {
            errors.put(field, "data was not an array");
            return null;
        }
        boolean components = field.equals("components");
        String what = components ? "Component" : "Version";
        var names = new ArrayList<String>();
        for (JsonNode ref : value) {
            String id = ref.path("id").isValueNode() && !ref.path("id").isNull() ? ref.get("id").asText() : null;
            String name = ref.path("name").isTextual() ? ref.get("name").asText() : null;
            if (id == null && name == null) {
                errors.put(field, what + " must be given as {\"id\": …} or {\"name\": …}.");
                return null;
            }
            Optional<String> found = components
                    ? (id != null ? p.components().stream().filter(x -> x.id().equals(id)).findFirst() : p.component(name)).map(Project.Component::name)
                    : (id != null ? p.versions().stream().filter(x -> x.id().equals(id)).findFirst() : p.version(name)).map(Project.Version::name);
            if (found.isEmpty()) {
                errors.put(field, id != null ? what + " with id '" + id + "' does not exist." : what + " name '" + name + "' is not valid");
                return null;
            }
            if (!names.contains(found.get())) names.add(found.get());
        }
        return names;
    }
}
