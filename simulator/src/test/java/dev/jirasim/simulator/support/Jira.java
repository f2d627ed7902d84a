package dev.jirasim.simulator.support;

import dev.jirasim.simulator.JirasimServer;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/** A Jira REST client's view for tests: a token for a user and the gateway base for a site and version. */
public final class Jira {
    public static final String ALL_SCOPES = "read:jira-work write:jira-work read:jira-user read:me offline_access";
    private final OAuth oauth;
    private final String token;

    private Jira(OAuth oauth, String token) {
        this.oauth = oauth;
        this.token = token;
    }

    /** Consents headlessly as {@code user} on {@code sites} with {@code scopes} and keeps the access token. */
    public static Jira as(JirasimServer sim, String user, List<String> sites, String scopes) {
        var oauth = new OAuth(sim);
        String token = oauth.exchange(oauth.code(user, sites, scopes)).path("access_token");
        return new Jira(oauth, token);
    }

    public static Jira alice(JirasimServer sim) {
        return as(sim, OAuth.ALICE, List.of("acme", "globex"), ALL_SCOPES);
    }

    public static Jira bob(JirasimServer sim) {
        return as(sim, "bob@acme.test", List.of("acme"), ALL_SCOPES);
    }

    public String token() {
        return token;
    }

    /** Requests against {@code /api/ex/jira/{cloudId}/rest/api/{version}}. */
    public RequestSpecification on(String cloudId, int version) {
        return oauth.http().auth().oauth2(token).basePath("/api/ex/jira/" + cloudId + "/rest/api/" + version);
    }

    public RequestSpecification acme(int version) {
        return on(OAuth.ACME, version);
    }
}
