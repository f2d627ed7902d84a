package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.DcInstance.DcUser;
import dev.jirasim.simulator.world.DcInstance.IncomingLink;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.DcRuntime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira DC's OAuth 2.0 provider for incoming links (reference jira-data-center.md §2): authorize with PKCE
 * ({@code plain} or {@code S256}), DC scopes only, and a form-only token endpoint whose refresh rotates both
 * tokens. Unknown extra parameters (Nango sends {@code grant_type} to authorize) are ignored.
 */
final class DcOAuthService {
    /** What authorize does: show an error page, redirect to the client, or show the consent page. */
    sealed interface Outcome {
        record ErrorPage(int status, String error, String description) implements Outcome {
        }

        record Redirect(String location) implements Outcome {
        }

        record ConsentPage(IncomingLink link, List<String> scopes, Map<String, String> params) implements Outcome {
        }
    }

    private DcOAuthService() {
    }

    /** {@code automatic}: whether the instance's automatic consent may decide (not when a person just did). */
    static Outcome authorize(DcRuntime dc, Map<String, String> q, boolean automatic) {
        DcInstance instance = dc.instance();
        IncomingLink link = q.get("client_id") == null ? null : instance.link(q.get("client_id")).orElse(null);
        if (link == null) return new Outcome.ErrorPage(400, "invalid_client", "No incoming link has the client id " + q.get("client_id") + ".");
        String redirect = q.get("redirect_uri");
        // Never redirect to an address the link does not name: that would be an open redirect.
        if (redirect == null || !redirect.equals(link.redirectUrl())) {
            return new Outcome.ErrorPage(400, "invalid_request", "The redirect_uri does not match the incoming link's redirect URL.");
        }
        String state = q.get("state");
        if (!"code".equals(q.get("response_type"))) return error(redirect, "unsupported_response_type", "response_type must be code.", state);
        List<String> scopes = q.get("scope") == null ? List.of() : Arrays.stream(q.get("scope").trim().split("[ +]+")).filter(s -> !s.isEmpty()).toList();
        if (scopes.isEmpty()) return error(redirect, "invalid_scope", "A scope is required: READ, WRITE, ADMIN or SYSTEM_ADMIN.", state);
        for (String s : scopes) {
            if (!DcRuntime.SCOPES.contains(s) || !link.scopes().contains(s)) {
                return error(redirect, "invalid_scope", "The scope '" + s + "' is not allowed for this application.", state);
            }
        }
        String method = q.get("code_challenge_method");
        if (method != null && !method.equals("plain") && !method.equals("S256")) {
            return error(redirect, "invalid_request", "code_challenge_method must be plain or S256.", state);
        }
        if (method != null && q.get("code_challenge") == null) return error(redirect, "invalid_request", "code_challenge is missing.", state);
        DcInstance.DcConsent consent = instance.consent();
        if (automatic && consent.auto()) {
            DcUser user = dc.user(consent.user()).orElseThrow();
            return decide(dc, link, q, scopes, user, consent.decision().equals("approve"));
        }
        return new Outcome.ConsentPage(link, scopes, q);
    }

    /** The user's decision on the consent page (or the automatic one). */
    static Outcome decide(DcRuntime dc, IncomingLink link, Map<String, String> q, List<String> scopes, DcUser user, boolean approve) {
        String redirect = link.redirectUrl();
        if (!approve) return error(redirect, "access_denied", "The user denied access.", q.get("state"));
        String method = q.get("code_challenge") == null ? null : q.getOrDefault("code_challenge_method", "plain");
        var code = dc.issueCode(link.clientId(), user.name(), redirect, effective(scopes, user), q.get("code_challenge"), method);
        var params = new LinkedHashMap<String, String>();
        params.put("code", code.code());
        if (q.get("state") != null) params.put("state", q.get("state"));
        return new Outcome.Redirect(dev.jirasim.simulator.common.Urls.withQuery(redirect, params));
    }

    /** A scope never reaches past the user's own rights: only administrators keep ADMIN or SYSTEM_ADMIN. */
    static List<String> effective(List<String> requested, DcUser user) {
        int cap = user.admin() ? DcRuntime.SCOPES.size() - 1 : DcRuntime.SCOPES.indexOf("WRITE");
        var out = new ArrayList<String>();
        for (String s : requested) {
            String capped = DcRuntime.SCOPES.get(Math.min(DcRuntime.SCOPES.indexOf(s), cap));
            if (!out.contains(capped)) out.add(capped);
        }
        return out;
    }

    private static Outcome error(String redirect, String error, String description, String state) {
        var params = new LinkedHashMap<String, String>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) params.put("state", state);
        return new Outcome.Redirect(dev.jirasim.simulator.common.Urls.withQuery(redirect, params));
    }


    // ---- token endpoint -----------------------------------------------------------------------------

    static Map<String, Object> token(DcRuntime dc, String contentType, Map<String, String> p) {
        // Jira reads form parameters only; a JSON body fails inside its JAX-RS resource with a 500 (reference §2.4).
        if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
            throw DcErrors.oauth(500, "server_error", "The token endpoint reads application/x-www-form-urlencoded parameters, not " + contentType + ".");
        }
        String grant = p.get("grant_type");
        if (grant == null) throw DcErrors.oauth(400, "invalid_request", "Missing parameter: grant_type");
        if (!grant.equals("authorization_code") && !grant.equals("refresh_token")) {
            throw DcErrors.oauth(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
        }
        IncomingLink link = p.get("client_id") == null ? null : dc.instance().link(p.get("client_id")).orElse(null);
        if (link == null || p.get("client_secret") == null || !java.security.MessageDigest.isEqual(
                link.clientSecret().getBytes(StandardCharsets.UTF_8), p.get("client_secret").getBytes(StandardCharsets.UTF_8))) {
            throw DcErrors.oauth(401, "invalid_client", "Client authentication failed.");
        }
        Object outcome = grant.equals("authorization_code")
                ? dc.redeem(p.get("code"), link.clientId(), p.get("redirect_uri"), p.get("code_verifier"))
                : dc.refresh(p.get("refresh_token"), link.clientId());
        if (outcome instanceof DcRuntime.Issued issued) {
            var body = new LinkedHashMap<String, Object>();
            body.put("access_token", issued.accessToken());
            body.put("token_type", "bearer");
            body.put("expires_in", issued.expiresIn());
            body.put("refresh_token", issued.refreshToken());
            body.put("created_at", issued.createdAt().getEpochSecond());
            return body;
        }
        throw switch ((DcRuntime.Rejection) outcome) {
            case VERIFIER_MISMATCH -> DcErrors.oauth(400, "invalid_grant", "The code_verifier does not match the code_challenge.");
            case REDIRECT_MISMATCH -> DcErrors.oauth(400, "invalid_grant", "The redirect_uri does not match the one the code was issued for.");
            case UNKNOWN_REFRESH -> DcErrors.oauth(400, "invalid_grant", "The refresh token is invalid or expired.");
            default -> DcErrors.oauth(400, "invalid_grant", "The authorization code is invalid or expired.");
        };
    }
}
