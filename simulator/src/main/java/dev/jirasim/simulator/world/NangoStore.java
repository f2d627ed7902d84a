package dev.jirasim.simulator.world;

import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A world's Nango environment: keys and integrations (fixed once built), connections (changed by the connect
 * flow, refreshes and deletes), and the short-lived connect and OAuth sessions. Every method on mutable
 * state is synchronized; refreshing one connection is serialised by {@link #refreshLock}, so concurrent
 * callers collapse onto one refresh, as Nango does.
 */
public final class NangoStore {
    /**
     * A connect session: who is connecting and what they may connect to; the tags and webhook URL override the
     * connection will get.
     */
    public record ConnectSession(String token, Map<String, Object> endUser, List<String> allowedIntegrations,
                                 Map<String, Map<String, Object>> configDefaults, Instant expiresAt, Map<String, String> tags,
                                 String webhookUrlOverride) {
    }

    /**
     * An OAuth dance in flight, keyed by its state. {@code tags} is null when no connect session started it (the
     * connection then keeps its tags, or gets none).
     */
    public record OAuthSession(String state, String integration, String connectionId, Map<String, Object> connectionConfig,
                               String codeVerifier, Map<String, Object> endUser, Instant createdAt, Map<String, String> tags,
                               String webhookUrlOverride) {
    }

    private final List<String> secretKeys;
    private final String publicKey;
    private final String environment;
    private final String environmentUuid;
    /** Set at load, changed by a rotation or the control API (a volatile swap: readers need no lock). */
    private volatile String webhookSigningKey;
    private volatile NangoSettings.Webhooks webhooks;
    private final Map<String, Integration> integrations = new LinkedHashMap<>();
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, ConnectSession> connectSessions = new HashMap<>();
    private final Map<String, OAuthSession> oauthSessions = new HashMap<>();
    private final Map<String, Object> refreshLocks = new ConcurrentHashMap<>();
    private long lastId;

    NangoStore(NangoSettings settings) {
        this.secretKeys = settings.secretKeys();
        this.publicKey = settings.publicKey();
        this.environment = settings.environmentName();
        this.environmentUuid = settings.environmentUuidOrDefault();
        this.webhookSigningKey = settings.signingKey().orElse(null);
        this.webhooks = settings.webhooksOrDefault();
        for (Integration i : settings.integrations()) {
            if (integrations.put(i.uniqueKey(), i) != null) throw new WorldException("duplicate Nango integration " + i.uniqueKey());
        }
    }

    public List<String> secretKeys() {
        return secretKeys;
    }

    public boolean knowsSecretKey(String key) {
        return secretKeys.contains(key);
    }

    public Optional<String> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /** The environment's name (Nango's {@code environment.name}). */
    public String environment() {
        return environment;
    }

    public String environmentUuid() {
        return environmentUuid;
    }

    /** The key webhooks are signed with; empty only for an environment with no key at all. */
    public Optional<String> webhookSigningKey() {
        return Optional.ofNullable(webhookSigningKey);
    }

    /** Replaces the signing key (a rotation); undone if the request that did it fails. */
    public synchronized void webhookSigningKey(String next) {
        String before = webhookSigningKey;
        webhookSigningKey = java.util.Objects.requireNonNull(next);
        UndoLog.note(() -> webhookSigningKey = before);
    }

    public NangoSettings.Webhooks webhooks() {
        return webhooks;
    }

    public synchronized void webhooks(NangoSettings.Webhooks next) {
        NangoSettings.Webhooks before = webhooks;
        webhooks = next == null ? NangoSettings.Webhooks.DEFAULTS : next;
        UndoLog.note(() -> webhooks = before);
    }

    public List<Integration> integrations() {
        return List.copyOf(integrations.values());
    }

    public Optional<Integration> integration(String key) {
        return Optional.ofNullable(key == null ? null : integrations.get(key));
    }

    // ---- connections ------------------------------------------------------------------------------

    private static String key(String integration, String connectionId) {
        return integration + "\u0000" + connectionId;
    }

    synchronized void load(Connection c) {
        long id = c.id() == null ? ++lastId : c.id();
        lastId = Math.max(lastId, id);
        var stored = new Connection(id, c.connectionId(), c.integration(), c.connectionConfig(), c.credentials(), c.metadata(), c.tags(),
                c.endUser(), c.createdAt(), c.updatedAt(), c.lastFetchedAt(), c.refreshFailedAt(), null, List.of(), c.webhookUrlOverride());
        if (connections.put(key(c.integration(), c.connectionId()), stored) != null) {
            throw new WorldException("duplicate Nango connection " + c.connectionId() + " for " + c.integration());
        }
    }

    public synchronized Optional<Connection> connection(String integration, String connectionId) {
        return Optional.ofNullable(connections.get(key(integration, connectionId)));
    }

    /** Connections in creation order. */
    public synchronized List<Connection> connections() {
        return new ArrayList<>(connections.values());
    }

    /** What {@link #upsert} did: Nango's {@code creation} of a new connection or {@code override} of an existing one. */
    public record Upserted(Connection connection, boolean created) {
    }

    /** Stores a new connection (a fresh id) or replaces the credentials and config of an existing one. */
    public Connection upsert(String integration, String connectionId, NangoSettings.Credentials credentials,
                             Map<String, Object> config, Map<String, Object> endUser, Instant now) {
        return upsert(integration, connectionId, credentials, config, endUser, null, null, now).connection();
    }

    /**
     * Stores a new connection or overrides an existing one, as Nango's upsert does: {@code tags} (null: an existing
     * connection keeps its own) and {@code webhookUrlOverride} (null: none) come from the attempt.
     */
    public synchronized Upserted upsert(String integration, String connectionId, NangoSettings.Credentials credentials,
                                        Map<String, Object> config, Map<String, Object> endUser, Map<String, String> tags,
                                        String webhookUrlOverride, Instant now) {
        Connection existing = connections.get(key(integration, connectionId));
        Connection next;
        if (existing == null) {
            next = new Connection(++lastId, connectionId, integration, config, credentials, null, tags, endUser, now, now, null, null, null, null,
                    webhookUrlOverride);
        } else {
            var merged = new LinkedHashMap<>(existing.connectionConfig());
            merged.putAll(config);
            next = existing.withCredentials(credentials, now).withConfig(merged, now).reconnected(tags, webhookUrlOverride);
        }
        // Ids are not handed back on an undo: a gap in ids is harmless, a reused one is not.
        UndoLog.put(connections, key(integration, connectionId), next, this);
        return new Upserted(next, existing == null);
    }

    /** Replaces a stored connection by its integration and id (no-op if it was deleted meanwhile). */
    public synchronized void update(Connection next) {
        if (connections.containsKey(key(next.integration(), next.connectionId()))) {
            UndoLog.put(connections, key(next.integration(), next.connectionId()), next, this);
        }
    }

    public synchronized boolean delete(String integration, String connectionId) {
        return UndoLog.remove(connections, key(integration, connectionId), this) != null;
    }

    public Object refreshLock(String integration, String connectionId) {
        return refreshLocks.computeIfAbsent(key(integration, connectionId), k -> new Object());
    }

    // ---- sessions -----------------------------------------------------------------------------------

    public synchronized void addConnectSession(ConnectSession s) {
        UndoLog.put(connectSessions, s.token(), s, this);
    }

    public synchronized Optional<ConnectSession> connectSession(String token) {
        return Optional.ofNullable(connectSessions.get(token));
    }

    public synchronized void addOAuthSession(OAuthSession s) {
        UndoLog.put(oauthSessions, s.state(), s, this);
    }

    /** Takes the session for a state: a callback can use it once. */
    public synchronized Optional<OAuthSession> takeOAuthSession(String state) {
        return Optional.ofNullable(state == null ? null : UndoLog.remove(oauthSessions, state, this));
    }

    /** The environment in world-file form (sessions are not part of it); webhook settings only when they are not the defaults. */
    public synchronized NangoSettings export() {
        NangoSettings.Webhooks hooks = webhooks.isDefault() ? null : webhooks;
        return new NangoSettings(secretKeys, publicKey, environment, environmentUuid, webhookSigningKey, hooks,
                List.copyOf(integrations.values()), List.copyOf(connections.values()));
    }
}
