package dev.jirasim.junit;

import dev.jirasim.simulator.world.Adf;
import dev.jirasim.simulator.world.CloudOptions;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraSettings;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.RateLimit;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.Sprint;
import dev.jirasim.simulator.world.TokenState;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.Workflow;
import dev.jirasim.simulator.world.WorldFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Edits this test's world fluently, starting from what it holds now; {@link #apply()} swaps the edited world
 * in as one step (a world that does not validate changes nothing and throws with the reason).
 * <pre>{@code
 * sim.world()
 *    .site("umbrella")
 *    .user("dana@umbrella.test", "Dana", "umbrella")
 *    .project("umbrella", "LAB", "Labs")
 *    .permit("LAB", "dana@umbrella.test", Permission.BROWSE, Permission.CREATE)
 *    .issue("LAB", "Containment breach", i -> i.status("In Progress").assignee("dana@umbrella.test"))
 *    .apply();
 * }</pre>
 * Ids, keys, account ids and cloudIds are generated in the real formats, the same for the same names.
 */
public final class WorldBuilder {
    private final Function<WorldFile, Void> apply;
    private final Instant now;
    private WorldFile base;
    private final List<Site> sites;
    private final List<User> users;
    private final List<OAuthApp> apps;
    private final List<Project> projects;
    private final List<Issue> issues;
    private TokenState tokens;
    private JiraSettings jira;
    private final List<String> nangoKeys;
    private final List<NangoSettings.Integration> nangoIntegrations;
    private final List<NangoSettings.Connection> nangoConnections;
    private NangoSettings.Webhooks nangoWebhooks;
    private String nangoSigningKey;

    private CloudOptions cloud;

    WorldBuilder(WorldFile current, Instant now, Function<WorldFile, Void> apply) {
        this.base = current;
        this.now = now;
        this.apply = apply;
        this.sites = new ArrayList<>(current.sites());
        this.users = new ArrayList<>(current.users());
        this.apps = new ArrayList<>(current.apps());
        this.projects = new ArrayList<>(current.projects());
        this.issues = new ArrayList<>(current.issues());
        this.tokens = current.tokens();
        this.jira = current.jira();
        this.cloud = current.cloud() == null ? CloudOptions.DEFAULTS : current.cloud();
        NangoSettings nango = current.nango() == null ? NangoSettings.NONE : current.nango();
        this.nangoKeys = new ArrayList<>(nango.secretKeys());
        this.nangoIntegrations = new ArrayList<>(nango.integrations());
        this.nangoConnections = new ArrayList<>(nango.connections());
        this.nangoWebhooks = nango.webhooks();
        this.nangoSigningKey = nango.webhookSigningKey();
    }

    /** Drops sites, users, projects, issues, tokens and Nango connections; apps, consent, settings and integrations stay. */
    public WorldBuilder empty() {
        nangoConnections.clear();
        sites.clear();
        users.clear();
        projects.clear();
        issues.clear();
        tokens = TokenState.EMPTY;
        return this;
    }

    /** A site {@code https://{subdomain}.atlassian.net} with a generated cloudId. */
    public WorldBuilder site(String subdomain) {
        return site(cloudIdFor(subdomain), subdomain, subdomain);
    }

    public WorldBuilder site(String cloudId, String subdomain, String name) {
        sites.removeIf(s -> s.subdomain().equals(subdomain));
        sites.add(new Site(cloudId, subdomain, name, null, null));
        return this;
    }

    /** A user on {@code sites} (subdomains) with a generated account id. */
    public WorldBuilder user(String email, String displayName, String... sites) {
        return user(new User(accountIdFor(email), email, displayName, null, null, null, null, List.of(sites), List.of()));
    }

    public WorldBuilder user(User user) {
        users.removeIf(u -> u.email().equalsIgnoreCase(user.email()) || u.accountId().equals(user.accountId()));
        users.add(user);
        return this;
    }

    /** Makes a user (e-mail or account id) administrator of a site: every permission in every project there. */
    public WorldBuilder siteAdmin(String user, String site) {
        User u = user(user);
        var admin = new LinkedHashSet<>(u.siteAdmin());
        admin.add(site);
        var on = new LinkedHashSet<>(u.sites());
        on.add(site);
        return user(new User(u.accountId(), u.email(), u.displayName(), u.nickname(), u.zoneinfo(), u.locale(), u.accountStatus(),
                List.copyOf(on), List.copyOf(admin), u.accountType(), u.emailVisibility()));
    }

    /** A project with a generated numeric id and no permissions yet. */
    public WorldBuilder project(String site, String key, String name) {
        projects.removeIf(p -> p.key().equals(key) && p.site().equals(site));
        long id = projects.stream().mapToLong(p -> Long.parseLong(p.id())).max().orElse(9999) + 1;
        projects.add(new Project(Long.toString(id), key, name, site, null, null, Map.of()));
        return this;
    }

    /** Adds a component to a project; its id is generated. */
    public WorldBuilder component(String projectKey, String name) {
        Project p = project(projectKey);
        var components = new ArrayList<>(p.components());
        components.add(new Project.Component(Long.toString(nextPartId()), name, null, null));
        projects.set(projects.indexOf(p), new Project(p.id(), p.key(), p.name(), p.site(), p.projectTypeKey(), p.lead(), p.permissions(),
                p.description(), components, p.versions(), p.style(), p.issueTypes(), p.workflowScheme()));
        return this;
    }

    /** Adds a version to a project; its id is generated. */
    public WorldBuilder version(String projectKey, String name, boolean released) {
        Project p = project(projectKey);
        var versions = new ArrayList<>(p.versions());
        versions.add(new Project.Version(Long.toString(nextPartId()), name, null, released, false, null, null));
        projects.set(projects.indexOf(p), new Project(p.id(), p.key(), p.name(), p.site(), p.projectTypeKey(), p.lead(), p.permissions(),
                p.description(), p.components(), versions, p.style(), p.issueTypes(), p.workflowScheme()));
        return this;
    }

    private long nextPartId() {
        long max = 10_099;
        for (Project p : projects) {
            for (var c : p.components()) max = Math.max(max, Long.parseLong(c.id()));
            for (var v : p.versions()) max = Math.max(max, Long.parseLong(v.id()));
        }
        return max + 1;
    }

    /**
     * Declares a custom field on a site: {@code id} like {@code customfield_10016}, {@code type} one of
     * storyPoints, number, sprint, team, date, select, multiUser, text; a select's {@code options} are its values.
     */
    public WorldBuilder customField(String site, String id, String name, String type, String... options) {
        var fields = new ArrayList<>(jira.customFields());
        fields.removeIf(f -> f.site().equals(site) && f.id().equals(id));
        var opts = new ArrayList<CustomField.Option>();
        for (int i = 0; i < options.length; i++) opts.add(new CustomField.Option(Long.toString(10_300 + i), options[i]));
        fields.add(new CustomField(id, site, name, type, opts));
        jira = new JiraSettings(jira.legacySearch(), jira.rateLimit(), fields, jira.sprints(), jira.groups(), jira.workflows());
        return this;
    }

    /**
     * Makes a project team-managed ({@code style: next-gen}): its issue types become its own, with their own ids,
     * as on Jira Cloud.
     */
    public WorldBuilder teamManaged(String projectKey) {
        Project p = project(projectKey);
        projects.set(projects.indexOf(p), new Project(p.id(), p.key(), p.name(), p.site(), p.projectTypeKey(), p.lead(), p.permissions(),
                p.description(), p.components(), p.versions(), "next-gen",
                p.issueTypes().stream().map(t -> Project.IssueTypeRef.named(t.name())).toList(), p.workflowScheme()));
        return this;
    }

    /** The project's issue type scheme: these types (Task, Bug, Story, Epic, Subtask), in this order. */
    public WorldBuilder issueTypes(String projectKey, String... names) {
        Project p = project(projectKey);
        projects.set(projects.indexOf(p), p.withIssueTypes(Arrays.stream(names).map(Project.IssueTypeRef::named).toList()));
        return this;
    }

    /**
     * Declares a workflow on a site: its statuses (the first is where issues start) and its transitions, each
     * {@code new Workflow.Transition(id, name, from, to)} ({@code from} null or empty for a global one).
     */
    public WorldBuilder workflow(String site, String name, List<String> statuses, Workflow.Transition... transitions) {
        var workflows = new ArrayList<>(jira.workflows());
        workflows.removeIf(w -> w.site().equals(site) && w.name().equals(name));
        workflows.add(new Workflow(name, site, null, statuses, List.of(transitions)));
        jira = new JiraSettings(jira.legacySearch(), jira.rateLimit(), jira.customFields(), jira.sprints(), jira.groups(), workflows);
        return this;
    }

    /** Issues of {@code issueType} in the project follow the named workflow ({@code "default"}: every type the scheme does not map). */
    public WorldBuilder useWorkflow(String projectKey, String issueType, String workflowName) {
        Project p = project(projectKey);
        var scheme = new LinkedHashMap<>(p.workflowScheme());
        scheme.put(issueType, workflowName);
        projects.set(projects.indexOf(p), new Project(p.id(), p.key(), p.name(), p.site(), p.projectTypeKey(), p.lead(), p.permissions(),
                p.description(), p.components(), p.versions(), p.style(), p.issueTypes(), scheme));
        return this;
    }

    /** Adds a sprint on a site ({@code state}: future, active or closed) on board 1. */
    public WorldBuilder sprint(String site, long id, String name, String state) {
        var sprints = new ArrayList<>(jira.sprints());
        sprints.removeIf(x -> x.site().equals(site) && x.id() == id);
        sprints.add(new Sprint(id, site, name, state, 1, null, null, null, null));
        jira = new JiraSettings(jira.legacySearch(), jira.rateLimit(), jira.customFields(), sprints, jira.groups(), jira.workflows());
        return this;
    }

    /** Adds permissions in a project to a user (e-mail or account id), or to every site member with {@code "*"}. */
    public WorldBuilder permit(String projectKey, String user, Permission... permissions) {
        return editPermissions(projectKey, user, list -> {
            for (Permission p : permissions) if (!list.contains(p)) list.add(p);
        });
    }

    /** Takes permissions away; with none named, all of the user's permissions in the project. */
    public WorldBuilder deny(String projectKey, String user, Permission... permissions) {
        return editPermissions(projectKey, user, list -> {
            if (permissions.length == 0) list.clear();
            else list.removeAll(Arrays.asList(permissions));
        });
    }

    private WorldBuilder editPermissions(String projectKey, String user, Consumer<List<Permission>> edit) {
        Project p = project(projectKey);
        var perms = new LinkedHashMap<>(p.permissions());
        var list = new ArrayList<>(perms.getOrDefault(user, List.of()));
        edit.accept(list);
        if (list.isEmpty()) perms.remove(user);
        else perms.put(user, List.copyOf(list));
        projects.set(projects.indexOf(p), new Project(p.id(), p.key(), p.name(), p.site(), p.projectTypeKey(), p.lead(), perms,
                p.description(), p.components(), p.versions(), p.style(), p.issueTypes(), p.workflowScheme()));
        return this;
    }

    /** An issue created now by the project's first permitted user, with Jira's defaults (Task, To Do, Medium). */
    public WorldBuilder issue(String projectKey, String summary) {
        return issue(projectKey, summary, i -> { });
    }

    public WorldBuilder issue(String projectKey, String summary, Consumer<IssueSpec> details) {
        Project p = project(projectKey);
        var spec = new IssueSpec();
        details.accept(spec);
        long number = issues.stream().filter(i -> i.project().equals(p.key()) && i.site().equals(p.site()))
                .mapToLong(Issue::number).max().orElse(0) + 1;
        long id = issues.stream().mapToLong(i -> Long.parseLong(i.id())).max().orElse(10000) + 1;
        Instant created = spec.created == null ? now : spec.created;
        issues.add(new Issue(Long.toString(id), p.key() + "-" + number, p.site(), p.key(), summary,
                spec.description == null ? null : Adf.fromText(spec.description), spec.type, spec.status, spec.priority,
                accountId(spec.assignee), accountId(spec.reporter), null, spec.labels, created, created,
                spec.resolution == null ? null : created, spec.resolution, spec.duedate, spec.parent, List.of(), spec.components,
                spec.fixVersions, spec.customFields));
        return this;
    }

    /** Removes every issue of a project. */
    public WorldBuilder removeIssues(String projectKey) {
        issues.removeIf(i -> i.project().equals(projectKey));
        return this;
    }

    /** The scopes a new app gets enabled, as a Jira app's permissions page would have them: Jira's classic scopes, read:me, offline_access. */
    public static final List<String> DEFAULT_APP_SCOPES = List.of("read:jira-work", "write:jira-work", "read:jira-user", "manage:jira-project",
            "manage:jira-configuration", "manage:jira-webhook", "read:me", "offline_access");

    /**
     * A shared OAuth app with its callback URLs. An app of that client id already in the world keeps its name, enabled
     * scopes and distribution (only secret and callbacks change); a new one gets {@link #DEFAULT_APP_SCOPES}, since an
     * app with no scope enabled can be refused every authorization ({@code invalid_scope}).
     */
    public WorldBuilder app(String clientId, String clientSecret, String... callbackUrls) {
        OAuthApp old = apps.stream().filter(a -> a.clientId().equals(clientId)).findFirst().orElse(null);
        apps.removeIf(a -> a.clientId().equals(clientId));
        apps.add(old == null
                ? new OAuthApp(clientId, clientSecret, clientId, List.of(callbackUrls), DEFAULT_APP_SCOPES, null, null, null)
                : new OAuthApp(clientId, clientSecret, old.name(), List.of(callbackUrls), old.scopes(), old.distribution(), old.owner(), old.pkce()));
        return this;
    }

    /** Adds a callback URL to an app of the world (a test server's port is known only once it runs). */
    public WorldBuilder callbackUrl(String clientId, String callbackUrl) {
        OAuthApp old = apps.stream().filter(a -> a.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app '" + clientId + "' in this world"));
        if (old.callbackUrls().contains(callbackUrl)) return this;
        var urls = new ArrayList<>(old.callbackUrls());
        urls.add(callbackUrl);
        apps.set(apps.indexOf(old), new OAuthApp(old.clientId(), old.clientSecret(), old.name(), List.copyOf(urls), old.scopes(),
                old.distribution(), old.owner(), old.pkce()));
        return this;
    }

    /** Adds a Nango secret key (it must be a UUID v4, as Nango requires). */
    public WorldBuilder nangoSecretKey(String key) {
        if (!nangoKeys.contains(key)) nangoKeys.add(key);
        return this;
    }

    /**
     * Where the Nango environment sends its webhooks (auth, forwarded provider webhooks): the primary URL, the toggles
     * as they are (a new environment's by default).
     */
    public WorldBuilder nangoWebhookUrl(String primaryUrl) {
        NangoSettings.Webhooks now = nangoWebhooks == null ? NangoSettings.Webhooks.DEFAULTS : nangoWebhooks;
        return nangoWebhooks(new NangoSettings.Webhooks(primaryUrl, now.secondaryUrl(), now.onAuthCreation(), now.onAuthRefreshError(),
                now.onSyncCompletionAlways(), now.onSyncError(), now.onAsyncActionCompletion()));
    }

    /** The Nango environment's webhook settings whole: URLs and toggles (null: a new environment's, no URL). */
    public WorldBuilder nangoWebhooks(NangoSettings.Webhooks settings) {
        this.nangoWebhooks = settings;
        return this;
    }

    /** The key the Nango environment signs its webhooks with (any text; Nango makes a UUID v4). */
    public WorldBuilder nangoWebhookSigningKey(String key) {
        this.nangoSigningKey = key;
        return this;
    }

    /** A Nango integration of provider {@code jira} using an app of this world. */
    public WorldBuilder nangoIntegration(String uniqueKey, String clientId, String clientSecret, String... scopes) {
        nangoIntegrations.removeIf(i -> i.uniqueKey().equals(uniqueKey));
        nangoIntegrations.add(new NangoSettings.Integration(uniqueKey, "jira", null, clientId, clientSecret, List.of(scopes), now));
        return this;
    }

    /** A ready Nango connection: tokens are minted for {@code user} on {@code sites} (none: all theirs) when applied. */
    public WorldBuilder nangoConnection(String connectionId, String integration, String user, String... sites) {
        nangoConnections.removeIf(c -> c.connectionId().equals(connectionId) && c.integration().equals(integration));
        nangoConnections.add(new NangoSettings.Connection(null, connectionId, integration, null, null, null, null, null, null, null, null,
                null, user, List.of(sites)));
        return this;
    }

    /** Whether the removed {@code /rest/api/{2,3}/search} still answers (it is a 410 by default, as on Cloud). */
    public WorldBuilder legacySearch(boolean available) {
        jira = jira.withLegacySearch(available ? JiraSettings.LegacySearch.AVAILABLE : JiraSettings.LegacySearch.REMOVED);
        return this;
    }

    /** A Jira REST budget per user and app: {@code capacity} calls, refilled at {@code refillPerSecond} on the world's clock. */
    public WorldBuilder rateLimit(int capacity, double refillPerSecond) {
        jira = jira.withRateLimit(RateLimit.of(capacity, refillPerSecond));
        return this;
    }

    /** Where answers that name a site point: the real {@code https://{subdomain}.atlassian.net} or this simulator's {@code /site/{subdomain}}. */
    public WorldBuilder siteUrls(CloudOptions.SiteUrls siteUrls) {
        cloud = cloud.withSiteUrls(siteUrls);
        return this;
    }

    /** Whether accessible-resources lists the sites in a new order on every request (Atlassian's order means nothing). */
    public WorldBuilder shuffleAccessibleResources(boolean shuffle) {
        cloud = cloud.withShuffleAccessibleResources(shuffle);
        return this;
    }

    /** The edited world as a world file (what {@code GET /__admin/world} would show after {@link #apply()}). */
    public WorldFile build() {
        NangoSettings was = base.nango() == null ? NangoSettings.NONE : base.nango();
        NangoSettings nango = nangoKeys.isEmpty() && nangoIntegrations.isEmpty() && nangoConnections.isEmpty() && nangoWebhooks == null
                && nangoSigningKey == null ? null
                : new NangoSettings(nangoKeys, was.publicKey(), was.environment(), was.environmentUuid(), nangoSigningKey, nangoWebhooks,
                        nangoIntegrations, nangoConnections);
        return new WorldFile(base.version(), base.auth(), jira, sites, users, apps, base.consent(), projects, null, issues, tokens, nango,
                base.dataCenter(), cloud.equals(CloudOptions.DEFAULTS) ? null : cloud, base.webhooks());
    }

    /** Replaces the world with the edited one. */
    public void apply() {
        WorldFile file = build();
        apply.apply(file);
        base = file;
    }

    /** Optional details of an issue; unset ones take Jira's defaults. */
    public static final class IssueSpec {
        private String type;
        private String status;
        private String priority;
        private String assignee;
        private String reporter;
        private List<String> labels;
        private String description;
        private Instant created;
        private String resolution;
        private LocalDate duedate;
        private String parent;
        private List<String> components = List.of();
        private List<String> fixVersions = List.of();
        private final Map<String, Object> customFields = new LinkedHashMap<>();

        /** Component names of the issue's project. */
        public IssueSpec components(String... names) {
            this.components = List.of(names);
            return this;
        }

        /** Version names of the issue's project. */
        public IssueSpec fixVersions(String... names) {
            this.fixVersions = List.of(names);
            return this;
        }

        /**
         * A custom field's value in world form: a number (story points, number), a list of sprint ids, a team id,
         * {@code yyyy-MM-dd}, an option's value, a list of account ids, or text.
         */
        public IssueSpec customField(String id, Object value) {
            customFields.put(id, value);
            return this;
        }

        public IssueSpec type(String type) {
            this.type = type;
            return this;
        }

        public IssueSpec status(String status) {
            this.status = status;
            return this;
        }

        public IssueSpec priority(String priority) {
            this.priority = priority;
            return this;
        }

        /** E-mail or account id. */
        public IssueSpec assignee(String user) {
            this.assignee = user;
            return this;
        }

        public IssueSpec reporter(String user) {
            this.reporter = user;
            return this;
        }

        public IssueSpec labels(String... labels) {
            this.labels = List.of(labels);
            return this;
        }

        /** Plain text; stored as an Atlassian Document (v3) and shown as a string on v2. */
        public IssueSpec description(String text) {
            this.description = text;
            return this;
        }

        public IssueSpec created(Instant created) {
            this.created = created;
            return this;
        }

        /** Resolved now with this resolution (Done, Won't Do, Duplicate). */
        public IssueSpec resolution(String resolution) {
            this.resolution = resolution;
            return this;
        }

        public IssueSpec duedate(LocalDate duedate) {
            this.duedate = duedate;
            return this;
        }

        public IssueSpec parent(String parentKey) {
            this.parent = parentKey;
            return this;
        }
    }

    private Project project(String key) {
        return projects.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no project " + key + " in this world"));
    }

    private User user(String ref) {
        return users.stream().filter(u -> u.matches(ref)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + ref + " in this world"));
    }

    private String accountId(String ref) {
        return ref == null ? null : user(ref).accountId();
    }

    /** A 24-hex-digit account id, as Atlassian's older ids look, derived from the e-mail. */
    static String accountIdFor(String email) {
        return HexFormat.of().formatHex(sha256(email)).substring(0, 24);
    }

    /** A version-4-shaped UUID derived from the subdomain, like a real cloudId. */
    static String cloudIdFor(String subdomain) {
        byte[] b = sha256("site:" + subdomain);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) hi = (hi << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) lo = (lo << 8) | (b[i] & 0xff);
        return new UUID(hi, lo).toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
