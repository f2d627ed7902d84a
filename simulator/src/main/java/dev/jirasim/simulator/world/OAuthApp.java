package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An OAuth 2.0 (3LO) app from the developer console. A private app (sharing not enabled) may be
 * authorized only by its owner.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthApp(
        String clientId,
        String clientSecret,
        String name,
        List<String> callbackUrls,
        List<String> scopes,
        Distribution distribution,
        String owner,
        PkceMode pkce) {

    public enum Distribution {
        SHARED, PRIVATE;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    /** Atlassian does not document PKCE for 3LO; by default the parameters are accepted and ignored. */
    public enum PkceMode {
        IGNORE, VERIFY;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    public OAuthApp {
        Objects.requireNonNull(clientId, "missing required field 'clientId'");
        Objects.requireNonNull(clientSecret, "missing required field 'clientSecret'");
        if (name == null) name = clientId;
        callbackUrls = callbackUrls == null ? List.of() : List.copyOf(callbackUrls);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        if (distribution == null) distribution = Distribution.SHARED;
        if (pkce == null) pkce = PkceMode.IGNORE;
        if (distribution == Distribution.PRIVATE && owner == null) {
            throw new IllegalArgumentException("private app " + clientId + " needs an owner");
        }
    }
}
