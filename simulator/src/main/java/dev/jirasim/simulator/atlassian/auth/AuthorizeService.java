package dev.jirasim.simulator.atlassian.auth;

import dev.jirasim.simulator.tenant.ConsentRequest;
import dev.jirasim.simulator.world.AuthPolicy;
import dev.jirasim.simulator.world.AuthorizationCode;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.Grant;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /authorize}: validates the request in the order a client meets the errors (client and
 * redirect_uri first, since only then may errors be redirected), then either asks the person or, with
 * automatic consent, decides at once. Plain Java: the routes render the outcome.
 */
public final class AuthorizeService {
    public static final String AUDIENCE = "api.atlassian.com";
    static final String DENIED_DESCRIPTION = "User did not authorize the request";

    public AuthorizeOutcome authorize(World world, Map<String, List<String>> query) {
        var duplicated = query.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).sorted().toList();
        String clientId = first(query, "client_id");
        Optional<OAuthApp> app = world.app(clientId);
        if (app.isEmpty() || duplicated.contains("client_id")) {
            return new AuthorizeOutcome.ErrorPage(400, "invalid_client",
                    clientId == null ? "client_id is required."
                            : duplicated.contains("client_id") ? "client_id must not be repeated." : "Unknown client_id: " + clientId);
        }
        String redirectUri = first(query, "redirect_uri");
        if (redirectUri == null || duplicated.contains("redirect_uri") || !app.get().callbackUrls().contains(redirectUri)) {
            // Matched exactly (trailing slash included): no open redirect to an unregistered URI.
            return new AuthorizeOutcome.ErrorPage(400, "unauthorized_client",
                    "redirect_uri is not registered for client: " + (redirectUri == null ? "" : redirectUri));
        }
        String state = first(query, "state");
        var fail = new Object() {
            AuthorizeOutcome with(String error, String description) {
                return new AuthorizeOutcome.Redirect(errorRedirect(redirectUri, error, description, state));
            }
        };
        if (!duplicated.isEmpty()) return fail.with("invalid_request", "Parameters must not be repeated: " + String.join(", ", duplicated));
        AuthPolicy policy = world.policy();
        String responseType = first(query, "response_type");
        if (responseType == null) return fail.with("invalid_request", "Missing required parameter: response_type");
        if (!responseType.equals("code")) return fail.with("unsupported_response_type", "Unsupported response type: " + responseType);
        String audience = first(query, "audience");
        if (audience == null && policy.requireAudience()) return fail.with("invalid_request", "Missing required parameter: audience");
        if (audience != null && !audience.equals(AUDIENCE)) return fail.with("invalid_request", "Service not found: " + audience);
        if (state == null && policy.requireState()) return fail.with("invalid_request", "Missing required parameter: state");
        String scope = first(query, "scope");
        if (scope == null || scope.isBlank()) return fail.with("invalid_request", "Missing required parameter: scope");
        List<String> scopes = Arrays.stream(scope.trim().split("\\s+")).distinct().toList();
        for (String s : scopes) {
            if (!s.equals(TokenStore.OFFLINE_ACCESS) && !app.get().scopes().contains(s)) {
                return fail.with("invalid_scope", "The scope '" + s + "' is not enabled for this app.");
            }
        }
        String prompt = first(query, "prompt");
        if ("none".equals(prompt)) return fail.with("login_required", "Login required");
        if (prompt != null && !prompt.equals("consent") && !prompt.equals("login")) {
            return fail.with("invalid_request", "Unsupported prompt: " + prompt);
        }
        String challenge = first(query, "code_challenge");
        String method = first(query, "code_challenge_method");
        if (method != null && !method.equals("S256") && !method.equals("plain")) {
            return fail.with("invalid_request", "Unsupported code_challenge_method: " + method);
        }
        if (method != null && challenge == null) return fail.with("invalid_request", "code_challenge_method given without code_challenge");
        if (challenge != null && method == null) method = "plain";

        var request = new ConsentRequest(app.get(), redirectUri, scopes, state, challenge, method);
        Consent consent = world.consent();
        if (consent.mode() == Consent.Mode.INTERACTIVE) return new AuthorizeOutcome.AskUser(request);
        User user = world.user(consent.user()).orElseThrow();
        List<String> sites = consent.sites() != null ? consent.sites() : user.sites();
        return decide(world, request, user, sites, consent.decision() == Consent.Decision.APPROVE);
    }

    /** True when this person may see the consent screen for the request's app at all. */
    public Optional<AuthorizeOutcome.ErrorPage> mayConsent(World world, ConsentRequest request, User user) {
        OAuthApp app = request.app();
        if (app.distribution() == OAuthApp.Distribution.PRIVATE && !world.user(app.owner()).map(o -> o.accountId().equals(user.accountId())).orElse(false)) {
            return Optional.of(new AuthorizeOutcome.ErrorPage(403, "unauthorized_client",
                    "This app is not shared (distribution is disabled): only its owner can authorize it."));
        }
        return Optional.empty();
    }

    /**
     * The person's decision: approve for the given sites (subdomains or cloudIds, each one the user's own),
     * or deny.
     */
    public AuthorizeOutcome decide(World world, ConsentRequest request, User user, List<String> siteRefs, boolean approve) {
        Optional<AuthorizeOutcome.ErrorPage> refused = mayConsent(world, request, user);
        if (refused.isPresent()) return refused.get();
        if (!approve) {
            return new AuthorizeOutcome.Redirect(errorRedirect(request.redirectUri(), "access_denied", DENIED_DESCRIPTION, request.state()));
        }
        if (siteRefs.isEmpty()) return new AuthorizeOutcome.ErrorPage(400, "invalid_request", "Choose a site to use this app on.");
        List<String> cloudIds = new ArrayList<>();
        for (String ref : siteRefs) {
            Site site = world.site(ref).filter(s -> user.memberOf(s.subdomain())).orElse(null);
            if (site == null) return new AuthorizeOutcome.ErrorPage(400, "invalid_request", user.email() + " has no access to site " + ref);
            if (!cloudIds.contains(site.cloudId())) cloudIds.add(site.cloudId());
        }
        Grant grant = world.tokens().consent(request.app().clientId(), user.accountId(), request.scopes(), cloudIds);
        AuthorizationCode code = world.tokens().issueCode(grant, request.redirectUri(), request.scopes(),
                request.codeChallenge(), request.codeChallengeMethod());
        var params = new LinkedHashMap<String, String>();
        params.put("code", code.code());
        if (request.state() != null) params.put("state", request.state());
        return new AuthorizeOutcome.Redirect(dev.jirasim.simulator.common.Urls.withQuery(request.redirectUri(), params));
    }

    static String errorRedirect(String redirectUri, String error, String description, String state) {
        var params = new LinkedHashMap<String, String>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) params.put("state", state);
        return dev.jirasim.simulator.common.Urls.withQuery(redirectUri, params);
    }


    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
