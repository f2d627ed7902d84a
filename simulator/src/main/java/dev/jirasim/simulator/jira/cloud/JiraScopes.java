package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.atlassian.resources.RequiredScope;

/** The scopes each Jira Cloud operation needs: classic, or the granular set (reference §5.3 and the v3 spec). */
final class JiraScopes {
    static final RequiredScope READ_ISSUES = RequiredScope.of("read:jira-work", "read:issue-details:jira");
    static final RequiredScope VALIDATE_JQL = RequiredScope.of("read:jira-work", "validate:jql:jira");
    static final RequiredScope WRITE_ISSUES = RequiredScope.of("write:jira-work", "write:issue:jira");
    static final RequiredScope DELETE_ISSUES = RequiredScope.of("write:jira-work", "delete:issue:jira");
    static final RequiredScope READ_USERS = RequiredScope.of("read:jira-user", "read:user:jira");
    static final RequiredScope READ_PROJECTS = RequiredScope.of("read:jira-work", "read:project:jira");

    private JiraScopes() {
    }
}
