package dev.jirasim.simulator.world;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.world.DcInstance.DcUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of one Data Center instance: its consent setting and the OAuth 2.0 codes and tokens it
 * issued. Refreshing rotates both tokens at once: the old access and refresh tokens die immediately
 * (reference jira-data-center.md §2.4). Every method is synchronized, so a code or refresh token has one winner.
 */
public final class DcRuntime {
    /** DC scopes in rank order: a higher scope includes the lower ones. */
    public static final List<String> SCOPES = DcScope.NAMES;

    public record Code(String code, String clientId, String user, String redirectUri, List<String> scopes, String challenge,
                       String challengeMethod, Instant expiresAt) {
    }

    /** A bearer credential: an OAuth access token (with scopes) or a personal access token (the user's full rights). */
    public record Bearer(String user, String clientId, List<String> scopes, Instant expiresAt, boolean personal) {
        /** Whether the token's scopes reach {@code needed}; personal access tokens act with the user's own rights. */
        public boolean allows(DcScope needed) {
            return personal || scopes.stream().anyMatch(s -> SCOPES.contains(s) && DcScope.valueOf(s).reaches(needed));
        }
    }

    /** The token endpoint's answer. */
    public record Issued(String accessToken, String refreshToken, long expiresIn, Instant createdAt) {
    }

    private record Refresh(String token, String accessToken, String clientId, String user, List<String> scopes, Instant expiresAt) {
    }

    public enum Rejection { UNKNOWN_CODE, REDIRECT_MISMATCH, VERIFIER_MISMATCH, CLIENT_MISMATCH, UNKNOWN_REFRESH }

    private volatile DcInstance instance;
    private final SimClock clock;
    private final JiraData jira;
    private final Map<String, User> usersByKey = new java.util.LinkedHashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Bearer> access = new HashMap<>();
    private final Map<String, Refresh> refresh = new HashMap<>();
    /** Consent pages shown: page key → the secret its browser holds in a cookie (CSRF). Bounded, oldest evicted. */
    private final Map<String, String> consentPages = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 1_000;
        }
    };

    DcRuntime(DcInstance instance, SimClock clock) {
        this.instance = instance;
        this.clock = clock;
        // DC users become the engine's users: the key plays the account id, the name the nickname.
        for (DcUser u : instance.users()) {
            usersByKey.put(u.key(), new User(u.key(), u.emailAddress(), u.displayName(), u.name(), u.timeZone(), "en-US",
                    u.active() ? "active" : "inactive",
                    List.of(instance.id()), u.admin() ? List.of(instance.id()) : List.of()));
        }
        this.jira = new JiraData(usersByKey);
        checkCustomFields(instance);
        var partIds = new java.util.HashSet<String>();
        for (Project p : instance.projects()) {
            if (!p.site().equals(instance.id())) throw new WorldException("DC project " + p.key() + " must name site " + instance.id());
            var perms = new java.util.LinkedHashMap<String, List<Permission>>();
            p.permissions().forEach((who, what) -> perms.put(who.equals("*") ? "*" : keyOf(who, "project " + p.key()), what));
            // Component leads are DC users, by name or key in the file; the engine holds keys.
            var components = new java.util.ArrayList<Project.Component>();
            for (Project.Component x : p.components()) {
                unique(partIds.add("component/" + x.id()), "component id " + x.id());
                components.add(new Project.Component(x.id(), x.name(), x.description(),
                        x.lead() == null ? null : keyOf(x.lead(), "component " + x.name() + " of " + p.key())));
            }
            for (Project.Version v : p.versions()) unique(partIds.add("version/" + v.id()), "version id " + v.id());
            unique(p.components().stream().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).distinct().count() == p.components().size(),
                    "component name in " + p.key());
            unique(p.versions().stream().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).distinct().count() == p.versions().size(),
                    "version name in " + p.key());
            jira.addProject(new Project(p.id(), p.key(), p.name(), p.site(), p.projectTypeKey(), p.lead() == null ? null : keyOf(p.lead(), "project " + p.key()),
                    perms, p.description(), components, p.versions(), p.style()));
        }
        var people = new java.util.ArrayList<>(usersByKey.keySet());
        long nextId = 20_000;
        for (Project p : instance.projects()) {
            if (instance.generateIssues() == null) break;
            var generated = IssueGenerator.generate(instance.generateIssues(), jira.project(instance.id(), p.key()).orElseThrow(), people, nextId,
                    instance.customFields(), instance.sprints());
            generated.forEach(jira::load);
            nextId += generated.size();
        }
        for (Issue i : instance.issues()) {
            Project owner = jira.project(instance.id(), i.project()).orElseThrow(() -> new WorldException("DC " + instance.id() + ": issue " + i.key()
                    + " names unknown project " + i.project()));
            for (String part : i.components()) {
                if (owner.component(part).isEmpty()) throw new WorldException("DC " + instance.id() + ": issue " + i.key() + " names unknown component " + part);
            }
            for (String part : i.fixVersions()) {
                if (owner.version(part).isEmpty()) throw new WorldException("DC " + instance.id() + ": issue " + i.key() + " names unknown version " + part);
            }
            // People by key, whatever the file used; history and activity kept as written.
            jira.load(i.toBuilder().site(instance.id()).assignee(ref(i.assignee())).reporter(ref(i.reporter())).creator(ref(i.creator()))
                    .customFields(customValues(i)).build());
        }
    }

    /** Custom field ids and names unique on the instance, of the types DC has; sprint ids unique; all on this instance. */
    private static void checkCustomFields(DcInstance instance) {
        var ids = new java.util.HashSet<String>();
        var names = new java.util.HashSet<String>();
        // Option ids are unique on the instance: /customFieldOption/{id} finds an option by its id alone.
        var options = new java.util.HashSet<String>();
        for (CustomField f : instance.customFields()) {
            if (!f.site().equals(instance.id())) throw new WorldException("DC custom field " + f.id() + " must name site " + instance.id());
            if (!DcInstance.CUSTOM_FIELD_TYPES.contains(f.type())) {
                throw new WorldException("DC " + instance.id() + ": custom field " + f.id() + " has type " + f.type() + ", which DC does not have here; use one of "
                        + DcInstance.CUSTOM_FIELD_TYPES);
            }
            unique(ids.add(f.id()), "custom field id " + f.id());
            unique(names.add(f.name().toLowerCase(java.util.Locale.ROOT)), "custom field name " + f.name());
            for (CustomField.Option o : f.options()) unique(options.add(o.id()), "option id " + o.id());
        }
        var sprintIds = new java.util.HashSet<Long>();
        for (Sprint sp : instance.sprints()) {
            if (!sp.site().equals(instance.id())) throw new WorldException("DC sprint " + sp.id() + " must name site " + instance.id());
            unique(sprintIds.add(sp.id()), "sprint id " + sp.id());
        }
    }

    private static void unique(boolean ok, String what) {
        if (!ok) throw new WorldException("DC: duplicate " + what);
    }

    /** An issue's custom values, checked against the instance's fields; people (a user picker's values) become keys. */
    private Map<String, Object> customValues(Issue i) {
        var out = new java.util.LinkedHashMap<String, Object>();
        i.customFields().forEach((id, value) -> {
            CustomField f = instance.customField(id).orElseThrow(() -> new WorldException("DC " + instance.id() + ": issue " + i.key()
                    + " has a value for unknown custom field " + id));
            if (!f.accepts(value, n -> instance.sprint(n).isPresent(), a -> instance.user(a).isPresent())) {
                throw new WorldException("DC " + instance.id() + ": issue " + i.key() + ": " + id + " (" + f.type() + ") has a value of the wrong form: " + value);
            }
            out.put(id, f.type().equals("multiUser") ? ((List<?>) value).stream().map(x -> ref((String) x)).distinct().toList() : value);
        });
        return out;
    }

    private String keyOf(String nameOrKey, String where) {
        return instance.user(nameOrKey).map(DcUser::key).orElseThrow(() -> new WorldException("DC " + instance.id() + ": " + where + " names unknown user " + nameOrKey));
    }

    private String ref(String nameOrKey) {
        return nameOrKey == null ? null : keyOf(nameOrKey, "an issue");
    }

    /** Projects and issues of this instance (site = the instance id), with the permission rules. */
    public JiraData jira() {
        return jira;
    }

    /** A DC user as the engine knows them (account id = DC key). */
    public Optional<User> engineUser(String nameOrKey) {
        return instance.user(nameOrKey).map(u -> usersByKey.get(u.key()));
    }

    /** The instance as a world file writes it: its current issues, generated ones included. */
    public DcInstance exported() {
        return instance.withIssues(jira.allIssues());
    }

    public DcInstance instance() {
        return instance;
    }

    public synchronized void consent(DcInstance.DcConsent next) {
        if (next.auto() && instance.user(next.user()).isEmpty()) throw new WorldException("DC consent names unknown user " + next.user());
        DcInstance previous = instance;
        instance = instance.withConsent(next);
        UndoLog.note(() -> {
            synchronized (this) {
                instance = previous;
            }
        });
    }

    public synchronized Code issueCode(String clientId, String user, String redirectUri, List<String> scopes, String challenge, String method) {
        var code = new Code(token(32), clientId, user, redirectUri, List.copyOf(scopes), challenge, method,
                clock.now().plusSeconds(instance.lifetimes().authorizationCodeSeconds()));
        UndoLog.put(codes, code.code(), code, this);
        return code;
    }

    /** A consent page about to be shown: its key (a hidden field) and the browser's secret (a cookie). */
    public synchronized String[] openConsentPage() {
        String key = Secrets.hex(16);
        String secret = token(24);
        consentPages.put(key, secret);
        return new String[] {key, secret};
    }

    /** Whether a consent form comes from the page this browser was shown; a page answers once. */
    public synchronized boolean takeConsentPage(String key, String cookie) {
        String secret = key == null ? null : consentPages.get(key);
        if (secret == null || cookie == null || !java.security.MessageDigest.isEqual(secret.getBytes(StandardCharsets.US_ASCII),
                cookie.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        consentPages.remove(key);
        return true;
    }

    /** Redeems a code once; the verifier is checked when the authorization asked for PKCE. */
    public synchronized Object redeem(String code, String clientId, String redirectUri, String verifier) {
        Code found = code == null ? null : UndoLog.remove(codes, code, this);
        if (found == null || !clock.now().isBefore(found.expiresAt())) return Rejection.UNKNOWN_CODE;
        if (!found.clientId().equals(clientId)) return Rejection.CLIENT_MISMATCH;
        if (!found.redirectUri().equals(redirectUri)) return Rejection.REDIRECT_MISMATCH;
        if (found.challenge() != null && !Pkce.verifies(found.challenge(), found.challengeMethod() == null ? "plain" : found.challengeMethod(), verifier)) {
            return Rejection.VERIFIER_MISMATCH;
        }
        return pair(found.clientId(), found.user(), found.scopes());
    }

    /** Rotates a refresh token: the presented token and its access token stop working at once. */
    public synchronized Object refresh(String token, String clientId) {
        Refresh found = token == null ? null : refresh.get(token);
        if (found == null || !clock.now().isBefore(found.expiresAt())) return Rejection.UNKNOWN_REFRESH;
        if (!found.clientId().equals(clientId)) return Rejection.CLIENT_MISMATCH;
        UndoLog.remove(refresh, token, this);
        UndoLog.remove(access, found.accessToken(), this);
        return pair(found.clientId(), found.user(), found.scopes());
    }

    private Issued pair(String clientId, String user, List<String> scopes) {
        Instant now = clock.now();
        String at = jws();
        String rt = jws();
        UndoLog.put(access, at, new Bearer(user, clientId, scopes, now.plusSeconds(instance.lifetimes().accessTokenSeconds()), false), this);
        UndoLog.put(refresh, rt, new Refresh(rt, at, clientId, user, scopes, now.plusSeconds(instance.lifetimes().refreshTokenSeconds())), this);
        return new Issued(at, rt, instance.lifetimes().accessTokenSeconds(), now);
    }

    /** The bearer behind a token, if it is a live access token or personal access token. */
    public synchronized Optional<Bearer> authenticate(String token) {
        Instant now = clock.now();
        Bearer b = token == null ? null : access.get(token);
        if (b != null) return now.isBefore(b.expiresAt()) ? Optional.of(b) : Optional.empty();
        for (var pat : instance.personalAccessTokens()) {
            if (pat.token().equals(token) && (pat.expiresAt() == null || now.isBefore(pat.expiresAt()))) {
                return Optional.of(new Bearer(pat.user(), null, List.of(), pat.expiresAt(), true));
            }
        }
        return Optional.empty();
    }

    /** Consecutive failed logins after which DC asks for a CAPTCHA (DC's default, jira.maximum.authentication.attempts.allowed). */
    public static final int CAPTCHA_AFTER_FAILURES = 3;

    /** How one HTTP Basic login went, in Seraph's words ({@code X-Seraph-LoginReason}). */
    public enum LoginReason { OK, AUTHENTICATED_FAILED, AUTHENTICATION_DENIED }

    /** A Basic login's outcome: the user when {@code OK}. */
    public record Login(LoginReason reason, Optional<DcUser> user) {
    }

    /** Consecutive failed logins per user key; cleared by a successful login or a new world. */
    private final Map<String, Integer> failedLogins = new HashMap<>();

    /**
     * An HTTP Basic login as Seraph does it: a user in CAPTCHA mode (after {@link #CAPTCHA_AFTER_FAILURES}
     * consecutive failures) is denied without the password being checked; a wrong password counts a failure;
     * a right one clears the count. Unknown and deactivated users fail without counting (our choice).
     */
    public synchronized Login basic(String username, String password) {
        Optional<DcUser> found = instance.users().stream().filter(u -> u.name().equalsIgnoreCase(username)).findFirst();
        if (found.isEmpty()) return new Login(LoginReason.AUTHENTICATED_FAILED, Optional.empty());
        DcUser u = found.get();
        if (failedLogins.getOrDefault(u.key(), 0) >= CAPTCHA_AFTER_FAILURES) return new Login(LoginReason.AUTHENTICATION_DENIED, Optional.empty());
        if (!u.active()) return new Login(LoginReason.AUTHENTICATED_FAILED, Optional.empty());
        boolean right = u.password() != null && java.security.MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        if (!right) {
            failedLogins.merge(u.key(), 1, Integer::sum);
            return new Login(LoginReason.AUTHENTICATED_FAILED, Optional.empty());
        }
        failedLogins.remove(u.key());
        return new Login(LoginReason.OK, found);
    }

    /**
     * Sets or replaces a user's Basic password (null removes it); the user given by name or key. The failed-login
     * count stays: a user in CAPTCHA mode stays there (see {@link #basic}). An unknown user throws {@link WorldException}.
     */
    public synchronized void password(String nameOrKey, String password) {
        DcUser user = instance.user(nameOrKey).orElseThrow(() -> new WorldException("DC " + instance.id() + " has no user " + nameOrKey));
        DcInstance previous = instance;
        instance = instance.withUser(user.withPassword(password));
        UndoLog.note(() -> {
            synchronized (this) {
                instance = previous;
            }
        });
    }

    public Optional<DcUser> user(String nameOrKey) {
        return instance.user(nameOrKey);
    }

    /** Compact-JWS-shaped like DC's tokens (HS256 header, random id), opaque by contract. */
    private static String jws() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"id\":\"" + Secrets.hex(16) + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + token(32);
    }

    private static String token(int bytes) {
        return Secrets.token(bytes);
    }
}
