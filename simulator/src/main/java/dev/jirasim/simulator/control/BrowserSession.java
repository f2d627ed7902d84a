package dev.jirasim.simulator.control;

/**
 * What the dashboard and the OAuth debugger need from the server's browser session (see the server's AdminSession):
 * whether a token guards the control API, signing in with it, and the CSRF check of their forms. Plain strings in, so
 * this package stays free of the server.
 */
public interface BrowserSession {
    /** The session cookie's name. */
    String COOKIE = "jirasim_admin";

    boolean protectedByToken();

    /** The session cookie's value for a correct admin token, or null. */
    String signIn(String token);

    boolean signedIn(String cookie);

    String csrfToken();

    /** A form post: the CSRF field matches and the browser's Sec-Fetch-Site and Origin do not name another site. */
    boolean formFromThisDashboard(String secFetchSite, String origin, String host, String csrfField);
}
