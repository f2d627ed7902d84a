package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * How {@code /auth/authorize} obtains the user's decision: the HTML pages (interactive), or at once as a
 * configured user, sites and decision (auto), so tests need no browser.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consent(Mode mode, String user, List<String> sites, Decision decision) {
    public enum Mode {
        INTERACTIVE, AUTO;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    public enum Decision {
        APPROVE, DENY;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    public static final Consent INTERACTIVE = new Consent(Mode.INTERACTIVE, null, null, null);

    public Consent {
        if (mode == null) mode = Mode.INTERACTIVE;
        if (mode == Mode.INTERACTIVE) {
            user = null;
            sites = null;
            decision = null;
        } else {
            if (user == null) throw new IllegalArgumentException("automatic consent needs a user");
            if (decision == null) decision = Decision.APPROVE;
            sites = sites == null ? null : List.copyOf(sites);
        }
    }
}
