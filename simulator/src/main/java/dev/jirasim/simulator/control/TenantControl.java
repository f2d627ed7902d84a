package dev.jirasim.simulator.control;

import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.webhooks.DeliveryAttempt;
import dev.jirasim.simulator.webhooks.DeliveryFault;
import dev.jirasim.simulator.world.ApiToken;
import dev.jirasim.simulator.world.AuthorizationCode;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.Grant;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.TokenPair;
import dev.jirasim.simulator.world.TokenState;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link SimulatorControl} in process, on one tenant. */
public final class TenantControl implements SimulatorControl {
    private final Tenant tenant;
    private final String baseUrl;

    /** {@code baseUrl} is where the tenant is served: what {@code ${publicUrl}} means in a world file's text. */
    public TenantControl(Tenant tenant, String baseUrl) {
        this.tenant = tenant;
        this.baseUrl = baseUrl;
    }

    @Override
    public void reset() {
        tenant.reset();
    }

    @Override
    public WorldFile exportWorld() {
        return tenant.world().export();
    }

    @Override
    public void replaceWorld(WorldFile world) {
        tenant.replace(world);
    }

    @Override
    public void replaceWorld(String worldFile) {
        try {
            tenant.replace(WorldFiles.parse(worldFile == null ? "" : worldFile, baseUrl));
        } catch (IllegalArgumentException e) {
            // A value a record refuses is as much an invalid world as a dangling reference: one exception type, as over HTTP.
            throw new WorldException(e.getMessage(), e);
        }
    }

    @Override
    public Instant now() {
        return tenant.clock().now();
    }

    @Override
    public boolean clockFrozen() {
        return tenant.clock().frozen();
    }

    @Override
    public void setClock(Instant now, Boolean frozen) {
        // Checked before anything moves: a refused request changes nothing.
        if (now != null && !dev.jirasim.simulator.clock.SimClock.inRange(now)) {
            throw new IllegalArgumentException("the clock must stay between " + dev.jirasim.simulator.clock.SimClock.EARLIEST
                    + " and " + dev.jirasim.simulator.clock.SimClock.LATEST + ", not " + now);
        }
        if (Boolean.TRUE.equals(frozen)) tenant.clock().freeze();
        if (now != null) tenant.clock().set(now);
        if (Boolean.FALSE.equals(frozen)) tenant.clock().unfreeze();
    }

    @Override
    public void advanceClock(Duration by) {
        tenant.clock().advance(by);
    }

    @Override
    public Consent consent() {
        return tenant.world().consent();
    }

    @Override
    public void consent(Consent consent) {
        tenant.world().consent(consent);
    }

    @Override
    public TokenState tokens() {
        return tenant.world().tokens().snapshot();
    }

    @Override
    public IssuedTokens issueTokens(TokenRequestSpec spec) {
        World world = tenant.world();
        if (spec.user() == null) throw new WorldException("tokens need a user");
        User user = world.user(spec.user()).orElseThrow(() -> new WorldException("unknown user " + spec.user()));
        OAuthApp app = spec.clientId() == null
                ? world.apps().stream().findFirst().orElseThrow(() -> new WorldException("the world has no OAuth app"))
                : world.app(spec.clientId()).orElseThrow(() -> new WorldException("unknown app " + spec.clientId()));
        if (app.distribution() == OAuthApp.Distribution.PRIVATE && !user.matches(app.owner())) {
            throw new WorldException("app " + app.clientId() + " is private to its owner; " + user.email() + " cannot authorize it");
        }
        var cloudIds = new ArrayList<String>();
        List<String> refs = spec.sites() == null ? user.sites() : spec.sites();
        for (String ref : refs) {
            Site site = world.site(ref).filter(s -> user.memberOf(s.subdomain()))
                    .orElseThrow(() -> new WorldException(user.email() + " has no access to site " + ref));
            if (!cloudIds.contains(site.cloudId())) cloudIds.add(site.cloudId());
        }
        if (cloudIds.isEmpty()) throw new WorldException(user.email() + " is on no site");
        List<String> scopes = spec.scopes() == null ? TokenRequestSpec.DEFAULT_SCOPES : spec.scopes();
        if (spec.scopes() != null) {
            // The consent page's rule: only scopes the app has enabled (offline_access always may be asked for).
            if (scopes.isEmpty()) throw new WorldException("scopes must not be empty: leave it out for the default scopes");
            for (String s : scopes) {
                if (s == null || (!s.equals(TokenStore.OFFLINE_ACCESS) && !app.scopes().contains(s))) {
                    throw new WorldException("the scope '" + s + "' is not enabled for app " + app.clientId());
                }
            }
        }
        // The same path as consent + exchange, so lifetimes, rotation and scopes cannot drift from the real flow.
        TokenPair pair = world.tokens().issueDirect(app.clientId(), user.accountId(), scopes, cloudIds);
        String grantId = world.tokens().authenticate(pair.access().token()).map(session -> session.grant().id()).orElse(null);
        return IssuedTokens.of(pair, grantId);
    }

    @Override
    public boolean revokeGrant(String grantId) {
        return tenant.world().tokens().revokeGrant(grantId);
    }

    @Override
    public boolean revokeToken(String tokenOrId) {
        return tenant.world().tokens().revokeToken(tokenOrId);
    }

    @Override
    public int revokeUser(String user) {
        var found = tenant.world().user(user).orElseThrow(() -> new WorldException("unknown user " + user));
        return tenant.world().tokens().revokeUser(found.accountId());
    }

    @Override
    public ApiToken createApiToken(String user, String label, Duration lifetime) {
        World world = tenant.world();
        User found = world.user(user).orElseThrow(() -> new WorldException("unknown user " + user));
        ApiToken created = ApiToken.issue(label, world.clock().now(), lifetime);
        world.changeApiTokens(found.accountId(), tokens -> append(tokens, created));
        return created;
    }

    private static List<ApiToken> append(List<ApiToken> tokens, ApiToken token) {
        var next = new ArrayList<>(tokens);
        next.add(token);
        return next;
    }

    @Override
    public boolean revokeApiToken(String user, String token) {
        World world = tenant.world();
        User found = world.user(user).orElse(null);
        // Tokens are never removed from a user, so one held now is still held inside the change.
        if (found == null || found.apiTokens().stream().noneMatch(t -> t.token().equals(token))) return false;
        var now = world.clock().now();
        world.changeApiTokens(found.accountId(), tokens -> tokens.stream().map(t -> t.token().equals(token) ? t.revoke(now) : t).toList());
        return true;
    }

    @Override
    public void dcPassword(String instance, String username, String password) {
        tenant.world().dataCenter(instance).orElseThrow(() -> new WorldException("unknown Data Center instance " + instance))
                .password(username, password);
    }

    @Override
    public List<Fault> addFaults(List<FaultRule> rules) {
        return tenant.faults().add(rules);
    }

    @Override
    public List<Fault> faults() {
        return tenant.faults().list();
    }

    @Override
    public boolean removeFault(String id) {
        return tenant.faults().remove(id);
    }

    @Override
    public void clearFaults() {
        tenant.faults().clear();
    }

    @Override
    public void dcConsent(String instance, dev.jirasim.simulator.world.DcInstance.DcConsent consent) {
        tenant.world().dataCenter(instance).orElseThrow(() -> new WorldException("unknown Data Center instance " + instance)).consent(consent);
    }

    @Override
    public List<JournalEntry> journal() {
        return tenant.journal().list();
    }

    @Override
    public void clearJournal() {
        tenant.journal().clear();
    }

    @Override
    public List<DeliveryAttempt> webhookDeliveries() {
        return tenant.webhooks().attempts();
    }

    @Override
    public void clearWebhookDeliveries() {
        tenant.webhooks().clear();
    }

    @Override
    public boolean awaitWebhooksIdle(Duration timeout) {
        if (timeout == null || timeout.isNegative()) throw new IllegalArgumentException("the timeout must be zero or more, not " + timeout);
        return tenant.webhooks().awaitIdle(timeout);
    }

    @Override
    public DeliveryFault addWebhookFault(DeliveryFault fault) {
        if (fault == null) throw new IllegalArgumentException("a fault is required");
        return tenant.webhooks().addFault(fault);
    }

    @Override
    public List<DeliveryFault> webhookFaults() {
        return tenant.webhooks().faults();
    }

    @Override
    public void clearWebhookFaults() {
        tenant.webhooks().clearFaults();
    }

    @Override
    public NangoSettings.Webhooks nangoWebhooks() {
        return tenant.world().nango().webhooks().resolved();
    }

    @Override
    public void nangoWebhooks(NangoSettings.Webhooks settings) {
        tenant.world().nango().webhooks(settings);
    }

    @Override
    public String nangoWebhookSigningKey() {
        return tenant.world().nango().webhookSigningKey().orElse(null);
    }
}
