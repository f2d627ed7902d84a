package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.Group;
import dev.jirasim.simulator.world.IssueActivity.Visibility;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may see a restricted comment or worklog: the members of a group of the site ({@code jira.groups}), or the
 * holders of a project role. The simulator has no role administration, so its three roles follow the project's
 * permissions (our model): {@code Administrators} = may administer the project, {@code Developers} = may edit its
 * issues, {@code Users} = may browse it. Messages and the {@code commentLevel} error key are Jira's
 * (its visibility validator); the one for a role that does not exist is our choice.
 */
final class Visibilities {
    /** The project roles, each with the permission that makes a user hold it. */
    static final Map<String, Permission> ROLES = Map.of("Administrators", Permission.ADMINISTER, "Developers", Permission.EDIT,
            "Users", Permission.BROWSE);

    private Visibilities() {
    }

    /**
     * The restriction a request asks for ({@code {"type": "group"|"role", "value"|"identifier": …}}), checked: the group
     * or role must exist and the caller must belong to it, as Jira requires. Null when the request has none.
     */
    static Visibility read(CloudCaller c, Project project, JsonNode node) {
        if (node == null || node.isNull()) return null;
        String type = node.isObject() ? node.path("type").asText(null) : null;
        String value = node.isObject() && node.path("value").isTextual() ? node.get("value").asText() : null;
        String identifier = node.isObject() && node.path("identifier").isTextual() ? node.get("identifier").asText() : null;
        if (!("group".equals(type) || "role".equals(type)) || (value == null && identifier == null)) {
            throw JiraErrors.fields(400, Map.of("visibility", "Visibility must be {\"type\": \"group\" or \"role\", \"value\" or \"identifier\": a name}."));
        }
        if (type.equals("group")) {
            Group g = (identifier != null ? groupById(c, identifier) : groupByName(c, value))
                    .orElseThrow(() -> JiraErrors.fields(400, Map.of("commentLevel", "Group: " + (identifier != null ? identifier : value) + " does not exist.")));
            if (!g.has(c.user())) throw JiraErrors.fields(400, Map.of("commentLevel", "You are currently not a member of the group: " + g.name() + "."));
            return new Visibility("group", g.name());
        }
        String name = value != null ? value : identifier;
        String role = ROLES.keySet().stream().filter(r -> r.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> JiraErrors.fields(400, Map.of("commentLevel", "Invalid role level specified.")));
        if (!c.can(project, ROLES.get(role))) {
            throw JiraErrors.fields(400, Map.of("commentLevel", "You are currently not a member of the project role: " + role + "."));
        }
        return new Visibility("role", role);
    }

    /** Whether the caller may see something with this restriction (null: anyone who may browse the issue). */
    static boolean canSee(CloudCaller c, Project project, Visibility v) {
        if (v == null) return true;
        if (v.type().equals("group")) return groupByName(c, v.value()).map(g -> g.has(c.user())).orElse(false);
        Permission needed = ROLES.get(v.value());
        return needed != null && c.can(project, needed);
    }

    /** {@code Visibility}: type, value and identifier (a group's id; a role's name). */
    static Map<String, Object> render(CloudCaller c, Visibility v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", v.type());
        m.put("value", v.value());
        if (v.type().equals("group")) groupByName(c, v.value()).ifPresent(g -> m.put("identifier", g.id()));
        else m.put("identifier", v.value());
        return m;
    }

    private static List<Group> groups(CloudCaller c) {
        return c.world().jiraSettings().groups(c.site().subdomain());
    }

    private static Optional<Group> groupByName(CloudCaller c, String name) {
        return groups(c).stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
    }

    private static Optional<Group> groupById(CloudCaller c, String id) {
        return groups(c).stream().filter(g -> g.id().equals(id)).findFirst();
    }
}
