package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Jira Data Center instance: served at {@code /dc/{id}} plus its context path, with its own users
 * (identified by {@code name} and {@code key}, never an account id), OAuth 2.0 incoming links, personal
 * access tokens and token lifetimes (reference jira-data-center.md §2.5).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "contextPath", "serverTitle", "version", "lifetimes", "users", "links",
        "personalAccessTokens", "consent", "customFields", "sprints", "projects", "generateIssues", "issues"})
public record DcInstance(String id, String contextPath, String serverTitle, String version, Lifetimes lifetimes,
                         List<DcUser> users, List<IncomingLink> links, List<PersonalAccessToken> personalAccessTokens,
                         DcConsent consent, List<Project> projects, IssueGenerator.Spec generateIssues, List<Issue> issues,
                         List<CustomField> customFields, List<Sprint> sprints) {
    /**
     * The custom field types a DC instance may declare: Cloud's Team field has no DC counterpart here (Advanced
     * Roadmaps' team field is another type), so {@code team} is refused.
     */
    public static final List<String> CUSTOM_FIELD_TYPES = List.of("storyPoints", "number", "sprint", "date", "select", "multiUser", "text");

    public DcInstance {
        Objects.requireNonNull(id, "missing required field 'id'");
        if (!dev.jirasim.simulator.common.Patterns.matches(id, "[a-z0-9][a-z0-9-]{0,31}")) throw new IllegalArgumentException("DC instance id must be lower-case letters, digits or '-': " + id);
        contextPath = contextPath == null || contextPath.equals("/") ? "" : contextPath.replaceAll("/+$", "");
        if (!contextPath.isEmpty() && !dev.jirasim.simulator.common.Patterns.matches(contextPath, "/[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("context path must be one segment such as /jira: " + contextPath);
        }
        if (serverTitle == null) serverTitle = "Jira";
        if (version == null) version = "10.3.24";
        if (lifetimes == null) lifetimes = Lifetimes.DEFAULTS;
        users = users == null ? List.of() : List.copyOf(users);
        links = links == null ? List.of() : List.copyOf(links);
        personalAccessTokens = personalAccessTokens == null ? List.of() : List.copyOf(personalAccessTokens);
        if (consent == null) consent = DcConsent.INTERACTIVE;
        projects = projects == null ? List.of() : List.copyOf(projects);
        issues = issues == null ? List.of() : List.copyOf(issues);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        sprints = sprints == null ? List.of() : List.copyOf(sprints);
    }

    /** An instance without custom fields or sprints. */
    public DcInstance(String id, String contextPath, String serverTitle, String version, Lifetimes lifetimes, List<DcUser> users,
                      List<IncomingLink> links, List<PersonalAccessToken> personalAccessTokens, DcConsent consent, List<Project> projects,
                      IssueGenerator.Spec generateIssues, List<Issue> issues) {
        this(id, contextPath, serverTitle, version, lifetimes, users, links, personalAccessTokens, consent, projects, generateIssues, issues,
                null, null);
    }

    /** An instance without projects or issues. */
    public DcInstance(String id, String contextPath, String serverTitle, String version, Lifetimes lifetimes, List<DcUser> users,
                      List<IncomingLink> links, List<PersonalAccessToken> personalAccessTokens, DcConsent consent) {
        this(id, contextPath, serverTitle, version, lifetimes, users, links, personalAccessTokens, consent, null, null, null, null, null);
    }

    /** Lifetimes in seconds; Jira's defaults: access 1 h, refresh 90 days, authorization code 10 s. */
    public record Lifetimes(Long accessTokenSeconds, Long refreshTokenSeconds, Long authorizationCodeSeconds) {
        public static final Lifetimes DEFAULTS = new Lifetimes(null, null, null);

        public Lifetimes {
            if (accessTokenSeconds == null) accessTokenSeconds = 3600L;
            if (refreshTokenSeconds == null) refreshTokenSeconds = 7_776_000L;
            if (authorizationCodeSeconds == null) authorizationCodeSeconds = 10L;
            for (long s : new long[] {accessTokenSeconds, refreshTokenSeconds, authorizationCodeSeconds}) {
                if (s <= 0 || s > AuthPolicy.MAX_SECONDS) {
                    throw new IllegalArgumentException("Data Center lifetimes must be between 1 and " + AuthPolicy.MAX_SECONDS + " seconds (ten years)");
                }
            }
        }
    }

    /**
     * A DC user: {@code name} is the login, {@code key} the stable id (e.g. JIRAUSER10100). An inactive user
     * (deactivated in the user directory) stays listed but cannot sign in. {@code password} is the HTTP Basic
     * password ({@code name:password}); without one, Basic always fails for the user. Exports carry it, as
     * they carry every other secret; {@link #toString()} hides it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DcUser(String name, String key, String displayName, String emailAddress, String timeZone, Boolean admin, Boolean active,
                         String password) {
        @Override
        public String toString() {
            return "DcUser[name=" + name + ", key=" + key + ", active=" + active + (password == null ? "" : ", password=***") + "]";
        }

        public DcUser {
            Objects.requireNonNull(name, "missing required field 'name'");
            Objects.requireNonNull(key, "missing required field 'key'");
            if (displayName == null) displayName = name;
            if (emailAddress == null) emailAddress = name + "@example.com";
            if (timeZone == null) timeZone = "UTC";
            if (admin == null) admin = false;
            if (active == null) active = true;
        }

        /** The same user with this Basic password (null: none). */
        public DcUser withPassword(String next) {
            return new DcUser(name, key, displayName, emailAddress, timeZone, admin, active, next);
        }
    }

    /** An incoming application link: one redirect URL, the scopes an app may ask for. */
    public record IncomingLink(String clientId, String clientSecret, String name, String redirectUrl, List<String> scopes) {
        public IncomingLink {
            Objects.requireNonNull(clientId, "missing required field 'clientId'");
            Objects.requireNonNull(clientSecret, "missing required field 'clientSecret'");
            Objects.requireNonNull(redirectUrl, "missing required field 'redirectUrl'");
            if (name == null) name = clientId;
            scopes = scopes == null ? List.of("READ", "WRITE") : List.copyOf(scopes);
        }
    }

    /** A personal access token of a user; no expiry when {@code expiresAt} is null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonalAccessToken(String token, String user, String name, Instant expiresAt) {
        public PersonalAccessToken {
            Objects.requireNonNull(token, "missing required field 'token'");
            Objects.requireNonNull(user, "missing required field 'user'");
        }
    }

    /** How the consent page decides: a person clicks (interactive), or it approves or denies at once as {@code user}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DcConsent(String mode, String user, String decision) {
        public static final DcConsent INTERACTIVE = new DcConsent("interactive", null, null);

        public DcConsent {
            if (mode == null) mode = "interactive";
            if (!mode.equals("interactive") && !mode.equals("auto")) throw new IllegalArgumentException("consent mode must be auto or interactive");
            if (mode.equals("interactive")) {
                user = null;
                decision = null;
            } else {
                if (user == null) throw new IllegalArgumentException("automatic consent needs a user");
                if (decision == null) decision = "approve";
                if (!decision.equals("approve") && !decision.equals("deny")) throw new IllegalArgumentException("decision must be approve or deny");
            }
        }

        public boolean auto() {
            return mode.equals("auto");
        }
    }

    public java.util.Optional<DcUser> user(String nameOrKey) {
        return users.stream().filter(u -> u.name().equalsIgnoreCase(nameOrKey) || u.key().equals(nameOrKey)).findFirst();
    }

    public java.util.Optional<CustomField> customField(String id) {
        return customFields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public java.util.Optional<Sprint> sprint(long id) {
        return sprints.stream().filter(s -> s.id() == id).findFirst();
    }

    public java.util.Optional<IncomingLink> link(String clientId) {
        return links.stream().filter(l -> l.clientId().equals(clientId)).findFirst();
    }

    public DcInstance withLinks(List<IncomingLink> next) {
        return new DcInstance(id, contextPath, serverTitle, version, lifetimes, users, next, personalAccessTokens, consent, projects,
                generateIssues, issues, customFields, sprints);
    }

    /** The same instance holding exactly these issues (what an export writes). */
    public DcInstance withIssues(List<Issue> next) {
        return new DcInstance(id, contextPath, serverTitle, version, lifetimes, users, links, personalAccessTokens, consent, projects, null, next,
                customFields, sprints);
    }

    /** The same instance with {@code user} in place of the user who has its key. */
    public DcInstance withUser(DcUser user) {
        List<DcUser> next = users.stream().map(u -> u.key().equals(user.key()) ? user : u).toList();
        return new DcInstance(id, contextPath, serverTitle, version, lifetimes, next, links, personalAccessTokens, consent, projects,
                generateIssues, issues, customFields, sprints);
    }

    public DcInstance withConsent(DcConsent next) {
        return new DcInstance(id, contextPath, serverTitle, version, lifetimes, users, links, personalAccessTokens, next, projects,
                generateIssues, issues, customFields, sprints);
    }
}
