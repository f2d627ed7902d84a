package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One Nango environment: its secret keys (Nango insists on the UUID v4 form), its legacy public key, its name and
 * UUID, the key it signs its webhooks with, where those webhooks go, its integrations and its connections. See
 * {@code docs/nango.md}.
 *
 * @param environment       the environment's name, sent as {@code environment} in auth webhooks (default {@code dev})
 * @param environmentUuid   the environment's UUID, part of its webhook URL {@code /webhook/{environmentUuid}/{key}}
 *                          (default {@link #DEFAULT_ENVIRONMENT_UUID})
 * @param webhookSigningKey the key webhooks are signed with; not the secret key, though environments older than Nango's
 *                          signing keys got their secret key as signing key, and so does a world that sets none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"secretKeys", "publicKey", "environment", "environmentUuid", "webhookSigningKey", "webhooks", "integrations", "connections"})
public record NangoSettings(List<String> secretKeys, String publicKey, String environment, String environmentUuid, String webhookSigningKey,
                           Webhooks webhooks, List<Integration> integrations, List<Connection> connections) {
    public static final NangoSettings NONE = new NangoSettings(null, null, null, null);
    /** Nango accepts secret and public keys only in this form. */
    public static final String UUID_V4 = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";
    /** Any UUID, as Nango's webhook route checks its {@code environmentUuid}. */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";
    public static final String DEFAULT_ENVIRONMENT = "dev";
    public static final String DEFAULT_ENVIRONMENT_UUID = "5b0f3c1e-8d2a-4f6b-9c7e-1a2b3c4d5e6f";

    /**
     * Whether {@code key} has the form {@link #UUID_V4} describes, checked by hand: every Nango call presents its secret
     * key, and the expression was a fiftieth of a proxied call. The one check of the form, for secret and public keys.
     */
    public static boolean isUuidV4(String key) {
        if (key == null || key.length() != 36) return false;
        for (int i = 0; i < 36; i++) {
            char c = key.charAt(i);
            boolean ok = switch (i) {
                case 8, 13, 18, 23 -> c == '-';
                case 14 -> c == '4';
                case 19 -> c == '8' || c == '9' || c == 'a' || c == 'b' || c == 'A' || c == 'B';
                default -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            };
            if (!ok) return false;
        }
        return true;
    }

    public NangoSettings {
        secretKeys = secretKeys == null ? List.of() : List.copyOf(secretKeys);
        integrations = integrations == null ? List.of() : List.copyOf(integrations);
        connections = connections == null ? List.of() : List.copyOf(connections);
        if (environmentUuid != null && !dev.jirasim.simulator.common.Patterns.matches(environmentUuid, UUID)) {
            throw new IllegalArgumentException("nango.environmentUuid must be a UUID, not " + environmentUuid);
        }
        if (environment != null && environment.isBlank()) throw new IllegalArgumentException("nango.environment cannot be blank");
        if (webhookSigningKey != null && webhookSigningKey.isEmpty()) throw new IllegalArgumentException("nango.webhookSigningKey cannot be empty");
    }

    /** Keys, integrations and connections only: the environment's name, UUID, signing key and webhooks by default. */
    public NangoSettings(List<String> secretKeys, String publicKey, List<Integration> integrations, List<Connection> connections) {
        this(secretKeys, publicKey, null, null, null, null, integrations, connections);
    }

    public String environmentName() {
        return environment == null ? DEFAULT_ENVIRONMENT : environment;
    }

    public String environmentUuidOrDefault() {
        return environmentUuid == null ? DEFAULT_ENVIRONMENT_UUID : environmentUuid;
    }

    /** The signing key, else the first secret key (what Nango gave environments that predate signing keys), else none. */
    public Optional<String> signingKey() {
        if (webhookSigningKey != null) return Optional.of(webhookSigningKey);
        return secretKeys.stream().findFirst();
    }

    public Webhooks webhooksOrDefault() {
        return webhooks == null ? Webhooks.DEFAULTS : webhooks;
    }

    /**
     * Where the environment's webhooks go and which ones it sends: Nango's environment webhook settings
     * ({@code primary_url}, {@code secondary_url}, {@code on_*}). A new Nango environment sends every kind but async
     * action completions; with no URL nothing is sent at all. Both URLs receive every webhook.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhooks(String primaryUrl, String secondaryUrl, Boolean onAuthCreation, Boolean onAuthRefreshError,
                           Boolean onSyncCompletionAlways, Boolean onSyncError, Boolean onAsyncActionCompletion) {
        public static final Webhooks DEFAULTS = new Webhooks(null, null, null, null, null, null, null);

        public Webhooks {
            primaryUrl = url("primaryUrl", primaryUrl);
            secondaryUrl = url("secondaryUrl", secondaryUrl);
        }

        /** Only the primary URL, every toggle at Nango's default. */
        public static Webhooks to(String primaryUrl) {
            return new Webhooks(primaryUrl, null, null, null, null, null, null);
        }

        /** An absolute http(s) URL, or none (Nango stores an empty string as none). */
        static String url(String name, String value) {
            if (value == null || value.isBlank()) return null;
            java.net.URI uri;
            try {
                uri = new java.net.URI(value);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("nango.webhooks." + name + " is not a URL: " + value);
            }
            if (!uri.isAbsolute() || uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("nango.webhooks." + name + " must be an absolute http or https URL, not " + value);
            }
            return value;
        }

        public boolean authCreation() {
            return onAuthCreation == null || onAuthCreation;
        }

        public boolean authRefreshError() {
            return onAuthRefreshError == null || onAuthRefreshError;
        }

        public boolean syncCompletionAlways() {
            return onSyncCompletionAlways == null || onSyncCompletionAlways;
        }

        public boolean syncError() {
            return onSyncError == null || onSyncError;
        }

        public boolean asyncActionCompletion() {
            return onAsyncActionCompletion != null && onAsyncActionCompletion;
        }

        public boolean anyUrl() {
            return primaryUrl != null || secondaryUrl != null;
        }

        /** With a connection's override: it replaces the primary URL and drops the secondary (Nango's resolveWebhookSettings). */
        public Webhooks forConnection(String override) {
            if (override == null || override.isBlank()) return this;
            return new Webhooks(override, null, onAuthCreation, onAuthRefreshError, onSyncCompletionAlways, onSyncError, onAsyncActionCompletion);
        }

        /** Every toggle written out, the URLs as they are: what the control API shows. */
        public Webhooks resolved() {
            return new Webhooks(primaryUrl, secondaryUrl, authCreation(), authRefreshError(), syncCompletionAlways(), syncError(), asyncActionCompletion());
        }

        /** True when nothing differs from a new environment's settings. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isDefault() {
            return resolved().equals(DEFAULTS.resolved());
        }
    }

    /**
     * The providers a world file may name, and what the world itself must know of each: the name on the wire,
     * the display name Nango gives an integration that sets none, and whether the OAuth client is an app of
     * this world. How Nango talks to each provider is the nango package's {@code NangoProvider}, keyed by this.
     */
    public enum Provider {
        JIRA("jira", "Jira (OAuth)", true),
        // A Data Center client is an incoming link of the DC instance, which the world cannot check at load.
        JIRA_DATA_CENTER("jira-data-center", "Jira Data Center", false);

        private final String wire;
        private final String displayName;
        private final boolean usesWorldApp;

        Provider(String wire, String displayName, boolean usesWorldApp) {
            this.wire = wire;
            this.displayName = displayName;
            this.usesWorldApp = usesWorldApp;
        }

        public String wire() {
            return wire;
        }

        public String defaultDisplayName() {
            return displayName;
        }

        /** Whether an integration's {@code clientId} must name an app of this world. */
        public boolean usesWorldApp() {
            return usesWorldApp;
        }

        public static Optional<Provider> named(String wire) {
            return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst();
        }

        static String choices() {
            return Arrays.stream(values()).map(Provider::wire).collect(Collectors.joining(" or "));
        }
    }

    /**
     * An integration ("provider config"): a unique key, a {@link Provider} by its wire name and the OAuth
     * client it uses (for {@code jira}, an app of this world).
     *
     * @param forwardWebhooks whether provider webhooks it receives are forwarded to the environment's webhook URLs
     *                        (Nango's {@code forward_webhooks}; default true)
     * @param webhookSecret   the secret the provider signs its webhooks with ({@code X-Hub-Signature}), checked when set
     *                        (Nango's user-defined webhook secret for Jira)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Integration(String uniqueKey, String provider, String displayName, String clientId, String clientSecret,
                              List<String> scopes, java.time.Instant createdAt, Boolean forwardWebhooks, String webhookSecret) {
        public Integration(String uniqueKey, String provider, String displayName, String clientId, String clientSecret,
                           List<String> scopes, java.time.Instant createdAt) {
            this(uniqueKey, provider, displayName, clientId, clientSecret, scopes, createdAt, null, null);
        }

        public boolean forwardsWebhooks() {
            return forwardWebhooks == null || forwardWebhooks;
        }

        public Integration {
            Objects.requireNonNull(uniqueKey, "missing required field 'uniqueKey'");
            Objects.requireNonNull(provider, "missing required field 'provider'");
            Provider kind = Provider.named(provider).orElseThrow(() -> new IllegalArgumentException(
                    "integration " + uniqueKey + ": provider must be " + Provider.choices() + ", not " + provider));
            if (displayName == null) displayName = kind.defaultDisplayName();
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        /** The provider as a type (the constructor made sure the name is known). */
        public Provider kind() {
            return Provider.named(provider).orElseThrow();
        }
    }

    /** Stored OAuth 2.0 credentials, as Nango keeps them: the token answer's fields plus the whole answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credentials(String accessToken, String refreshToken, java.time.Instant expiresAt, Map<String, Object> raw) {
        public Credentials {
            Objects.requireNonNull(accessToken, "missing required field 'accessToken'");
            raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
        }
    }

    /**
     * A connection. In a world file either give {@code credentials}, or give {@code user} (and optionally
     * {@code sites}) to have tokens minted at load as if that user had completed the connect flow.
     * {@code webhookUrlOverride} replaces the environment's webhook URLs for this connection's webhooks.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"id", "connectionId", "integration", "connectionConfig", "credentials", "metadata", "tags", "endUser",
            "webhookUrlOverride", "createdAt", "updatedAt", "lastFetchedAt", "refreshFailedAt", "user", "sites"})
    public record Connection(Long id, String connectionId, String integration, Map<String, Object> connectionConfig,
                             Credentials credentials, Map<String, Object> metadata, Map<String, String> tags,
                             Map<String, Object> endUser, java.time.Instant createdAt, java.time.Instant updatedAt,
                             java.time.Instant lastFetchedAt, java.time.Instant refreshFailedAt, String user, List<String> sites,
                             String webhookUrlOverride) {
        public Connection {
            Objects.requireNonNull(connectionId, "missing required field 'connectionId'");
            Objects.requireNonNull(integration, "missing required field 'integration'");
            connectionConfig = connectionConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connectionConfig));
            tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
            sites = sites == null ? List.of() : List.copyOf(sites);
            webhookUrlOverride = Webhooks.url("connection " + connectionId + " webhookUrlOverride", webhookUrlOverride);
        }

        public Connection(Long id, String connectionId, String integration, Map<String, Object> connectionConfig,
                          Credentials credentials, Map<String, Object> metadata, Map<String, String> tags,
                          Map<String, Object> endUser, java.time.Instant createdAt, java.time.Instant updatedAt,
                          java.time.Instant lastFetchedAt, java.time.Instant refreshFailedAt, String user, List<String> sites) {
            this(id, connectionId, integration, connectionConfig, credentials, metadata, tags, endUser, createdAt, updatedAt, lastFetchedAt,
                    refreshFailedAt, user, sites, null);
        }

        public Connection withCredentials(Credentials next, java.time.Instant at) {
            return new Connection(id, connectionId, integration, connectionConfig, next, metadata, tags, endUser, createdAt, at,
                    lastFetchedAt, null, null, List.of(), webhookUrlOverride);
        }

        public Connection withConfig(Map<String, Object> config, java.time.Instant at) {
            return new Connection(id, connectionId, integration, config, credentials, metadata, tags, endUser, createdAt, at,
                    lastFetchedAt, refreshFailedAt, null, List.of(), webhookUrlOverride);
        }

        public Connection fetchedAt(java.time.Instant at) {
            return new Connection(id, connectionId, integration, connectionConfig, credentials, metadata, tags, endUser, createdAt,
                    updatedAt, at, refreshFailedAt, null, List.of(), webhookUrlOverride);
        }

        public Connection refreshFailed(java.time.Instant at) {
            return new Connection(id, connectionId, integration, connectionConfig, credentials, metadata, tags, endUser, createdAt,
                    updatedAt, lastFetchedAt, at, null, List.of(), webhookUrlOverride);
        }

        /** As a reconnection leaves it: the tags and webhook URL override of the new attempt (Nango's upsert). */
        public Connection reconnected(Map<String, String> nextTags, String nextOverride) {
            return new Connection(id, connectionId, integration, connectionConfig, credentials, metadata, nextTags == null ? tags : nextTags,
                    endUser, createdAt, updatedAt, lastFetchedAt, refreshFailedAt, null, List.of(), nextOverride);
        }
    }
}
