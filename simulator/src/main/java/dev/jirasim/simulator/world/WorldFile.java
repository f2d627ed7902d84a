package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The world-file format (YAML or JSON, one schema): it seeds a world and is what exporting gives back.
 * See {@code docs/world-file.md}. Projects, Data Center instances and Nango join here as they arrive.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"version", "auth", "jira", "sites", "users", "apps", "consent", "projects", "generateIssues", "issues", "tokens", "nango", "dataCenter", "cloud", "webhooks"})
public record WorldFile(
        Integer version,
        AuthPolicy auth,
        JiraSettings jira,
        List<Site> sites,
        List<User> users,
        List<OAuthApp> apps,
        Consent consent,
        List<Project> projects,
        IssueGenerator.Spec generateIssues,
        List<Issue> issues,
        TokenState tokens,
        NangoSettings nango,
        List<DcInstance> dataCenter,
        CloudOptions cloud,
        WebhookSettings webhooks) {

    public static final int CURRENT_VERSION = 1;

    public WorldFile {
        if (version == null) version = CURRENT_VERSION;
        if (auth == null) auth = AuthPolicy.DEFAULTS;
        if (jira == null) jira = JiraSettings.DEFAULTS;
        projects = projects == null ? List.of() : List.copyOf(projects);
        issues = issues == null ? List.of() : List.copyOf(issues);
        sites = sites == null ? List.of() : List.copyOf(sites);
        users = users == null ? List.of() : List.copyOf(users);
        apps = apps == null ? List.of() : List.copyOf(apps);
        if (consent == null) consent = Consent.INTERACTIVE;
        if (tokens == null) tokens = TokenState.EMPTY;
        dataCenter = dataCenter == null ? List.of() : List.copyOf(dataCenter);
        // cloud and webhooks stay null when not given, so exports of ordinary worlds do not grow a section of defaults.
    }

    /** A world without webhook settings or registrations. */
    public WorldFile(Integer version, AuthPolicy auth, JiraSettings jira, List<Site> sites, List<User> users, List<OAuthApp> apps,
                     Consent consent, List<Project> projects, IssueGenerator.Spec generateIssues, List<Issue> issues, TokenState tokens,
                     NangoSettings nango, List<DcInstance> dataCenter, CloudOptions cloud) {
        this(version, auth, jira, sites, users, apps, consent, projects, generateIssues, issues, tokens, nango, dataCenter, cloud, null);
    }

    /** A world with the default cloud options. */
    public WorldFile(Integer version, AuthPolicy auth, JiraSettings jira, List<Site> sites, List<User> users, List<OAuthApp> apps,
                     Consent consent, List<Project> projects, IssueGenerator.Spec generateIssues, List<Issue> issues, TokenState tokens,
                     NangoSettings nango, List<DcInstance> dataCenter) {
        this(version, auth, jira, sites, users, apps, consent, projects, generateIssues, issues, tokens, nango, dataCenter, null, null);
    }

    /** A world without Data Center instances. */
    public WorldFile(Integer version, AuthPolicy auth, JiraSettings jira, List<Site> sites, List<User> users, List<OAuthApp> apps,
                     Consent consent, List<Project> projects, IssueGenerator.Spec generateIssues, List<Issue> issues, TokenState tokens,
                     NangoSettings nango) {
        this(version, auth, jira, sites, users, apps, consent, projects, generateIssues, issues, tokens, nango, null, null, null);
    }

    /** A world without a Nango environment. */
    public WorldFile(Integer version, AuthPolicy auth, JiraSettings jira, List<Site> sites, List<User> users, List<OAuthApp> apps,
                     Consent consent, List<Project> projects, IssueGenerator.Spec generateIssues, List<Issue> issues, TokenState tokens) {
        this(version, auth, jira, sites, users, apps, consent, projects, generateIssues, issues, tokens, null, null, null, null);
    }

    public WorldFile withJira(JiraSettings next) {
        return new WorldFile(version, auth, next, sites, users, apps, consent, projects, generateIssues, issues, tokens, nango, dataCenter, cloud, webhooks);
    }

    public WorldFile withApps(List<OAuthApp> next) {
        return new WorldFile(version, auth, jira, sites, users, next, consent, projects, generateIssues, issues, tokens, nango, dataCenter, cloud, webhooks);
    }

    public WorldFile withDataCenter(List<DcInstance> next) {
        return new WorldFile(version, auth, jira, sites, users, apps, consent, projects, generateIssues, issues, tokens, nango, next, cloud, webhooks);
    }

    public WorldFile withCloud(CloudOptions next) {
        return new WorldFile(version, auth, jira, sites, users, apps, consent, projects, generateIssues, issues, tokens, nango, dataCenter, next, webhooks);
    }

    public WorldFile withWebhooks(WebhookSettings next) {
        return new WorldFile(version, auth, jira, sites, users, apps, consent, projects, generateIssues, issues, tokens, nango, dataCenter, cloud, next);
    }

    public WorldFile withConsent(Consent next) {
        return new WorldFile(version, auth, jira, sites, users, apps, next, projects, generateIssues, issues, tokens, nango, dataCenter, cloud, webhooks);
    }
}
