package com.example.jiraissues;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /jira/issues?jql=…}: the keys of the issues the signed-in user may see on the configured site. */
@RestController
class IssuesController {
    private final JiraCloud jira;
    private final AtlassianProperties atlassian;

    IssuesController(JiraCloud jira, AtlassianProperties atlassian) {
        this.jira = jira;
        this.atlassian = atlassian;
    }

    record Issues(String site, String cloudId, List<String> keys) {
    }

    @GetMapping("/jira/issues")
    Issues issues(@RequestParam(defaultValue = "project IS NOT EMPTY ORDER BY key") String jql) {
        JiraCloud.Site site = jira.site(atlassian.site())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "You have not granted this app access to " + atlassian.site()));
        return new Issues(site.name(), site.id(), jira.searchKeys(site, jql));
    }
}
