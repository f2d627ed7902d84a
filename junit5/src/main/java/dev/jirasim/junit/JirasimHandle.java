package dev.jirasim.junit;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.control.IssuedTokens;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.receiver.WebhookInbox;
import dev.jirasim.simulator.receiver.WebhookReceiver;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.world.ApiToken;
import dev.jirasim.simulator.world.Site;
import java.time.Duration;
import java.util.List;

/**
 * One test's isolated world on the shared simulator: its base URLs, world, clock, faults, journal and
 * credential shortcuts (3LO tokens, API tokens, Data Center passwords). Everything {@code /__admin} offers is
 * here in Java, through {@link #control()}.
 * All URLs carry the tenant prefix ({@code http://localhost:PORT/t/{tenant}}), which clients treat as any
 * other base URL, so redirects and absolute links stay inside this world.
 */
public final class JirasimHandle {
    private final JirasimServer server;
    private final String tenantId;
    private final SimulatorControl control;
    private WebhookInbox inbox;

    JirasimHandle(JirasimServer server, String tenantId) {
        this.server = server;
        this.tenantId = tenantId;
        this.control = server.control(tenantId);
    }

    /**
     * This test's webhook receiver: a loopback URL to register with Jira or Nango, recording what arrives, with
     * bounded waits ({@link WebhookInbox#await}). One per test; parallel tests never share one.
     */
    public synchronized WebhookInbox webhooks() {
        if (inbox == null) inbox = WebhookReceiver.get().open();
        return inbox;
    }

    synchronized void closeWebhooks() {
        if (inbox != null) WebhookReceiver.get().close(inbox);
        inbox = null;
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

    /**
     * A Jira Cloud site's own host, {@code https://{subdomain}.atlassian.net}, as this world serves it:
     * {@code …/site/{subdomain}}; append {@code /rest/api/3/…} and call it with HTTP Basic {@code email:api_token}
     * ({@link #apiToken}). Takes a subdomain or a cloudId.
     */
    public String siteUrl(String cloudIdOrSubdomain) {
        return baseUrl() + "/site/" + tenant().world().site(cloudIdOrSubdomain).map(Site::subdomain)
                .orElseThrow(() -> new IllegalArgumentException("no site " + cloudIdOrSubdomain + " in this world"));
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

    /** The key this world's Nango environment signs its webhooks with: the Nango SDK's {@code webhookSigningKey}. */
    public String nangoWebhookSigningKey() {
        return tenant().world().nango().webhookSigningKey()
                .orElseThrow(() -> new IllegalStateException("this world's Nango environment has no webhook signing key"));
    }

    /**
     * Where a provider sends its webhooks for a Nango integration (Nango's {@code webhook_url}, {@code /webhook/{environmentUuid}/{key}}):
     * register it as a Jira webhook's URL, and Nango forwards the events to this world's Nango webhook URLs.
     */
    public String nangoProviderWebhookUrl(String integration) {
        return nangoUrl() + "/webhook/" + tenant().world().nango().environmentUuid() + "/"
                + java.net.URLEncoder.encode(integration, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
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

    /**
     * A new API token of {@code user} (e-mail or account id) for HTTP Basic on {@link #siteUrl}, living 365 days on this
     * world's clock; {@link ApiToken#token()} is the value. See {@link SimulatorControl#createApiToken}.
     */
    public ApiToken apiToken(String user) {
        return control.createApiToken(user, null, null);
    }

    /** A new API token with a label and a lifetime of 1 to 365 days (null: 365). */
    public ApiToken apiToken(String user, String label, Duration lifetime) {
        return control.createApiToken(user, label, lifetime);
    }

    /** Revokes one of {@code user}'s API tokens from now on; false if the user does not hold it. */
    public boolean revokeApiToken(String user, String token) {
        return control.revokeApiToken(user, token);
    }

    /**
     * Sets (null: removes) a Data Center user's HTTP Basic password on instance {@code instance} ({@link #dcUrl}). A user
     * locked out by the CAPTCHA stays locked out; see {@link SimulatorControl#dcPassword}.
     */
    public void dcPassword(String instance, String username, String password) {
        control.dcPassword(instance, username, password);
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
