package dev.jirasim.simulator.atlassian.auth;

import dev.jirasim.simulator.tenant.ConsentRequest;
/** What {@code /authorize} does next. */
public sealed interface AuthorizeOutcome {
    /** Send the browser back to the app (with a code, or an error it may show). */
    record Redirect(String location) implements AuthorizeOutcome {
    }

    /** Ask the person: pick an account, then sites and Accept / Deny. */
    record AskUser(ConsentRequest request) implements AuthorizeOutcome {
    }

    /**
     * An error the app must not receive by redirect (unknown client, unregistered redirect_uri): Atlassian
     * shows these on its own error page.
     */
    record ErrorPage(int status, String error, String description) implements AuthorizeOutcome {
    }
}
