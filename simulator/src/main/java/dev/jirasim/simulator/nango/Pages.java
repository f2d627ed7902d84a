package dev.jirasim.simulator.nango;

/**
 * The small HTML pages Nango shows in the connect popup. The real page's markup and its messages to the
 * opener are not documented; ours tell the opener the outcome by postMessage and expose it as data attributes
 * for browser tests.
 */
final class Pages {
    private Pages() {
    }

    static String result(boolean success, String error, String integration, String connectionId) {
        String body = """
                <main id="nango-result" data-status="%s" data-provider-config-key="%s" data-connection-id="%s">
                  <h1>%s</h1>
                  %s
                </main>
                <script>
                  if (window.opener) {
                    window.opener.postMessage({eventType: "%s", data: {providerConfigKey: "%s", connectionId: "%s", error: "%s"}}, "*");
                    window.close();
                  }
                </script>
                """.formatted(success ? "success" : "error", esc(integration), esc(connectionId),
                success ? "Connection successful" : "Connection failed",
                success ? "<p>You can close this window.</p>" : "<p id=\"error\">" + esc(error) + "</p>",
                success ? "AUTHORIZATION_SUCCEEDED" : "AUTHORIZATION_FAILED", js(integration), js(connectionId), js(error));
        return page(success ? "Connected" : "Connection failed", body);
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " · Nango (Jirasim)</title></head><body>" + body + "</body></html>";
    }

    static String esc(String s) {
        return dev.jirasim.simulator.common.Html.esc(s);
    }

    /** Safe inside a double-quoted JavaScript string in a script element. */
    private static String js(String s) {
        if (s == null) return "";
        var sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '.' || c == ':') sb.append(c);
            else sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
