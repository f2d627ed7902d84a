package dev.jirasim.simulator.atlassian.auth;

import dev.jirasim.simulator.tenant.ConsentRequest;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.User;
import java.util.Collection;
import java.util.List;

/**
 * The HTML a person sees at {@code /authorize}: choose an account (standing in for login), then the
 * consent screen with the app's scopes, the user's sites and Accept / Deny. Form actions are relative, so
 * the pages work under any base URL. Element ids are stable for browser tests.
 */
final class ConsentPages {
    private ConsentPages() {
    }

    static String chooseAccount(ConsentRequest request, String tx, Collection<User> users, String action, String notice) {
        var buttons = new StringBuilder();
        for (User u : users) {
            buttons.append("""
                    <button type="submit" name="user" value="%s" id="user-%s" class="account">
                      <strong>%s</strong><span>%s</span>
                    </button>
                    """.formatted(esc(u.accountId()), esc(u.nickname()), esc(u.displayName()), esc(u.email())));
        }
        return page("Log in to continue", """
                <h1>Log in to continue to %s</h1>
                <p>Choose the Atlassian account to sign in with.</p>
                %s
                <form method="post" action="%s">
                  <input type="hidden" name="tx" value="%s">
                  %s
                </form>
                """.formatted(esc(request.app().name()),
                notice == null ? "" : "<p class=\"notice\" id=\"notice\">" + esc(notice) + "</p>", esc(action), esc(tx), buttons));
    }

    static String consent(ConsentRequest request, String tx, User user, List<Site> sites, String notice) {
        var scopes = new StringBuilder();
        for (String s : request.scopes()) scopes.append("<li><code>").append(esc(s)).append("</code></li>");
        var siteBoxes = new StringBuilder();
        for (Site s : sites) {
            siteBoxes.append("""
                    <label><input type="checkbox" name="site" value="%s" id="site-%s"> %s <small>%s</small></label>
                    """.formatted(esc(s.subdomain()), esc(s.subdomain()), esc(s.name()), esc(s.url())));
        }
        if (sites.isEmpty()) siteBoxes.append("<p>You have no sites this app can use.</p>");
        return page("Authorize " + request.app().name(), """
                <h1>%s is requesting access to your Atlassian account</h1>
                <p>Signed in as <strong id="signed-in">%s</strong> (%s)</p>
                %s
                <form method="post" action="consent" id="consent-form">
                  <input type="hidden" name="tx" value="%s">
                  <h2>It wants to</h2>
                  <ul id="scopes">%s</ul>
                  <h2>Use app on</h2>
                  <fieldset id="sites">%s</fieldset>
                  <button type="submit" name="decision" value="approve" id="accept" disabled>Accept</button>
                  <button type="submit" name="decision" value="deny" id="deny">Deny</button>
                </form>
                <script>
                  // As on Atlassian's screen, Accept stays disabled until a site is picked.
                  const boxes = document.querySelectorAll('input[name=site]');
                  const accept = document.getElementById('accept');
                  const sync = () => accept.disabled = ![...boxes].some(b => b.checked);
                  boxes.forEach(b => b.addEventListener('change', sync));
                  sync();
                </script>
                """.formatted(esc(request.app().name()), esc(user.displayName()), esc(user.email()),
                notice == null ? "" : "<p class=\"notice\" id=\"notice\">" + esc(notice) + "</p>",
                esc(tx), scopes, siteBoxes));
    }

    static String error(int status, String error, String description) {
        return page("Something went wrong", """
                <h1>Something went wrong</h1>
                <p id="error" data-status="%d">%s</p>
                <p id="error-description">%s</p>
                """.formatted(status, esc(error), esc(description)));
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · Jirasim</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>
                  body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;color:#172b4d}
                  button{display:block;margin:.5rem 0;padding:.6rem 1rem;font-size:1rem;cursor:pointer}
                  .account{width:100%%;text-align:left}.account span{display:block;color:#6b778c}
                  label{display:block;margin:.3rem 0}.notice{color:#bf2600}
                </style></head>
                <body><p><em>Jirasim — simulated auth.atlassian.com</em></p>
                %s
                </body></html>
                """.formatted(esc(title), body);
    }

    static String esc(String s) {
        return dev.jirasim.simulator.common.Html.esc(s);
    }
}
