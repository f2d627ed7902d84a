package com.example.jiraissues;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the app finds Jira: the API gateway (https://api.atlassian.com) and the site to use, by its name in
 * accessible-resources. The OAuth 2.0 endpoints are Spring Security's own provider properties.
 */
@ConfigurationProperties("atlassian")
public record AtlassianProperties(String apiUrl, String site) {
}
