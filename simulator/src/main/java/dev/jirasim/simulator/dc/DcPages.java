package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.DcInstance.DcUser;
import dev.jirasim.simulator.world.DcInstance.IncomingLink;
import java.util.List;
import java.util.Map;

/** The DC consent page (Jira serves its own under /plugins/servlet/oauth2/consent) and error pages. */
final class DcPages {
    private DcPages() {
    }

    static String consent(DcInstance instance, IncomingLink link, List<String> scopes, Map<String, String> params) {
        var hidden = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) hidden.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"").append(esc(v)).append("\">");
        });
        var users = new StringBuilder();
        for (DcUser u : instance.users()) {
            users.append("<option value=\"").append(esc(u.name())).append("\">").append(esc(u.displayName())).append(" (").append(esc(u.name())).append(")</option>");
        }
        var scopeList = new StringBuilder();
        for (String s : scopes) scopeList.append("<li><code>").append(esc(s)).append("</code></li>");
        return page("Allow access", """
                <h1>%s wants to access your %s account</h1>
                <p>It asks for:</p><ul id="scopes">%s</ul>
                <form method="post" action="../../../plugins/servlet/oauth2/consent" id="consent-form">
                  %s
                  <label>Signed in as <select name="user" id="user">%s</select></label>
                  <button type="submit" name="decision" value="approve" id="allow">Allow</button>
                  <button type="submit" name="decision" value="deny" id="deny">Deny</button>
                </form>
                """.formatted(esc(link.name()), esc(instance.serverTitle()), scopeList, hidden, users));
    }

    static String error(String message) {
        return page("Error", "<h1>Something went wrong</h1><p id=\"error\">" + esc(message) + "</p>");
    }

    /**
     * Jira's error page for a refused Basic login: "Unauthorized (401)", "Encountered a "401 - Unauthorized"
     * error while loading this page." and Seraph's "Basic Authentication Failure - Reason : AUTHENTICATED_FAILED"
     * (captured from Jira Server); the 403 page for AUTHENTICATION_DENIED follows the same pattern (our choice).
     */
    static String basicFailure(int status, String phrase, String reason) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + phrase + " (" + status + ")</title></head><body>"
                + "<h1>" + phrase + " (" + status + ")</h1><p>Encountered a &quot;" + status + " - " + phrase
                + "&quot; error while loading this page.</p><p id=\"reason\">Basic Authentication Failure - Reason : " + esc(reason)
                + "</p></body></html>";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " · Jira Data Center (Jirasim)</title></head><body>" + body + "</body></html>";
    }

    static String esc(String s) {
        return dev.jirasim.simulator.common.Html.esc(s);
    }
}
