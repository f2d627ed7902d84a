package dev.jirasim.simulator.world;

import dev.jirasim.simulator.clock.SimClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one tenant: sites, users, apps, consent setting, auth policy and tokens, all reading one
 * clock. Built from a {@link WorldFile} (which it validates) and exported back to one. Reference data is
 * immutable once built; token state changes through {@link #tokens()}.
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
    private final java.util.concurrent.ConcurrentMap<Derived<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    private World(WorldFile file, SimClock clock) {
        this.clock = clock;
        this.policy = file.auth();
        this.consent = file.consent();
        this.jiraSettings = file.jira();
        this.tokens = new TokenStore(clock, () -> this.policy);
    }

    /** Builds a world from a file, checking that every reference resolves. */
    public static World of(WorldFile file, SimClock clock) {
        var world = new World(file, clock);
        for (Site site : file.sites()) {
            requireUnique(world.sitesBySubdomain.put(site.subdomain(), site), "site subdomain", site.subdomain());
            requireUnique(world.sitesByCloudId.put(site.cloudId(), site), "site cloudId", site.cloudId());
        }
        Set<String> emails = new HashSet<>();
        for (User listed : file.users()) {
            // Sites may be named by subdomain or cloudId; the world keeps subdomains.
            User user = new User(listed.accountId(), listed.email(), listed.displayName(), listed.nickname(), listed.zoneinfo(),
                    listed.locale(), listed.accountStatus(), world.subdomains(listed.sites(), listed.email()),
                    world.subdomains(listed.siteAdmin(), listed.email()));
            requireUnique(world.usersById.put(user.accountId(), user), "user accountId", user.accountId());
            if (!emails.add(user.email().toLowerCase())) throw new WorldException("duplicate user email: " + user.email());
            for (String s : user.siteAdmin()) {
                if (!user.memberOf(s)) throw new WorldException("user " + user.email() + " is admin of " + s + " but not a member");
            }
        }
        for (OAuthApp app : file.apps()) {
            requireUnique(world.apps.put(app.clientId(), app), "app clientId", app.clientId());
            if (app.owner() != null && world.user(app.owner()).isEmpty()) {
                throw new WorldException("app " + app.clientId() + " has unknown owner " + app.owner());
            }
        }
        world.loadJira(file);
        world.checkConsent(file.consent());
        world.checkTokens(file.tokens());
        world.tokens.load(file.tokens());
        world.loadNango(file.nango() == null ? NangoSettings.NONE : file.nango());
        world.loadDataCenter(file.dataCenter());
        return world;
    }

    private void loadDataCenter(List<DcInstance> instances) {
        for (DcInstance dc : instances) {
            var names = new HashSet<String>();
            var keys = new HashSet<String>();
            for (var u : dc.users()) {
                if (!names.add(u.name().toLowerCase()) || !keys.add(u.key())) throw new WorldException("DC " + dc.id() + ": duplicate user " + u.name());
            }
            var clients = new HashSet<String>();
            for (var l : dc.links()) {
                if (!clients.add(l.clientId())) throw new WorldException("DC " + dc.id() + ": duplicate incoming link " + l.clientId());
                for (String s : l.scopes()) {
                    if (!DcRuntime.SCOPES.contains(s)) throw new WorldException("DC " + dc.id() + ": link " + l.clientId() + " has unknown scope " + s);
                }
            }
            for (var pat : dc.personalAccessTokens()) {
                if (dc.user(pat.user()).isEmpty()) throw new WorldException("DC " + dc.id() + ": personal access token of unknown user " + pat.user());
            }
            if (dc.consent().auto() && dc.user(dc.consent().user()).isEmpty()) {
                throw new WorldException("DC " + dc.id() + ": consent names unknown user " + dc.consent().user());
            }
            if (dataCenter.put(dc.id(), new DcRuntime(dc, clock)) != null) throw new WorldException("duplicate DC instance " + dc.id());
        }
    }

    public Optional<DcRuntime> dataCenter(String id) {
        return Optional.ofNullable(id == null ? null : dataCenter.get(id));
    }

    private void loadNango(NangoSettings settings) {
        for (String key : settings.secretKeys()) {
            if (!key.matches(NangoSettings.UUID_V4)) throw new WorldException("Nango secret key must be a UUID v4 (Nango checks the form): " + key);
        }
        nango = new NangoStore(settings);
        for (var i : settings.integrations()) {
            if (i.kind().usesWorldApp() && (i.clientId() == null || app(i.clientId()).isEmpty())) {
                throw new WorldException("Nango integration " + i.uniqueKey() + " names unknown app " + i.clientId());
            }
        }
        for (var c : settings.connections()) {
            var integration = nango.integration(c.integration())
                    .orElseThrow(() -> new WorldException("Nango connection " + c.connectionId() + " names unknown integration " + c.integration()));
            NangoSettings.Connection stored = c;
            if (c.credentials() == null) {
                if (c.user() == null) throw new WorldException("Nango connection " + c.connectionId() + " needs credentials or a user");
                stored = minted(c, integration);
            }
            nango.load(stored);
        }
    }

    /** Tokens for a seeded connection, as if its user had just completed the connect flow. */
    private NangoSettings.Connection minted(NangoSettings.Connection c, NangoSettings.Integration integration) {
        User u = user(c.user()).orElseThrow(() -> new WorldException("Nango connection " + c.connectionId() + " names unknown user " + c.user()));
        var cloudIds = new ArrayList<String>();
        for (String ref : c.sites().isEmpty() ? u.sites() : c.sites()) {
            Site site = site(ref).filter(s -> u.memberOf(s.subdomain()))
                    .orElseThrow(() -> new WorldException("Nango connection " + c.connectionId() + ": " + u.email() + " is not on site " + ref));
            cloudIds.add(site.cloudId());
        }
        TokenPair pair = tokens.issueDirect(integration.clientId(), u.accountId(), integration.scopes(), cloudIds);
        Instant now = clock.now();
        var raw = new LinkedHashMap<String, Object>();
        raw.put("access_token", pair.access().token());
        if (pair.refresh() != null) raw.put("refresh_token", pair.refresh().token());
        raw.put("expires_in", (int) pair.expiresIn()); // as a JSON round trip reads it back
        raw.put("scope", String.join(" ", pair.scopes()));
        raw.put("token_type", "Bearer");
        var config = new LinkedHashMap<String, Object>(c.connectionConfig());
        Site first = site(cloudIds.get(0)).orElseThrow();
        config.putIfAbsent("cloudId", first.cloudId());
        config.putIfAbsent("baseUrl", first.url());
        config.putIfAbsent("accountId", u.accountId());
        var credentials = new NangoSettings.Credentials(pair.access().token(), pair.refresh() == null ? null : pair.refresh().token(),
                now.plusSeconds(pair.expiresIn()), raw);
        return new NangoSettings.Connection(c.id(), c.connectionId(), c.integration(), config, credentials, c.metadata(), c.tags(),
                c.endUser(), c.createdAt() == null ? now : c.createdAt(), c.updatedAt() == null ? now : c.updatedAt(), null, null, null, null);
    }

    private void loadJira(WorldFile file) {
        for (Project p : file.projects()) {
            requireSite(p.site(), "project " + p.key());
            if (p.lead() != null && user(p.lead()).isEmpty()) throw new WorldException("project " + p.key() + " has unknown lead " + p.lead());
            for (String who : p.permissions().keySet()) {
                if (!who.equals("*") && user(who).isEmpty()) throw new WorldException("project " + p.key() + " grants permissions to unknown user " + who);
            }
            jira.addProject(p);
        }
        for (Issue issue : file.issues()) {
            for (String person : new String[] {issue.assignee(), issue.reporter(), issue.creator()}) {
                if (person != null && !usersById.containsKey(person)) throw new WorldException("issue " + issue.key() + " names unknown account " + person);
            }
            if (JiraCatalog.status(issue.status()).isEmpty()) throw new WorldException("issue " + issue.key() + " has unknown status " + issue.status());
            if (JiraCatalog.issueType(issue.issueType()).isEmpty()) throw new WorldException("issue " + issue.key() + " has unknown issue type " + issue.issueType());
            if (JiraCatalog.priority(issue.priority()).isEmpty()) throw new WorldException("issue " + issue.key() + " has unknown priority " + issue.priority());
            jira.load(issue);
        }
        if (file.generateIssues() != null) {
            long nextId = Math.max(10_000, jira.allIssues().stream().mapToLong(i -> Long.parseLong(i.id())).max().orElse(10_000)) + 1;
            for (Project p : file.projects()) {
                var people = usersById.values().stream().filter(u -> u.memberOf(p.site())).map(User::accountId).toList();
                for (Issue issue : IssueGenerator.generate(file.generateIssues(), p, people, nextId)) {
                    if (jira.issue(p.site(), issue.key()).isPresent()) continue;
                    jira.load(issue);
                }
                nextId += file.generateIssues().perProject();
            }
        }
    }

    private static void requireUnique(Object previous, String what, String value) {
        if (previous != null) throw new WorldException("duplicate " + what + ": " + value);
    }

    private java.util.List<String> subdomains(java.util.List<String> refs, String who) {
        return refs.stream().map(r -> requireSite(r, "user " + who).subdomain()).distinct().toList();
    }

    private Site requireSite(String ref, String context) {
        return site(ref).orElseThrow(() -> new WorldException(context + " names unknown site " + ref));
    }

    private void checkConsent(Consent c) {
        if (c.mode() != Consent.Mode.AUTO) return;
        User user = user(c.user()).orElseThrow(() -> new WorldException("consent names unknown user " + c.user()));
        if (c.decision() == Consent.Decision.APPROVE && (c.sites() == null ? user.sites().isEmpty() : c.sites().isEmpty())) {
            throw new WorldException("consent: approving needs at least one site, and " + user.email() + " would grant none");
        }
        if (c.sites() != null) {
            for (String ref : c.sites()) {
                Site site = requireSite(ref, "consent");
                if (!user.memberOf(site.subdomain())) {
                    throw new WorldException("consent: " + user.email() + " is not a member of site " + site.subdomain());
                }
            }
        }
    }

    private void checkTokens(TokenState state) {
        Set<String> grantIds = new HashSet<>();
        for (Grant g : state.grants()) {
            if (g.id() == null || g.clientId() == null || g.accountId() == null || g.createdAt() == null) {
                throw new WorldException("a grant needs id, clientId, accountId and createdAt");
            }
            if (!grantIds.add(g.id())) throw new WorldException("duplicate grant id: " + g.id());
            if (!apps.containsKey(g.clientId())) throw new WorldException("grant " + g.id() + " names unknown app " + g.clientId());
            if (!usersById.containsKey(g.accountId())) throw new WorldException("grant " + g.id() + " names unknown user " + g.accountId());
            for (String cloudId : g.siteScopes().keySet()) {
                if (!sitesByCloudId.containsKey(cloudId)) throw new WorldException("grant " + g.id() + " names unknown site " + cloudId);
            }
        }
        Set<String> refreshIds = new HashSet<>();
        for (RefreshToken t : state.refreshTokens()) {
            if (t.id() == null || t.token() == null || t.familyId() == null || t.familyStartedAt() == null || t.issuedAt() == null) {
                throw new WorldException("a refresh token needs id, token, grantId, familyId, familyStartedAt and issuedAt");
            }
            if (!grantIds.contains(t.grantId())) throw new WorldException("refresh token " + t.id() + " names unknown grant " + t.grantId());
            if (!refreshIds.add(t.id())) throw new WorldException("duplicate refresh token id: " + t.id());
        }
        Set<String> accessIds = new HashSet<>();
        for (AccessToken t : state.accessTokens()) {
            if (t.id() == null || t.token() == null || t.issuedAt() == null || t.expiresAt() == null) {
                throw new WorldException("an access token needs id, token, grantId, issuedAt and expiresAt");
            }
            if (!accessIds.add(t.id())) throw new WorldException("duplicate access token id: " + t.id());
            if (!grantIds.contains(t.grantId())) throw new WorldException("access token " + t.id() + " names unknown grant " + t.grantId());
            if (t.refreshTokenId() != null && !refreshIds.contains(t.refreshTokenId())) {
                throw new WorldException("access token " + t.id() + " names unknown refresh token " + t.refreshTokenId());
            }
        }
        Set<String> codes = new HashSet<>();
        for (AuthorizationCode c : state.codes()) {
            if (c.code() == null || c.clientId() == null || c.redirectUri() == null || c.issuedAt() == null || c.expiresAt() == null) {
                throw new WorldException("an authorization code needs code, grantId, clientId, redirectUri, issuedAt and expiresAt");
            }
            if (!codes.add(c.code())) throw new WorldException("duplicate authorization code");
            if (!grantIds.contains(c.grantId())) throw new WorldException("authorization code names unknown grant " + c.grantId());
        }
    }

    /** The whole world in file form; importing it gives an equal world. */
    public WorldFile export() {
        // Generated issues are written out as ordinary issues, so the export alone rebuilds the same world.
        return new WorldFile(WorldFile.CURRENT_VERSION, policy, jiraSettings, List.copyOf(sitesBySubdomain.values()),
                List.copyOf(usersById.values()), List.copyOf(apps.values()), consent, jira.allProjects(), null,
                jira.allIssues(), tokens.snapshot(), nangoExport(), dataCenter.values().stream().map(DcRuntime::exported).toList());
    }

    private NangoSettings nangoExport() {
        NangoSettings n = nango.export();
        return n.secretKeys().isEmpty() && n.integrations().isEmpty() && n.connections().isEmpty() && n.publicKey() == null ? null : n;
    }

    /** The world's Nango environment. */
    public NangoStore nango() {
        return nango;
    }

    public SimClock clock() {
        return clock;
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
    public <T> T derived(Derived<T> key, java.util.function.Supplier<T> build) {
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
            return new Derived<>(this, java.util.Objects.requireNonNull(part));
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

    public Consent consent() {
        return consent;
    }

    /** Switches between interactive and automatic consent; validated against this world. */
    public void consent(Consent next) {
        checkConsent(next);
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
        return usersById.values();
    }

    /** A user by account id or e-mail address. */
    public Optional<User> user(String ref) {
        if (ref == null) return Optional.empty();
        User byId = usersById.get(ref);
        if (byId != null) return Optional.of(byId);
        return usersById.values().stream().filter(u -> u.matches(ref)).findFirst();
    }

    public Optional<OAuthApp> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
    }

    public Collection<OAuthApp> apps() {
        return java.util.Collections.unmodifiableCollection(apps.values());
    }
}
