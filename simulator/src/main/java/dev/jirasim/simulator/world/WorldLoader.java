package dev.jirasim.simulator.world;

import dev.jirasim.simulator.clock.SimClock;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Reads a {@link WorldFile} into a new {@link World}, checking every reference on the way. The world is handed
 * out only once everything checked, so a bad file throws a {@link WorldException} and changes nothing. The
 * checks run in file order (sites, users, apps, Jira, consent, tokens, Nango, Data Center): with several
 * mistakes, the first one is reported.
 */
final class WorldLoader {
    private final World world;
    /** What the file declared so far, by the keys duplicates and id-only references are checked against. */
    private final Set<String> subdomains = new HashSet<>();
    private final Set<String> cloudIds = new HashSet<>();
    private final Set<String> accountIds = new HashSet<>();
    private final Set<String> clientIds = new HashSet<>();

    private WorldLoader(World world) {
        this.world = world;
    }

    static World load(WorldFile file, SimClock clock) {
        return load(file, clock, Minter.INSTALLED);
    }

    /** Loads with a given minter for seeded Nango connections ({@code null}: seeding by user is refused). */
    static World load(WorldFile file, SimClock clock, NangoMinter minter) {
        var loader = new WorldLoader(new World(file, clock));
        loader.sites(file.sites());
        loader.users(file.users());
        loader.apps(file.apps());
        loader.jira(file);
        checkConsent(loader.world, file.consent());
        loader.checkTokens(file.tokens());
        loader.world.tokens().load(file.tokens());
        loader.nango(file.nango() == null ? NangoSettings.NONE : file.nango(), minter);
        loader.dataCenter(file.dataCenter());
        loader.webhooks(file.webhooks());
        return loader.world;
    }

    private void sites(List<Site> sites) {
        for (Site site : sites) {
            requireUnique(subdomains.add(site.subdomain()), "site subdomain", site.subdomain());
            requireUnique(cloudIds.add(site.cloudId()), "site cloudId", site.cloudId());
            world.addSite(site);
        }
    }

    private void users(List<User> users) {
        Set<String> emails = new HashSet<>();
        for (User listed : users) {
            // Sites may be named by subdomain or cloudId; the world keeps subdomains.
            User user = new User(listed.accountId(), listed.email(), listed.displayName(), listed.nickname(), listed.zoneinfo(),
                    listed.locale(), listed.accountStatus(), subdomains(listed.sites(), listed.email()),
                    subdomains(listed.siteAdmin(), listed.email()), listed.accountType(), listed.emailVisibility(), listed.apiTokens());
            requireUnique(accountIds.add(user.accountId()), "user accountId", user.accountId());
            world.addUser(user);
            if (!emails.add(user.email().toLowerCase())) throw new WorldException("duplicate user email: " + user.email());
            for (String s : user.siteAdmin()) {
                if (!user.memberOf(s)) throw new WorldException("user " + user.email() + " is admin of " + s + " but not a member");
            }
        }
    }

    private void apps(List<OAuthApp> apps) {
        for (OAuthApp app : apps) {
            requireUnique(clientIds.add(app.clientId()), "app clientId", app.clientId());
            world.addApp(app);
            if (app.owner() != null && world.user(app.owner()).isEmpty()) {
                throw new WorldException("app " + app.clientId() + " has unknown owner " + app.owner());
            }
        }
    }

    private void jira(WorldFile file) {
        JiraData jira = world.jira();
        checkCustomFields(world, file.jira());
        for (Workflow w : file.jira().workflows()) requireSite(world, w.site(), "workflow " + w.name());
        var partIds = new HashSet<String>();
        var partNames = new HashSet<String>();
        for (Project p : file.projects()) {
            requireSite(world, p.site(), "project " + p.key());
            if (p.lead() != null && world.user(p.lead()).isEmpty()) throw new WorldException("project " + p.key() + " has unknown lead " + p.lead());
            for (String who : p.permissions().keySet()) {
                if (!who.equals("*") && !who.equals(Project.ANONYMOUS) && world.user(who).isEmpty()) throw new WorldException("project " + p.key() + " grants permissions to unknown user " + who);
            }
            for (Project.Component x : p.components()) {
                if (x.lead() != null && world.user(x.lead()).isEmpty()) throw new WorldException("component " + x.name() + " of " + p.key() + " has unknown lead " + x.lead());
                requireUnique(partIds.add(p.site() + "/component/" + x.id()), "component id", x.id());
                requireUnique(partNames.add(p.key() + "/component/" + x.name().toLowerCase(java.util.Locale.ROOT)), "component name in " + p.key(), x.name());
            }
            for (Project.Version v : p.versions()) {
                requireUnique(partIds.add(p.site() + "/version/" + v.id()), "version id", v.id());
                requireUnique(partNames.add(p.key() + "/version/" + v.name().toLowerCase(java.util.Locale.ROOT)), "version name in " + p.key(), v.name());
            }
            for (var mapped : p.workflowScheme().entrySet()) {
                if (file.jira().workflow(p.site(), mapped.getValue()).isEmpty()) {
                    throw new WorldException("project " + p.key() + " maps " + mapped.getKey() + " to unknown workflow " + mapped.getValue() + " (site " + p.site() + ")");
                }
            }
            jira.addProject(p);
        }
        for (Issue issue : file.issues()) {
            Project owner = jira.project(issue.site(), issue.project()).orElse(null);
            for (String part : issue.components()) {
                if (owner == null || owner.component(part).isEmpty()) throw new WorldException("issue " + issue.key() + " names unknown component " + part);
            }
            for (String part : issue.fixVersions()) {
                if (owner == null || owner.version(part).isEmpty()) throw new WorldException("issue " + issue.key() + " names unknown version " + part);
            }
            for (var value : issue.customFields().entrySet()) checkCustomValue(world, file.jira(), issue, value.getKey(), value.getValue());
            for (String person : new String[] {issue.assignee(), issue.reporter(), issue.creator()}) {
                if (person != null && !accountIds.contains(person)) throw new WorldException("issue " + issue.key() + " names unknown account " + person);
            }
            if (JiraCatalog.status(issue.status()).isEmpty()) throw new WorldException("issue " + issue.key() + " has unknown status " + issue.status());
            if (JiraCatalog.issueType(issue.issueType()).isEmpty()) throw new WorldException("issue " + issue.key() + " has unknown issue type " + issue.issueType());
            if (owner != null && owner.issueType(issue.issueType()).isEmpty()) {
                throw new WorldException("issue " + issue.key() + " is a " + issue.issueType() + ", which project " + owner.key() + " does not have; it has "
                        + owner.issueTypes().stream().map(Project.IssueTypeRef::name).toList());
            }
            if (owner != null && !file.jira().workflowFor(owner, issue.issueType()).hasStatus(issue.status())) {
                throw new WorldException("issue " + issue.key() + " is in status " + issue.status() + ", which the workflow of its type ("
                        + file.jira().workflowFor(owner, issue.issueType()).name() + ") does not have");
            }
            if (JiraCatalog.priority(issue.priority()).isEmpty()) throw new WorldException("issue " + issue.key() + " has unknown priority " + issue.priority());
            jira.load(issue);
        }
        if (file.generateIssues() != null) {
            long nextId = Math.max(10_000, jira.allIssues().stream().mapToLong(i -> Long.parseLong(i.id())).max().orElse(10_000)) + 1;
            for (Project p : file.projects()) {
                var people = world.users().stream().filter(u -> u.memberOf(p.site())).map(User::accountId).toList();
                for (Issue issue : IssueGenerator.generate(file.generateIssues(), p, people, nextId, file.jira())) {
                    if (jira.issue(p.site(), issue.key()).isPresent()) continue;
                    jira.load(issue);
                }
                nextId += file.generateIssues().perProject();
            }
        }
    }

    /** Also checks a consent setting changed on a live world. */
    static void checkConsent(World world, Consent c) {
        if (c.mode() != Consent.Mode.AUTO) return;
        User user = world.user(c.user()).orElseThrow(() -> new WorldException("consent names unknown user " + c.user()));
        if (c.decision() == Consent.Decision.APPROVE && (c.sites() == null ? user.sites().isEmpty() : c.sites().isEmpty())) {
            throw new WorldException("consent: approving needs at least one site, and " + user.email() + " would grant none");
        }
        if (c.sites() != null) {
            for (String ref : c.sites()) {
                Site site = requireSite(world, ref, "consent");
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
            if (!clientIds.contains(g.clientId())) throw new WorldException("grant " + g.id() + " names unknown app " + g.clientId());
            if (!accountIds.contains(g.accountId())) throw new WorldException("grant " + g.id() + " names unknown user " + g.accountId());
            for (String cloudId : g.siteScopes().keySet()) {
                if (!cloudIds.contains(cloudId)) throw new WorldException("grant " + g.id() + " names unknown site " + cloudId);
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

    private void nango(NangoSettings settings, NangoMinter minter) {
        for (String key : settings.secretKeys()) {
            if (!NangoSettings.isUuidV4(key)) throw new WorldException("Nango secret key must be a UUID v4 (Nango checks the form): " + key);
        }
        var nango = new NangoStore(settings);
        world.nango(nango);
        for (var i : settings.integrations()) {
            if (i.kind().usesWorldApp() && (i.clientId() == null || world.app(i.clientId()).isEmpty())) {
                throw new WorldException("Nango integration " + i.uniqueKey() + " names unknown app " + i.clientId());
            }
        }
        for (var c : settings.connections()) {
            var integration = nango.integration(c.integration())
                    .orElseThrow(() -> new WorldException("Nango connection " + c.connectionId() + " names unknown integration " + c.integration()));
            NangoSettings.Connection stored = c;
            if (c.credentials() == null) {
                if (c.user() == null) throw new WorldException("Nango connection " + c.connectionId() + " needs credentials or a user");
                if (minter == null) throw new WorldException("Nango connection " + c.connectionId() + " needs credentials: nothing here mints them");
                stored = minter.mint(c, integration, world);
            }
            nango.load(stored);
        }
    }

    /** Registered Jira webhooks: their site, app and user must exist; sites and users may be named either way. */
    private void webhooks(WebhookSettings settings) {
        if (settings == null) return;
        for (JiraWebhook h : settings.jira().registrations()) {
            String what = "webhook " + h.id() + " on " + h.site();
            Site site = world.site(h.site()).orElseThrow(() -> new WorldException(what + " names unknown site " + h.site()));
            if (world.app(h.clientId()).isEmpty()) throw new WorldException(what + " names unknown app " + h.clientId());
            User user = world.user(h.accountId()).orElseThrow(() -> new WorldException(what + " names unknown user " + h.accountId()));
            if (!dev.jirasim.simulator.common.Patterns.matches(h.url(), "(?i)https?://[^/?#\\s]+.*")) throw new WorldException(what + " has a url that is not http(s): " + h.url());
            world.jiraWebhooks().load(new JiraWebhook(h.id(), site.subdomain(), h.clientId(), user.accountId(), h.url(), h.events(), h.jqlFilter(),
                    h.fieldIdsFilter(), h.issuePropertyKeysFilter(), h.expirationDate()));
        }
    }

    private void dataCenter(List<DcInstance> instances) {
        Set<String> ids = new HashSet<>();
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
            var runtime = new DcRuntime(dc, world.clock());
            if (!ids.add(dc.id())) throw new WorldException("duplicate DC instance " + dc.id());
            world.addDataCenter(dc.id(), runtime);
        }
    }

    /** Custom field ids and names unique per site, on known sites; sprint ids unique per site. */
    private static void checkCustomFields(World world, JiraSettings jira) {
        var ids = new HashSet<String>();
        var names = new HashSet<String>();
        for (CustomField f : jira.customFields()) {
            requireSite(world, f.site(), "custom field " + f.id());
            requireUnique(ids.add(f.site() + "/" + f.id()), "custom field id on " + f.site(), f.id());
            requireUnique(names.add(f.site() + "/" + f.name().toLowerCase(java.util.Locale.ROOT)), "custom field name on " + f.site(), f.name());
            var optionIds = new HashSet<String>();
            for (CustomField.Option o : f.options()) requireUnique(optionIds.add(o.id()), "option id of " + f.id(), o.id());
        }
        var groupKeys = new HashSet<String>();
        for (Group g : jira.groups()) {
            requireSite(world, g.site(), "group " + g.name());
            requireUnique(groupKeys.add(g.site() + "/id/" + g.id()), "group id on " + g.site(), g.id());
            requireUnique(groupKeys.add(g.site() + "/name/" + g.name().toLowerCase(java.util.Locale.ROOT)), "group name on " + g.site(), g.name());
            for (String m : g.members()) {
                if (world.user(m).filter(u -> u.memberOf(g.site())).isEmpty()) {
                    throw new WorldException("group " + g.name() + " names " + m + ", who is not a member of site " + g.site());
                }
            }
        }
        var sprintIds = new HashSet<String>();
        for (Sprint sp : jira.sprints()) {
            requireSite(world, sp.site(), "sprint " + sp.id());
            requireUnique(sprintIds.add(sp.site() + "/" + sp.id()), "sprint id on " + sp.site(), Long.toString(sp.id()));
        }
    }

    /** An issue's value for a custom field: the field exists on the issue's site and the value has its form. */
    private static void checkCustomValue(World world, JiraSettings jira, Issue issue, String id, Object value) {
        CustomField f = jira.customField(issue.site(), id)
                .orElseThrow(() -> new WorldException("issue " + issue.key() + " has a value for unknown custom field " + id));
        String bad = "issue " + issue.key() + ": " + id + " (" + f.type() + ") ";
        boolean ok = f.accepts(value, n -> jira.sprint(issue.site(), n).isPresent(), a -> world.user(a).isPresent());
        if (!ok) throw new WorldException(bad + "has a value of the wrong form: " + value);
    }

    private static void requireUnique(boolean added, String what, String value) {
        if (!added) throw new WorldException("duplicate " + what + ": " + value);
    }

    private List<String> subdomains(List<String> refs, String who) {
        return refs.stream().map(r -> requireSite(world, r, "user " + who).subdomain()).distinct().toList();
    }

    private static Site requireSite(World world, String ref, String context) {
        return world.site(ref).orElseThrow(() -> new WorldException(context + " names unknown site " + ref));
    }

    /** The minter the nango package installs (META-INF/services), looked up once. */
    private static final class Minter {
        static final NangoMinter INSTALLED = ServiceLoader.load(NangoMinter.class, NangoMinter.class.getClassLoader()).findFirst().orElse(null);
    }
}
