package com.example.jiraissues;

import static org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver.clientRegistrationId;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The two calls the app makes through api.atlassian.com, as the signed-in user. */
@Component
class JiraCloud {
    static final String REGISTRATION = "atlassian";
    private static final int PAGE_SIZE = 50;

    private final RestClient api;

    JiraCloud(RestClient atlassianRestClient) {
        this.api = atlassianRestClient;
    }

    /** A site the user granted to this app; only {@code id} (the cloudId) and {@code name} are used here. */
    record Site(String id, String name, String url, List<String> scopes) {
    }

    record Issue(String id, String key) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchRequest(String jql, List<String> fields, int maxResults, String nextPageToken) {
    }

    /** The enhanced search's page: no {@code total}, only a token for the next page while {@code isLast} is false. */
    record SearchPage(List<Issue> issues, String nextPageToken, Boolean isLast) {
    }

    // doc:begin site
    /**
     * The site by its name. The order of accessible-resources means nothing (Atlassian says so), so the app never
     * takes the first entry: it looks for the site it was configured for.
     */
    Optional<Site> site(String name) {
        List<Site> sites = api.get().uri("/oauth/token/accessible-resources")
                .attributes(clientRegistrationId(REGISTRATION))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(new ParameterizedTypeReference<>() { });
        return sites == null ? Optional.empty() : sites.stream().filter(s -> s.name().equals(name)).findFirst();
    }
    // doc:end

    /** Every key the JQL finds on the site, page by page (POST /rest/api/3/search/jql, the current search). */
    List<String> searchKeys(Site site, String jql) {
        var keys = new ArrayList<String>();
        String next = null;
        do {
            SearchPage page = api.post().uri("/ex/jira/{cloudId}/rest/api/3/search/jql", site.id())
                    .attributes(clientRegistrationId(REGISTRATION))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(new SearchRequest(jql, List.of("key"), PAGE_SIZE, next))
                    .retrieve()
                    .body(SearchPage.class);
            if (page == null) break;
            page.issues().forEach(issue -> keys.add(issue.key()));
            next = Boolean.TRUE.equals(page.isLast()) ? null : page.nextPageToken();
        } while (next != null);
        return keys;
    }
}
