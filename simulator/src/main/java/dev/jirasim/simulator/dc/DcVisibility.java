package dev.jirasim.simulator.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.DcInstance.DcUser;
import dev.jirasim.simulator.world.IssueActivity.Visibility;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may see a restricted comment or worklog on a Data Center instance. DC users in a world file have no groups,
 * so the simulator gives each instance the two groups a new DC installation has (our minimal model):
 * {@code jira-software-users} (every active user) and {@code jira-administrators} (the instance's administrators);
 * {@code myself} counts the same groups. Project roles follow the project's permissions, as on Cloud:
 * {@code Administrators} = may administer the project, {@code Developers} = may edit its issues, {@code Users} =
 * may browse it. Messages and the {@code commentLevel} error key are Jira's visibility validator's; the one for a role
 * that does not exist is our choice.
 */
final class DcVisibility {
    static final String USERS = "jira-software-users";
    static final String ADMINISTRATORS = "jira-administrators";
    static final Map<String, Permission> ROLES = Map.of("Administrators", Permission.ADMINISTER, "Developers", Permission.EDIT,
            "Users", Permission.BROWSE);

    private DcVisibility() {
    }

    /** The groups a DC user belongs to in the simulator's model. */
    static List<String> groups(DcUser u) {
        if (!u.active()) return List.of();
        return u.admin() ? List.of(ADMINISTRATORS, USERS) : List.of(USERS);
    }

    /**
     * The restriction a request asks for ({@code {"type": "group"|"role", "value": name}}), checked: the group or role
     * must exist and the caller must belong to it, as Jira requires. Null when the request has none.
     */
    static Visibility read(DcCaller c, Project project, JsonNode node) {
        if (node == null || node.isNull()) return null;
        String type = node.isObject() ? node.path("type").asText(null) : null;
        String value = node.isObject() && node.path("value").isTextual() ? node.get("value").asText() : null;
        if (!("group".equals(type) || "role".equals(type)) || value == null) {
            // Our wording: DC's JSON reader refuses the body; the simulator says what it wants instead.
            throw DcErrors.fields(Map.of("visibility", "Visibility must be {\"type\": \"group\" or \"role\", \"value\": a name}."));
        }
        if (type.equals("group")) {
            String group = List.of(USERS, ADMINISTRATORS).stream().filter(g -> g.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> DcErrors.fields(Map.of("commentLevel", "Group: " + value + " does not exist.")));
            if (!groups(me(c)).contains(group)) {
                throw DcErrors.fields(Map.of("commentLevel", "You are currently not a member of the group: " + group + "."));
            }
            return new Visibility("group", group);
        }
        String role = ROLES.keySet().stream().filter(r -> r.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> DcErrors.fields(Map.of("commentLevel", "Invalid role level specified.")));
        if (!c.can(project, ROLES.get(role))) {
            throw DcErrors.fields(Map.of("commentLevel", "You are currently not a member of the project role: " + role + "."));
        }
        return new Visibility("role", role);
    }

    /** Whether the caller may see something with this restriction (null: anyone who may browse the issue). */
    static boolean canSee(DcCaller c, Project project, Visibility v) {
        if (v == null) return true;
        if (v.type().equals("group")) return groups(me(c)).stream().anyMatch(g -> g.equalsIgnoreCase(v.value()));
        Permission needed = ROLES.get(v.value());
        return needed != null && c.can(project, needed);
    }

    /** DC's {@code VisibilityJsonBean}: type and value (no Cloud {@code identifier}). */
    static Map<String, Object> render(Visibility v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", v.type());
        m.put("value", v.value());
        return m;
    }

    private static DcUser me(DcCaller c) {
        return c.dc().instance().user(c.user().accountId()).orElseThrow();
    }
}
