package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.atlassian.resources.RequiredScope;

/** The scopes each Jira Cloud operation needs: classic, or the granular set (reference §5.3 and the v3 spec). */
final class JiraScopes {
    static final RequiredScope READ_ISSUES = RequiredScope.of("read:jira-work", "read:issue-details:jira");
    static final RequiredScope READ_PERMISSIONS = RequiredScope.of("read:jira-work", "read:permission:jira");
    static final RequiredScope READ_LABELS = RequiredScope.of("read:jira-work", "read:label:jira");
    static final RequiredScope READ_CHANGELOG = RequiredScope.of("read:jira-work", "read:issue-meta:jira", "read:avatar:jira",
            "read:issue.changelog:jira");
    static final RequiredScope VALIDATE_JQL = RequiredScope.of("read:jira-work", "validate:jql:jira");
    static final RequiredScope WRITE_ISSUES = RequiredScope.of("write:jira-work", "write:issue:jira");
    static final RequiredScope DELETE_ISSUES = RequiredScope.of("write:jira-work", "delete:issue:jira");
    static final RequiredScope READ_USERS = RequiredScope.of("read:jira-user", "read:user:jira");
    static final RequiredScope READ_PROJECTS = RequiredScope.of("read:jira-work", "read:project:jira");

    static final RequiredScope READ_ISSUE_TYPES = RequiredScope.of("read:jira-work", "read:issue-type:jira", "read:avatar:jira",
            "read:project-category:jira", "read:project:jira");
    static final RequiredScope READ_PRIORITIES = RequiredScope.of("read:jira-work", "read:priority:jira");
    static final RequiredScope READ_STATUSES = RequiredScope.of("read:jira-work", "read:status:jira");
    static final RequiredScope READ_RESOLUTIONS = RequiredScope.of("read:jira-work", "read:resolution:jira");
    static final RequiredScope READ_FIELDS = RequiredScope.of("read:jira-work", "read:field:jira", "read:avatar:jira",
            "read:project-category:jira", "read:project:jira", "read:field-configuration:jira");
    static final RequiredScope READ_PROJECT = RequiredScope.of("read:jira-work", "read:issue-type:jira", "read:project:jira",
            "read:project.property:jira", "read:user:jira", "read:application-role:jira", "read:avatar:jira", "read:group:jira",
            "read:issue-type-hierarchy:jira", "read:project-category:jira", "read:project-version:jira", "read:project.component:jira");
    static final RequiredScope READ_COMMENT = RequiredScope.of("read:jira-work", "read:comment:jira", "read:comment.property:jira",
            "read:group:jira", "read:project:jira", "read:project-role:jira", "read:user:jira", "read:avatar:jira");
    static final RequiredScope READ_USER = RequiredScope.of("read:jira-user", "read:application-role:jira", "read:group:jira",
            "read:user:jira", "read:avatar:jira");
    static final RequiredScope SEARCH_USERS = RequiredScope.of("read:jira-user", "read:user:jira", "read:user.property:jira",
            "read:application-role:jira", "read:avatar:jira", "read:group:jira");
    static final RequiredScope LIST_USERS = RequiredScope.of("read:jira-user", "read:user:jira", "read:application-role:jira",
            "read:avatar:jira", "read:group:jira");
    static final RequiredScope ASSIGNABLE_USERS = RequiredScope.of("read:jira-user", "read:issue:jira", "read:project:jira",
            "read:user:jira", "read:application-role:jira", "read:avatar:jira", "read:group:jira");

    static final RequiredScope READ_COMPONENTS = RequiredScope.of("read:jira-work", "read:project:jira", "read:project.component:jira",
            "read:user:jira", "read:application-role:jira", "read:avatar:jira", "read:group:jira");
    static final RequiredScope READ_VERSIONS = RequiredScope.of("read:jira-work", "read:project-version:jira");

    static final RequiredScope READ_FIELD_OPTIONS = RequiredScope.of("read:jira-work", "read:field:jira", "read:field.option:jira");

    static final RequiredScope SEARCH_FIELDS = RequiredScope.of("read:jira-work", "read:field:jira", "read:field-configuration:jira");
    static final RequiredScope SEARCH_STATUSES = RequiredScope.of("manage:jira-configuration", "read:workflow:jira");
    static final RequiredScope READ_PROJECT_STATUSES = RequiredScope.of("read:jira-work", "read:issue-status:jira", "read:issue-type:jira",
            "read:status:jira");

    static final RequiredScope CREATE_PROJECT = RequiredScope.of("manage:jira-configuration", "write:project:jira", "read:project:jira");
    static final RequiredScope UPDATE_PROJECT = RequiredScope.of("manage:jira-project", "read:issue-type:jira", "read:project:jira",
            "read:project.property:jira", "read:user:jira", "write:project:jira", "write:project.avatar:jira", "read:application-role:jira",
            "read:avatar:jira", "read:group:jira", "read:issue-type-hierarchy:jira", "read:project-category:jira", "read:project-version:jira",
            "read:project.component:jira");
    static final RequiredScope DELETE_PROJECT = RequiredScope.of("manage:jira-configuration", "delete:project:jira");
    static final RequiredScope DELETE_PROJECT_ASYNC = RequiredScope.of("manage:jira-configuration", "write:project:jira", "write:project.property:jira");
    static final RequiredScope RESTORE_PROJECT = RequiredScope.of("manage:jira-configuration", "read:issue-type:jira", "read:project:jira",
            "read:project.property:jira", "read:user:jira", "write:project:jira", "read:application-role:jira", "read:avatar:jira",
            "read:group:jira", "read:issue-type-hierarchy:jira", "read:project-category:jira", "read:project-version:jira",
            "read:project.component:jira");
    /** The document lists no granular form for reading a task. */
    static final RequiredScope READ_TASK = RequiredScope.of("read:jira-work");

    static final RequiredScope READ_GROUP = RequiredScope.of("read:jira-user", "read:group:jira", "read:user:jira", "read:avatar:jira");
    static final RequiredScope READ_USER_GROUPS = RequiredScope.of("read:jira-user", "read:group:jira");
    static final RequiredScope READ_GROUP_MEMBERS = RequiredScope.of("manage:jira-configuration", "read:group:jira", "read:user:jira",
            "read:avatar:jira");
    static final RequiredScope PICK_GROUPS_AND_USERS = RequiredScope.of("read:jira-work", "read:group:jira", "read:user:jira");

    // Comments and worklogs (the v3 document's x-atlassian-oauth2-scopes: classic, then the granular set).
    static final RequiredScope ADD_COMMENT = RequiredScope.of("write:jira-work", "read:comment:jira", "read:comment.property:jira",
            "read:group:jira", "read:project:jira", "read:project-role:jira", "read:user:jira", "write:comment:jira", "read:avatar:jira");
    static final RequiredScope UPDATE_COMMENT = ADD_COMMENT;
    static final RequiredScope DELETE_COMMENT = RequiredScope.of("write:jira-work", "delete:comment:jira", "delete:comment.property:jira");
    static final RequiredScope READ_WORKLOGS = RequiredScope.of("read:jira-work", "read:group:jira", "read:issue-worklog:jira",
            "read:issue-worklog.property:jira", "read:project-role:jira", "read:user:jira", "read:avatar:jira");
    static final RequiredScope READ_WORKLOG = RequiredScope.of("read:jira-work", "read:comment:jira", "read:group:jira", "read:issue-worklog:jira",
            "read:issue-worklog.property:jira", "read:project-role:jira", "read:user:jira", "read:avatar:jira");
    static final RequiredScope ADD_WORKLOG = RequiredScope.of("write:jira-work", "write:issue-worklog:jira", "write:issue-worklog.property:jira",
            "read:avatar:jira", "read:group:jira", "read:issue-worklog:jira", "read:project-role:jira", "read:user:jira",
            "read:issue-worklog.property:jira");
    static final RequiredScope UPDATE_WORKLOG = RequiredScope.of("write:jira-work", "read:comment:jira", "read:group:jira",
            "read:issue-worklog:jira", "read:issue-worklog.property:jira", "read:project-role:jira", "read:user:jira", "write:comment:jira",
            "write:issue-worklog:jira", "write:issue-worklog.property:jira", "read:avatar:jira");
    static final RequiredScope DELETE_WORKLOG = RequiredScope.of("write:jira-work", "delete:issue-worklog:jira",
            "delete:issue-worklog.property:jira", "write:issue.time-tracking:jira");
    static final RequiredScope WORKLOGS_CHANGED = RequiredScope.of("read:jira-work", "read:issue-worklog:jira", "read:issue-worklog.property:jira");
    static final RequiredScope LIST_WORKLOGS = READ_WORKLOG;
    // ---- links, remote links, watchers, votes, attachments, bulk (issue 17), as the v3 spec lists them ----
    static final RequiredScope READ_LINK_TYPES = RequiredScope.of("read:jira-work", "read:issue-link-type:jira");
    static final RequiredScope LINK_ISSUES = RequiredScope.of("write:jira-work", "write:comment:jira", "write:issue:jira", "write:issue-link:jira");
    static final RequiredScope READ_LINK = RequiredScope.of("read:jira-work", "read:field:jira", "read:issue-link-type:jira", "read:issue:jira",
            "read:issue-type:jira", "read:priority:jira", "read:status:jira", "read:avatar:jira", "read:issue.time-tracking:jira",
            "read:project-category:jira", "read:project:jira", "read:user:jira");
    static final RequiredScope DELETE_LINK = RequiredScope.of("write:jira-work", "delete:issue-link:jira");
    static final RequiredScope READ_REMOTE_LINKS = RequiredScope.of("read:jira-work", "read:issue.remote-link:jira", "read:status:jira");
    static final RequiredScope WRITE_REMOTE_LINK = RequiredScope.of("write:jira-work", "write:issue:jira", "write:issue.remote-link:jira",
            "read:issue.remote-link:jira");
    static final RequiredScope UPDATE_REMOTE_LINK = RequiredScope.of("write:jira-work", "write:issue:jira", "write:issue.remote-link:jira");
    static final RequiredScope DELETE_REMOTE_LINK = RequiredScope.of("write:jira-work", "delete:issue.remote-link:jira", "write:issue:jira");
    static final RequiredScope READ_WATCHERS = RequiredScope.of("read:jira-work", "read:issue.watcher:jira", "read:user:jira", "read:avatar:jira");
    static final RequiredScope WRITE_WATCHERS = RequiredScope.of("write:jira-work", "write:issue.watcher:jira");
    static final RequiredScope READ_VOTES = RequiredScope.of("read:jira-work", "read:issue.vote:jira", "read:user:jira", "read:application-role:jira",
            "read:avatar:jira", "read:group:jira");
    static final RequiredScope WRITE_VOTES = RequiredScope.of("write:jira-work", "write:issue.vote:jira");
    static final RequiredScope WRITE_ATTACHMENTS = RequiredScope.of("write:jira-work", "read:user:jira", "write:attachment:jira",
            "read:attachment:jira", "read:avatar:jira");
    static final RequiredScope DELETE_ATTACHMENT = RequiredScope.of("write:jira-work", "delete:attachment:jira");
    static final RequiredScope READ_ATTACHMENT = RequiredScope.of("read:jira-work", "read:attachment:jira", "read:user:jira",
            "read:application-role:jira", "read:avatar:jira", "read:group:jira");
    static final RequiredScope READ_ATTACHMENT_CONTENT = RequiredScope.of("read:jira-work", "read:attachment:jira");
    static final RequiredScope READ_ATTACHMENT_META = RequiredScope.of("read:jira-work", "read:instance-configuration:jira");
    static final RequiredScope BULK_CREATE = RequiredScope.of("write:jira-work", "write:issue:jira", "write:comment:jira",
            "write:comment.property:jira", "write:attachment:jira", "read:issue:jira");
    static final RequiredScope BULK_FETCH = RequiredScope.of("read:jira-work", "read:issue-meta:jira", "read:issue-security-level:jira",
            "read:issue.vote:jira", "read:issue.changelog:jira", "read:avatar:jira", "read:issue:jira", "read:status:jira", "read:user:jira",
            "read:field-configuration:jira");

    private JiraScopes() {
    }
}
