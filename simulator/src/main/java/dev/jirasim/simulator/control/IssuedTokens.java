package dev.jirasim.simulator.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Tokens minted without the browser dance, exactly as {@code /oauth/token} would have issued them after
 * consent: same lifetimes, rotation and scopes. Serialised like the token endpoint's body, plus the grant id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"access_token", "refresh_token", "expires_in", "scope", "token_type", "grant_id"})
public record IssuedTokens(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("grant_id") String grantId) {

    @JsonProperty("token_type")
    public String tokenType() {
        return "Bearer";
    }
}
