package dev.jirasim.junit;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.control.IssuedTokens;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.world.Site;
import java.util.List;

/**
 * One test's isolated world on the shared simulator: its base URLs, world, clock, faults, journal and a
 * token shortcut. Everything {@code /__admin} offers is here in Java, through {@link #control()}.
 * All URLs carry the tenant prefix ({@code http://localhost:PORT/t/{tenant}}), which clients treat as any
 * other base URL, so redirects and absolute links stay inside this world.
 */
public final class JirasimHandle {
    private final JirasimServer server;
    private final String tenantId;
    private final SimulatorControl control;

    JirasimHandle(JirasimServer server, String tenantId) {
        this.server = server;
        this.tenantId = tenantId;
        this.control = server.control(tenantId);
    }

    public String tenantId() {
        return tenantId;
    }

    public int port() {
        return server.port();
    }

    /** The root every emulated service of this world hangs from. */
    public String baseUrl() {
        return server.baseUrl(tenantId);
    }

    /** Stands in for {@code https://auth.atlassian.com}: {@code /authorize}, {@code /oauth/token}. */
    public String authUrl() {
        return baseUrl() + "/auth";
    }

    /** Stands in for {@code https://api.atlassian.com}: accessible-resources, {@code /me}, {@code /ex/jira/…}. */
    public String apiUrl() {
        return baseUrl() + "/api";
    }

    /**
     * A Jira Cloud site's REST base through the gateway, {@code …/api/ex/jira/{cloudId}}: append
     * {@code /rest/api/3/…}. Takes a cloudId or a subdomain ({@code "acme"}).
     */
    public String jiraUrl(String cloudIdOrSite) {
        return apiUrl() + "/ex/jira/" + cloudId(cloudIdOrSite);
    }

    /** The cloudId of a site given by subdomain or cloudId. */
    public String cloudId(String cloudIdOrSite) {
        return tenant().world().site(cloudIdOrSite).map(Site::cloudId)
                .orElseThrow(() -> new IllegalArgumentException("no site " + cloudIdOrSite + " in this world"));
    }

    /** Stands in for Nango's API ({@code https://api.nango.dev}). */
    public String nangoUrl() {
        return baseUrl() + "/nango";
    }

    /** The first secret key of this world's Nango environment, for {@code Authorization: Bearer …} or the Nango SDK. */
    public String nangoSecretKey() {
        var keys = tenant().world().nango().secretKeys();
        if (keys.isEmpty()) throw new IllegalStateException("this world has no Nango environment");
        return keys.get(0);
    }

    /** A Jira Data Center instance's base URL. */
    public String dcUrl(String instance) {
        return baseUrl() + "/dc/" + instance;
    }

    /** This world's control API over HTTP, for tools outside the JVM. */
    public String adminUrl() {
        return baseUrl() + "/__admin";
    }

    /** The whole control API in process: world export/replace, clock, consent, tokens, faults, journal, reset. */
    public SimulatorControl control() {
        return control;
    }

    public SimulatedClock clock() {
        return new SimulatedClock(control);
    }

    public FaultInjector faults() {
        return new FaultInjector(control);
    }

    public RequestJournal journal() {
        return new RequestJournal(control);
    }

    /** Edits the world starting from what it holds now; call {@link WorldBuilder#apply()} to make it so. */
    public WorldBuilder world() {
        return new WorldBuilder(control.exportWorld(), control.now(), file -> {
            control.replaceWorld(file);
            return null;
        });
    }

    /**
     * Tokens for {@code user} (e-mail or account id) on {@code sites} (subdomains; none: all of theirs), as the
     * 3LO flow would issue them after consent, with the default app and scopes
     * ({@link TokenRequestSpec#DEFAULT_SCOPES}, so a refresh token comes too).
     */
    public IssuedTokens tokens(String user, String... sites) {
        return control.issueTokens(TokenRequestSpec.forUser(user, sites));
    }

    /** Tokens with a chosen app and scopes. */
    public IssuedTokens tokens(String clientId, String user, List<String> sites, List<String> scopes) {
        return control.issueTokens(new TokenRequestSpec(clientId, user, sites, scopes));
    }

    /** Back to this world's seed: world, clock, journal and faults. */
    public void reset() {
        control.reset();
    }

    JirasimServer server() {
        return server;
    }

    private Tenant tenant() {
        return server.tenant(tenantId).orElseThrow(() -> new IllegalStateException("tenant " + tenantId + " is gone"));
    }

    @Override
    public String toString() {
        return "Jirasim world " + tenantId + " at " + baseUrl();
    }
}
