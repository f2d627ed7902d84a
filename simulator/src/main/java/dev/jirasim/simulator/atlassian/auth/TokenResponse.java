package dev.jirasim.simulator.atlassian.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.jirasim.simulator.world.TokenPair;

/** The token endpoint's 200 body; {@code refresh_token} only when offline_access was granted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"access_token", "refresh_token", "expires_in", "scope", "token_type"})
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("token_type") String tokenType) {

    static TokenResponse of(TokenPair pair) {
        return new TokenResponse(pair.access().token(), pair.refresh() == null ? null : pair.refresh().token(),
                pair.expiresIn(), String.join(" ", pair.scopes()), "Bearer");
    }
}
