package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's schema as its REST v2 reads it: fields, issue types, priorities, statuses, status categories,
 * resolutions (the fixed catalog every project shares) and one project in full. Lists are bare JSON arrays, as
 * DC answers them; an id that does not exist is a 404 Error Collection (the texts are ours: the reference
 * gives none).
 */
final class DcSchemaService {
    private DcSchemaService() {
    }

    /** The system fields, then the instance's custom fields. */
    static List<Map<String, Object>> fields(DcCaller c) {
        var all = new java.util.ArrayList<>(DcFields.list());
        for (var f : DcCustomFields.of(c)) all.add(DcCustomFields.field(f));
        return all;
    }

    static List<Map<String, Object>> issueTypes(DcCaller c) {
        return JiraCatalog.ISSUE_TYPES.stream().map(t -> DcCatalogJson.issueType(c.base(), t)).toList();
    }

    static Map<String, Object> issueType(DcCaller c, String id) {
        return issueTypeById(id).map(t -> DcCatalogJson.issueType(c.base(), t))
                .orElseThrow(() -> DcErrors.rest(404, "The issue type with id '" + id + "' does not exist"));
    }

    static Optional<JiraCatalog.IssueType> issueTypeById(String id) {
        return JiraCatalog.ISSUE_TYPES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static List<Map<String, Object>> priorities(DcCaller c) {
        return JiraCatalog.PRIORITIES.stream().map(p -> DcCatalogJson.priorityDetails(c.base(), p)).toList();
    }

    static Map<String, Object> priority(DcCaller c, String id) {
        return JiraCatalog.PRIORITIES.stream().filter(p -> p.id().equals(id)).findFirst().map(p -> DcCatalogJson.priorityDetails(c.base(), p))
                .orElseThrow(() -> DcErrors.rest(404, "The priority with id '" + id + "' does not exist"));
    }

    static List<Map<String, Object>> statuses(DcCaller c) {
        return JiraCatalog.STATUSES.stream().map(s -> DcCatalogJson.status(c.base(), s)).toList();
    }

    /** By id, or by name ignoring case, as DC reads {@code idOrName}. */
    static Map<String, Object> status(DcCaller c, String idOrName) {
        return JiraCatalog.status(idOrName).map(s -> DcCatalogJson.status(c.base(), s))
                .orElseThrow(() -> DcErrors.rest(404, "The status with id or name '" + idOrName + "' does not exist"));
    }

    static List<Map<String, Object>> statusCategories(DcCaller c) {
        return JiraCatalog.STATUS_CATEGORIES.stream().map(s -> DcCatalogJson.statusCategory(c.base(), s)).toList();
    }

    static Map<String, Object> statusCategory(DcCaller c, String idOrKey) {
        return JiraCatalog.statusCategory(idOrKey).map(s -> DcCatalogJson.statusCategory(c.base(), s))
                .orElseThrow(() -> DcErrors.rest(404, "The status category with id or key '" + idOrKey + "' does not exist"));
    }

    static List<Map<String, Object>> resolutions(DcCaller c) {
        return JiraCatalog.RESOLUTIONS.stream().map(r -> DcCatalogJson.resolution(c.base(), r)).toList();
    }

    static Map<String, Object> resolution(DcCaller c, String id) {
        return JiraCatalog.RESOLUTIONS.stream().filter(r -> r.id().equals(id)).findFirst().map(r -> DcCatalogJson.resolution(c.base(), r))
                .orElseThrow(() -> DcErrors.rest(404, "The resolution with id '" + id + "' does not exist"));
    }

    /** {@code GET /project/{idOrKey}}: {@code expand=projectKeys} adds the keys; the other expansions are always there. */
    static Map<String, Object> project(DcCaller c, String keyOrId, String expand) {
        boolean keys = expand != null && Arrays.stream(expand.split(",")).map(String::trim).anyMatch("projectKeys"::equals);
        return DcJson.projectDetails(c.base(), visibleProject(c, keyOrId), c.dc().instance(), keys);
    }

    /** A project the caller may browse; any other does not exist for them. */
    static Project visibleProject(DcCaller c, String keyOrId) {
        return c.dc().jira().project(c.site(), keyOrId).filter(p -> c.can(p, Permission.BROWSE))
                .orElseThrow(() -> DcErrors.rest(404, noProject(keyOrId)));
    }

    /** The text {@code GET /project/{key}} has always answered, for ids too. */
    static String noProject(String keyOrId) {
        return "No project could be found with key '" + keyOrId + "'.";
    }
}
