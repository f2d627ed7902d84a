package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.atlassian.resources.RequiredScope;
import dev.jirasim.simulator.support.SpecValidation;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scopes each route asks for are the ones the official v3 document lists: its classic and its granular set. */
class JiraScopesSpecTest {
    private static final Map<String, RequiredScope> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/rest/api/3/issuetype", JiraScopes.READ_ISSUE_TYPES);
        ROUTES.put("/rest/api/3/issuetype/{id}", JiraScopes.READ_ISSUE_TYPES);
        ROUTES.put("/rest/api/3/issuetype/project", JiraScopes.READ_ISSUE_TYPES);
        ROUTES.put("/rest/api/3/priority", JiraScopes.READ_PRIORITIES);
        ROUTES.put("/rest/api/3/priority/{id}", JiraScopes.READ_PRIORITIES);
        ROUTES.put("/rest/api/3/status", JiraScopes.READ_STATUSES);
        ROUTES.put("/rest/api/3/status/{idOrName}", JiraScopes.READ_STATUSES);
        ROUTES.put("/rest/api/3/statuscategory", JiraScopes.READ_STATUSES);
        ROUTES.put("/rest/api/3/statuscategory/{idOrKey}", JiraScopes.READ_STATUSES);
        ROUTES.put("/rest/api/3/resolution", JiraScopes.READ_RESOLUTIONS);
        ROUTES.put("/rest/api/3/resolution/{id}", JiraScopes.READ_RESOLUTIONS);
        ROUTES.put("/rest/api/3/field", JiraScopes.READ_FIELDS);
        ROUTES.put("/rest/api/3/project", JiraScopes.READ_PROJECT);
        ROUTES.put("/rest/api/3/project/{projectIdOrKey}", JiraScopes.READ_PROJECT);
        ROUTES.put("/rest/api/3/issue/{issueIdOrKey}/comment/{id}", JiraScopes.READ_COMMENT);
        ROUTES.put("/rest/api/3/user", JiraScopes.READ_USER);
        ROUTES.put("/rest/api/3/user/bulk", JiraScopes.READ_USER);
        ROUTES.put("/rest/api/3/user/search", JiraScopes.SEARCH_USERS);
        ROUTES.put("/rest/api/3/users/search", JiraScopes.LIST_USERS);
        ROUTES.put("/rest/api/3/user/assignable/search", JiraScopes.ASSIGNABLE_USERS);
        ROUTES.put("/rest/api/3/project/{projectIdOrKey}/components", JiraScopes.READ_COMPONENTS);
        ROUTES.put("/rest/api/3/component/{id}", JiraScopes.READ_COMPONENTS);
        ROUTES.put("/rest/api/3/project/{projectIdOrKey}/versions", JiraScopes.READ_VERSIONS);
        ROUTES.put("/rest/api/3/version/{id}", JiraScopes.READ_VERSIONS);
        ROUTES.put("/rest/api/3/customFieldOption/{id}", JiraScopes.READ_FIELD_OPTIONS);
        ROUTES.put("/rest/api/3/field/search", JiraScopes.SEARCH_FIELDS);
        ROUTES.put("/rest/api/3/statuses/search", JiraScopes.SEARCH_STATUSES);
        ROUTES.put("/rest/api/3/project/{projectIdOrKey}/statuses", JiraScopes.READ_PROJECT_STATUSES);
        ROUTES.put("/rest/api/3/user/groups", JiraScopes.READ_USER_GROUPS);
        ROUTES.put("/rest/api/3/group", JiraScopes.READ_GROUP);
        ROUTES.put("/rest/api/3/group/member", JiraScopes.READ_GROUP_MEMBERS);
        ROUTES.put("/rest/api/3/groups/picker", JiraScopes.READ_USER_GROUPS);
        ROUTES.put("/rest/api/3/groupuserpicker", JiraScopes.PICK_GROUPS_AND_USERS);
        ROUTES.put("/rest/api/3/issue/{issueIdOrKey}/comment", JiraScopes.READ_COMMENT);
        ROUTES.put("/rest/api/3/issue/{issueIdOrKey}/worklog", JiraScopes.READ_WORKLOGS);
        ROUTES.put("/rest/api/3/issue/{issueIdOrKey}/worklog/{id}", JiraScopes.READ_WORKLOG);
        ROUTES.put("/rest/api/3/worklog/updated", JiraScopes.WORKLOGS_CHANGED);
        ROUTES.put("/rest/api/3/worklog/deleted", JiraScopes.WORKLOGS_CHANGED);
    }

    /** Writes: method and path, and the scope the route asks for. */
    private static final Map<String, RequiredScope> WRITES = new LinkedHashMap<>();

    static {
        WRITES.put("post /rest/api/3/project", JiraScopes.CREATE_PROJECT);
        WRITES.put("get /rest/api/3/issue/{issueIdOrKey}/changelog", JiraScopes.READ_CHANGELOG);
        WRITES.put("post /rest/api/3/issue/{issueIdOrKey}/changelog/list", JiraScopes.READ_CHANGELOG);
        WRITES.put("post /rest/api/3/changelog/bulkfetch", JiraScopes.READ_CHANGELOG);
        WRITES.put("put /rest/api/3/issue/{issueIdOrKey}/assignee", JiraScopes.WRITE_ISSUES);
        WRITES.put("get /rest/api/3/mypermissions", JiraScopes.READ_PERMISSIONS);
        WRITES.put("get /rest/api/3/label", JiraScopes.READ_LABELS);
        WRITES.put("put /rest/api/3/project/{projectIdOrKey}", JiraScopes.UPDATE_PROJECT);
        WRITES.put("delete /rest/api/3/project/{projectIdOrKey}", JiraScopes.DELETE_PROJECT);
        WRITES.put("post /rest/api/3/project/{projectIdOrKey}/delete", JiraScopes.DELETE_PROJECT_ASYNC);
        WRITES.put("post /rest/api/3/project/{projectIdOrKey}/restore", JiraScopes.RESTORE_PROJECT);
        WRITES.put("get /rest/api/3/task/{taskId}", JiraScopes.READ_TASK);
        WRITES.put("post /rest/api/3/issue/{issueIdOrKey}/comment", JiraScopes.ADD_COMMENT);
        WRITES.put("put /rest/api/3/issue/{issueIdOrKey}/comment/{id}", JiraScopes.UPDATE_COMMENT);
        WRITES.put("delete /rest/api/3/issue/{issueIdOrKey}/comment/{id}", JiraScopes.DELETE_COMMENT);
        WRITES.put("post /rest/api/3/issue/{issueIdOrKey}/worklog", JiraScopes.ADD_WORKLOG);
        WRITES.put("put /rest/api/3/issue/{issueIdOrKey}/worklog/{id}", JiraScopes.UPDATE_WORKLOG);
        WRITES.put("delete /rest/api/3/issue/{issueIdOrKey}/worklog/{id}", JiraScopes.DELETE_WORKLOG);
        WRITES.put("post /rest/api/3/worklog/list", JiraScopes.LIST_WORKLOGS);
        // Links, remote links, watchers, votes, attachments, bulk (issue 17).
        WRITES.put("get /rest/api/3/issueLinkType", JiraScopes.READ_LINK_TYPES);
        WRITES.put("get /rest/api/3/issueLinkType/{issueLinkTypeId}", JiraScopes.READ_LINK_TYPES);
        WRITES.put("post /rest/api/3/issueLink", JiraScopes.LINK_ISSUES);
        WRITES.put("get /rest/api/3/issueLink/{linkId}", JiraScopes.READ_LINK);
        WRITES.put("delete /rest/api/3/issueLink/{linkId}", JiraScopes.DELETE_LINK);
        WRITES.put("get /rest/api/3/issue/{issueIdOrKey}/remotelink", JiraScopes.READ_REMOTE_LINKS);
        WRITES.put("post /rest/api/3/issue/{issueIdOrKey}/remotelink", JiraScopes.WRITE_REMOTE_LINK);
        WRITES.put("delete /rest/api/3/issue/{issueIdOrKey}/remotelink", JiraScopes.DELETE_REMOTE_LINK);
        WRITES.put("get /rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}", JiraScopes.READ_REMOTE_LINKS);
        WRITES.put("put /rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}", JiraScopes.UPDATE_REMOTE_LINK);
        WRITES.put("delete /rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}", JiraScopes.DELETE_REMOTE_LINK);
        WRITES.put("get /rest/api/3/issue/{issueIdOrKey}/watchers", JiraScopes.READ_WATCHERS);
        WRITES.put("post /rest/api/3/issue/{issueIdOrKey}/watchers", JiraScopes.WRITE_WATCHERS);
        WRITES.put("delete /rest/api/3/issue/{issueIdOrKey}/watchers", JiraScopes.WRITE_WATCHERS);
        WRITES.put("get /rest/api/3/issue/{issueIdOrKey}/votes", JiraScopes.READ_VOTES);
        WRITES.put("post /rest/api/3/issue/{issueIdOrKey}/votes", JiraScopes.WRITE_VOTES);
        WRITES.put("delete /rest/api/3/issue/{issueIdOrKey}/votes", JiraScopes.WRITE_VOTES);
        WRITES.put("post /rest/api/3/issue/{issueIdOrKey}/attachments", JiraScopes.WRITE_ATTACHMENTS);
        WRITES.put("get /rest/api/3/attachment/meta", JiraScopes.READ_ATTACHMENT_META);
        WRITES.put("get /rest/api/3/attachment/{id}", JiraScopes.READ_ATTACHMENT);
        WRITES.put("delete /rest/api/3/attachment/{id}", JiraScopes.DELETE_ATTACHMENT);
        WRITES.put("get /rest/api/3/attachment/content/{id}", JiraScopes.READ_ATTACHMENT_CONTENT);
        WRITES.put("get /rest/api/3/attachment/thumbnail/{id}", JiraScopes.READ_ATTACHMENT_CONTENT);
        WRITES.put("post /rest/api/3/issue/bulk", JiraScopes.BULK_CREATE);
        WRITES.put("post /rest/api/3/issue/bulkfetch", JiraScopes.BULK_FETCH);
    }

    @Test
    void everyReadRouteAsksForTheDocumentedScopes() throws IOException {
        assumeTrue(SpecValidation.available(), "Skipped: " + SpecValidation.SPEC.toAbsolutePath() + " not found");
        JsonNode paths = new ObjectMapper().readTree(SpecValidation.SPEC.toFile()).get("paths");
        var all = new LinkedHashMap<String, RequiredScope>();
        ROUTES.forEach((path, scope) -> all.put("get " + path, scope));
        all.putAll(WRITES);
        all.forEach((route, scope) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            JsonNode get = paths.path(path).path(route.substring(0, route.indexOf(' ')));
            assertFalse(get.isMissingNode(), path + " is not in the document");
            String classic = null;
            Set<String> granular = new HashSet<>();
            for (JsonNode s : get.path("x-atlassian-oauth2-scopes")) {
                if (s.path("state").asText().equals("Current")) classic = s.path("scopes").get(0).asText();
                if (s.path("state").asText().equals("Beta")) s.path("scopes").forEach(x -> granular.add(x.asText()));
            }
            assertEquals(classic, scope.classic(), path);
            assertEquals(granular, scope.granular(), path);
        });
    }

    @Test
    void granularScopesCountOnlyAsAWholeSet() {
        RequiredScope statuses = JiraScopes.READ_STATUSES;
        assertTrue(statuses.grantedBy(Set.of("read:jira-work")));
        assertTrue(statuses.grantedBy(Set.of("read:status:jira")));
        assertFalse(JiraScopes.READ_ISSUE_TYPES.grantedBy(Set.of("read:issue-type:jira", "read:project:jira")));
        assertFalse(statuses.grantedBy(Set.of("write:jira-work")));
    }
}
