package dev.jirasim.simulator.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.jirasim.simulator.common.JsonMembers;
import dev.jirasim.simulator.world.TokenPair;

/**
 * The token endpoint's 200 body, and what {@link SimulatorControl#issueTokens} mints without the browser dance
 * (same lifetimes, rotation and scopes) plus the grant's id. {@code refresh_token} only with offline_access;
 * {@code grant_id} only from the control API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"access_token", "refresh_token", "expires_in", "scope", "token_type", "grant_id"})
// token_type is constant: written from tokenType(), and ignored when an HTTP client reads the body back.
@JsonIgnoreProperties(value = "token_type", allowGetters = true)
public record IssuedTokens(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("grant_id") String grantId) {

    /** The tokens of {@code pair}; {@code grantId} null leaves {@code grant_id} out, as the token endpoint does. */
    public static IssuedTokens of(TokenPair pair, String grantId) {
        return new IssuedTokens(pair.access().token(), pair.refresh() == null ? null : pair.refresh().token(),
                pair.expiresIn(), String.join(" ", pair.scopes()), grantId);
    }

    @JsonProperty("token_type")
    public String tokenType() {
        return "Bearer";
    }

    /**
     * This body as Jackson writes it (the annotations above), written directly: the token endpoint answers with one
     * for every refresh, and Jackson's serializer was a tenth of that answer's work. {@code IssuedTokensJsonProperties}
     * holds the two to the same text.
     */
    public String toJson() {
        var json = new StringBuilder(accessToken.length() + 160).append('{');
        JsonMembers.string(json, "access_token", accessToken);
        if (refreshToken != null) JsonMembers.string(json.append(','), "refresh_token", refreshToken);
        json.append(",\"expires_in\":").append(expiresIn);
        if (scope != null) JsonMembers.string(json.append(','), "scope", scope);
        JsonMembers.string(json.append(','), "token_type", tokenType());
        if (grantId != null) JsonMembers.string(json.append(','), "grant_id", grantId);
        return json.append('}').toString();
    }
}
