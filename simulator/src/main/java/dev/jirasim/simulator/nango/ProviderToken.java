package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.common.Urls;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nango's POST to a provider's token endpoint, for the code exchange after the connect flow and for every
 * refresh: the client authenticates in the form body, and the answer is read by {@link CredentialService#parse}.
 */
final class ProviderToken {
    private static final Map<String, String> HEADERS =
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json", "User-Agent", "Nango");

    private ProviderToken() {
    }

    /** The authorization code grant, with the PKCE verifier of the OAuth session. */
    static Upstream.Answer exchange(NangoContext ctx, Integration integration, Map<String, Object> config, String code, String verifier)
            throws IOException {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", ctx.callbackUrl());
        form.put("client_id", integration.clientId());
        form.put("client_secret", integration.clientSecret());
        form.put("code_verifier", verifier);
        return post(ctx, integration, config, form);
    }

    static Upstream.Answer refresh(NangoContext ctx, Integration integration, Map<String, Object> config, String refreshToken)
            throws IOException {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", integration.clientId());
        form.put("client_secret", integration.clientSecret());
        form.put("refresh_token", refreshToken);
        return post(ctx, integration, config, form);
    }

    private static Upstream.Answer post(NangoContext ctx, Integration integration, Map<String, Object> config, Map<String, String> form)
            throws IOException {
        return ctx.upstream().send("POST", NangoProvider.of(integration).tokenUrl(ctx, config), HEADERS, Urls.form(form));
    }
}
