package dev.jirasim.simulator.world;

import dev.jirasim.simulator.clock.SimClock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The state of one tenant: sites, users, apps, consent setting, auth policy and tokens, all reading one
 * clock. Built from a {@link WorldFile} by {@link WorldLoader} (which validates it) and exported back to one.
 * Reference data is immutable once built, but for users' API tokens ({@link #changeApiTokens}); token state
 * changes through {@link #tokens()}.
 */
public final class World {
    private final SimClock clock;
    private final AuthPolicy policy;
    private final Map<String, Site> sitesBySubdomain = new LinkedHashMap<>();
    private final Map<String, Site> sitesByCloudId = new LinkedHashMap<>();
    private final Map<String, User> usersById = new LinkedHashMap<>();
    private final Map<String, OAuthApp> apps = new LinkedHashMap<>();
    private final TokenStore tokens;
    private NangoStore nango;
    private final Map<String, DcRuntime> dataCenter = new LinkedHashMap<>();
    private final JiraSettings jiraSettings;
    private final JiraData jira = new JiraData(usersById);
    private volatile Consent consent;
    private final CloudOptions cloud;
    private final WebhookSettings.Jira webhookOptions;
    private final JiraWebhooks webhooks = new JiraWebhooks();
    private volatile IssueEvent.Listener events = IssueEvent.Listener.NONE;
    private final AtomicLong resourceListings = new AtomicLong();
    /** Serializes changes to users; only their API tokens change once the world is built. */
    private final Object userChanges = new Object();
    /** Written after each change to a user, read before each read of one: publishes the new record to every thread. */
    private volatile long userVersion;
    private final ConcurrentMap<Derived<?>, Object> derived = new ConcurrentHashMap<>();

    World(WorldFile file, SimClock clock) {
        this.clock = clock;
        this.policy = file.auth();
        this.consent = file.consent();
        this.jiraSettings = file.jira();
        this.cloud = file.cloud();
        this.webhookOptions = (file.webhooks() == null ? WebhookSettings.DEFAULTS : file.webhooks()).jira().withRegistrations(List.of());
        this.tokens = new TokenStore(clock, () -> this.policy);
    }

    /** Builds a world from a file, checking that every reference resolves (see {@link WorldLoader}). */
    public static World of(WorldFile file, SimClock clock) {
        return WorldLoader.load(file, clock);
    }

    // ---- filled in by WorldLoader only, before anyone else sees the world ---------------------------------

    void addSite(Site site) {
        sitesBySubdomain.put(site.subdomain(), site);
        sitesByCloudId.put(site.cloudId(), site);
    }

    void addUser(User user) {
        usersById.put(user.accountId(), user);
    }

    void addApp(OAuthApp app) {
        apps.put(app.clientId(), app);
    }

    void nango(NangoStore store) {
        this.nango = store;
    }

    void addDataCenter(String id, DcRuntime dc) {
        dataCenter.put(id, dc);
    }

    // ---- the live world ---------------------------------------------------------------------------------

    public Optional<DcRuntime> dataCenter(String id) {
        return Optional.ofNullable(id == null ? null : dataCenter.get(id));
    }

    /** The whole world in file form; importing it gives an equal world. */
    public WorldFile export() {
        // Generated issues are written out as ordinary issues, so the export alone rebuilds the same world.
        return new WorldFile(WorldFile.CURRENT_VERSION, policy, jiraSettings, List.copyOf(sitesBySubdomain.values()),
                List.copyOf(usersById.values()), List.copyOf(apps.values()), consent, jira.allProjects(), null,
                jira.allIssues(), tokens.snapshot(), nangoExport(), dataCenter.values().stream().map(DcRuntime::exported).toList(), cloud,
                webhooksExport());
    }

    private WebhookSettings webhooksExport() {
        WebhookSettings.Jira j = webhookOptions.withRegistrations(webhooks.all());
        return j.equals(WebhookSettings.Jira.DEFAULTS) ? null : new WebhookSettings(j);
    }

    /** The Jira dynamic webhooks registered in this world. */
    public JiraWebhooks jiraWebhooks() {
        return webhooks;
    }

    /** How Jira's webhooks are delivered in this world (its registrations are in {@link #jiraWebhooks()}). */
    public WebhookSettings.Jira jiraWebhookOptions() {
        return webhookOptions;
    }

    /**
     * Who hears of every change to Cloud issues (Jira's webhook events). Set by whoever builds the world for a
     * tenant, before the world is used.
     */
    public void events(IssueEvent.Listener listener) {
        this.events = listener == null ? IssueEvent.Listener.NONE : listener;
    }

    private NangoSettings nangoExport() {
        NangoSettings n = nango.export();
        boolean empty = n.secretKeys().isEmpty() && n.integrations().isEmpty() && n.connections().isEmpty() && n.publicKey() == null
                && n.webhooks() == null && n.webhookSigningKey() == null && n.environmentName().equals(NangoSettings.DEFAULT_ENVIRONMENT)
                && n.environmentUuidOrDefault().equals(NangoSettings.DEFAULT_ENVIRONMENT_UUID);
        return empty ? null : n;
    }

    /** The world's Nango environment. */
    public NangoStore nango() {
        return nango;
    }

    public SimClock clock() {
        return clock;
    }

    /** How the simulated cloud presents its sites (defaults when the world file has no {@code cloud}). */
    public CloudOptions cloud() {
        return cloud == null ? CloudOptions.DEFAULTS : cloud;
    }

    /**
     * The sites of one accessible-resources answer in the order to list them: as given, or, with
     * {@link CloudOptions#shuffleAccessibleResources()}, rotated one place further on each request. A rotation
     * rather than a random shuffle: the first answer never starts with the first site, and two answers in a row
     * never start with the same one, so a client that takes {@code [0]} fails the same way on every run.
     */
    public <T> List<T> accessibleOrder(List<T> sites) {
        if (!cloud().shuffleAccessibleResources() || sites.size() < 2) return sites;
        int shift = (int) ((resourceListings.getAndIncrement() + 1) % sites.size());
        var out = new ArrayList<T>(sites.size());
        for (int i = 0; i < sites.size(); i++) out.add(sites.get((i + shift) % sites.size()));
        return out;
    }

    /**
     * The URL that names a site in answers (accessible-resources, {@code serverInfo.baseUrl}, {@code myself}):
     * its real {@code https://{subdomain}.atlassian.net}, or with {@link CloudOptions.SiteUrls#LOCAL} this
     * simulator's site host under {@code publicUrl}.
     */
    public String siteUrl(Site site, String publicUrl) {
        return cloud().siteUrls() == CloudOptions.SiteUrls.LOCAL ? publicUrl + "/site/" + site.subdomain() : site.url();
    }

    public AuthPolicy policy() {
        return policy;
    }

    public TokenStore tokens() {
        return tokens;
    }

    /**
     * State derived from this world and thrown away with it (search indexes): built once per key, on first
     * use, so replacing or resetting the world can never leave a stale index behind.
     */
    public <T> T derived(Derived<T> key, Supplier<T> build) {
        @SuppressWarnings("unchecked") // a key's values are only ever put through this method, built by a Supplier<T>
        T value = (T) derived.computeIfAbsent(key, k -> build.get());
        return value;
    }

    /**
     * A key for {@link #derived}: it fixes the value's type, and keys compare by identity (two owners never
     * collide on a name), so each owner keeps its keys as constants. {@link #of} gives one key per site.
     */
    public static final class Derived<T> {
        private final Derived<T> root; // null for a key made by named()
        private final String label;

        private Derived(Derived<T> root, String label) {
            this.root = root;
            this.label = label;
        }

        /** A new key, distinct from every other; {@code name} only labels it for debugging. */
        public static <T> Derived<T> named(String name) {
            return new Derived<>(null, name);
        }

        /** This key for one site (or other part): equal to the same key for the same part. */
        public Derived<T> of(String part) {
            if (root != null) throw new IllegalStateException("already a per-part key: " + this);
            return new Derived<>(this, Objects.requireNonNull(part));
        }

        @Override
        public boolean equals(Object o) {
            return o == this || root != null && o instanceof Derived<?> d && d.root == root && d.label.equals(label);
        }

        @Override
        public int hashCode() {
            return root == null ? System.identityHashCode(this) : 31 * System.identityHashCode(root) + label.hashCode();
        }

        @Override
        public String toString() {
            return root == null ? label : root.label + ":" + label;
        }
    }

    public JiraData jira() {
        return jira;
    }

    public JiraSettings jiraSettings() {
        return jiraSettings;
    }

    /**
     * Stores an edited issue with a changelog entry for what changed, by {@code author} (an account id), at the
     * world's now. The one way issues change, so the history is complete.
     */
    public Issue updateIssue(Issue before, Issue after, String author) {
        Issue stored = jira.update(IssueHistory.record(before, after, author, clock.now(), i -> jira.nextChangeId(), names(after.site())));
        tell(IssueEvent.ofEdit(before, stored, author));
        return stored;
    }

    /** Creates a Cloud issue (see {@link JiraData#create}) made by {@code author}, and tells the listener. */
    public Issue createIssue(String site, String projectKey, java.util.function.UnaryOperator<Issue> fill, Issue template, String author) {
        Issue created = jira.create(site, projectKey, fill, template);
        tell(List.of(new IssueEvent.Created(created, author)));
        return created;
    }

    /** Deletes a Cloud issue, by {@code author}, and tells the listener; false when it was not there. */
    public boolean deleteIssue(Issue issue, String author) {
        if (!jira.delete(issue)) return false;
        tell(List.of(new IssueEvent.Deleted(issue, author)));
        return true;
    }

    private void tell(List<IssueEvent> happened) {
        if (!happened.isEmpty()) events.on(happened);
    }

    /** How a site's changelog items name people, fields, parts and issues. */
    public IssueHistory.Names names(String site) {
        return new IssueHistory.Names() {
            @Override
            public String displayName(String person) {
                return user(person).map(User::displayName).orElse(person);
            }

            @Override
            public Optional<CustomField> customField(String id) {
                return jiraSettings.customField(site, id);
            }

            @Override
            public Optional<Project> project(String key) {
                return jira.project(site, key);
            }

            @Override
            public Optional<Issue> issue(String keyOrId) {
                return jira.issue(site, keyOrId);
            }

            @Override
            public Optional<String> sprint(long id) {
                return jiraSettings.sprint(site, id).map(Sprint::name);
            }
        };
    }

    public Consent consent() {
        return consent;
    }

    /** Switches between interactive and automatic consent; validated against this world. */
    public void consent(Consent next) {
        WorldLoader.checkConsent(this, next);
        Consent previous = this.consent;
        this.consent = next;
        UndoLog.note(() -> this.consent = previous);
    }

    public Collection<Site> sites() {
        return sitesBySubdomain.values();
    }

    /** A site by subdomain or cloudId. */
    public Optional<Site> site(String ref) {
        if (ref == null) return Optional.empty();
        Site s = sitesBySubdomain.get(ref);
        return s != null ? Optional.of(s) : Optional.ofNullable(sitesByCloudId.get(ref));
    }

    public Collection<User> users() {
        long published = userVersion; // the volatile read that makes the latest change visible
        return usersById.values();
    }

    /** A user by account id or e-mail address. */
    public Optional<User> user(String ref) {
        if (ref == null) return Optional.empty();
        long published = userVersion; // as in users()
        User byId = usersById.get(ref);
        if (byId != null) return Optional.of(byId);
        return usersById.values().stream().filter(u -> u.matches(ref)).findFirst();
    }

    /**
     * Replaces the API tokens of the user with this account id by what {@code change} makes of them, atomically,
     * and returns the user as now stored. The user's record is replaced in its place: the set of users never changes
     * once the world is built, so a reader iterating {@link #users()} meanwhile is safe and sees the old record or
     * the new one. An unknown account id throws {@link WorldException}.
     */
    public User changeApiTokens(String accountId, UnaryOperator<List<ApiToken>> change) {
        synchronized (userChanges) {
            User before = usersById.get(accountId);
            if (before == null) throw new WorldException("unknown user " + accountId);
            User after = before.withApiTokens(change.apply(before.apiTokens()));
            usersById.put(accountId, after);
            userVersion++;
            UndoLog.note(() -> {
                synchronized (userChanges) {
                    usersById.put(accountId, before);
                    userVersion++;
                }
            });
            return after;
        }
    }

    public Optional<OAuthApp> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
    }

    public Collection<OAuthApp> apps() {
        return Collections.unmodifiableCollection(apps.values());
    }
}
