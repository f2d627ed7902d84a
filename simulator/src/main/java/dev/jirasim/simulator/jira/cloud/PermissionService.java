package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /mypermissions}: which of Jira's permissions the caller holds, globally, in a project or on an issue.
 * Jira's keys map onto the five permissions a world grants: Assign, Transition, Link, Work on, Edit and Resolve
 * go with Edit; Add comments with Browse (the simulator lets anyone who sees an issue comment).
 */
final class PermissionService {
    /** Jira's key, id, name, type and description, and the world permission that decides it (null: site admins only). */
    private record Known(String key, String id, String name, String type, String description, Permission decidedBy) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("ADMINISTER", "0", "Administer Jira", "GLOBAL", "Create and administer projects, issue types, fields, workflows, and schemes for all projects.", null),
            new Known("BROWSE_PROJECTS", "10", "Browse Projects", "PROJECT", "Ability to browse projects and the issues within them.", Permission.BROWSE),
            new Known("CREATE_ISSUES", "11", "Create Issues", "PROJECT", "Ability to create issues.", Permission.CREATE),
            new Known("EDIT_ISSUES", "12", "Edit Issues", "PROJECT", "Ability to edit issues.", Permission.EDIT),
            new Known("ASSIGN_ISSUES", "13", "Assign Issues", "PROJECT", "Ability to assign issues to other people.", Permission.EDIT),
            new Known("RESOLVE_ISSUES", "14", "Resolve Issues", "PROJECT", "Ability to resolve and reopen issues.", Permission.EDIT),
            new Known("ADD_COMMENTS", "15", "Add Comments", "PROJECT", "Ability to comment on issues.", Permission.BROWSE),
            new Known("DELETE_ISSUES", "16", "Delete Issues", "PROJECT", "Ability to delete issues.", Permission.DELETE),
            new Known("WORK_ON_ISSUES", "20", "Work On Issues", "PROJECT", "Ability to log work done against an issue.", Permission.EDIT),
            new Known("LINK_ISSUES", "21", "Link Issues", "PROJECT", "Ability to link issues together.", Permission.EDIT),
            new Known("ADMINISTER_PROJECTS", "23", "Administer Projects", "PROJECT", "Ability to administer a project in Jira.", Permission.ADMINISTER),
            new Known("TRANSITION_ISSUES", "46", "Transition Issues", "PROJECT", "Ability to transition issues.", Permission.EDIT));

    private PermissionService() {
    }

    static Map<String, Object> mine(CloudCaller c, String projectKey, String projectId, String issueKey, String issueId, String permissions) {
        if (permissions == null || permissions.isBlank()) {
            throw JiraErrors.badRequest("The 'permissions' query parameter is required: a comma-separated list of permission keys.");
        }
        var wanted = new java.util.ArrayList<Known>();
        var unknown = new java.util.ArrayList<String>();
        for (String key : permissions.split(",")) {
            String k = key.trim();
            if (k.isEmpty()) continue;
            KNOWN.stream().filter(x -> x.key().equals(k)).findFirst().ifPresentOrElse(wanted::add, () -> unknown.add(k));
        }
        if (!unknown.isEmpty()) throw JiraErrors.badRequest("Invalid permission key(s): " + String.join(", ", unknown) + ".");
        String site = c.site().subdomain();
        Optional<Project> project = Optional.empty();
        String issueRef = issueKey != null ? issueKey : issueId;
        if (issueRef != null) {
            Issue issue = IssueService.visibleIssue(c, issueRef);
            project = c.world().jira().project(site, issue.project());
        } else if (projectKey != null || projectId != null) {
            String ref = projectKey != null ? projectKey : projectId;
            project = Optional.of(c.world().jira().project(site, ref).filter(c::canBrowse)
                    .orElseThrow(() -> JiraErrors.message(404, "No project could be found with " + (projectKey != null ? "key" : "id") + " '" + ref + "'.")));
        }
        boolean admin = c.user().siteAdmin().contains(site);
        var out = new LinkedHashMap<String, Object>();
        for (Known k : wanted) {
            boolean have;
            if (k.decidedBy() == null) have = admin;
            else if (project.isPresent()) have = c.can(project.get(), k.decidedBy());
            else have = c.world().jira().projects(site).stream().anyMatch(p -> c.can(p, k.decidedBy())); // any project, as Jira says
            var m = new LinkedHashMap<String, Object>();
            m.put("id", k.id());
            m.put("key", k.key());
            m.put("name", k.name());
            m.put("type", k.type());
            m.put("description", k.description());
            m.put("havePermission", have);
            out.put(k.key(), m);
        }
        return Map.of("permissions", out);
    }
}
