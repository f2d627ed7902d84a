package dev.jirasim.conformance.parity;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Endpoint names for the report: method plus path, the target's base URL written as its name and ids or keys
 * as placeholders named after Jira's and Nango's API documentation ({@code {issueIdOrKey}}, {@code {cloudId}}),
 * so that one row gathers every scenario that calls the same operation.
 */
public final class Endpoints {
    private static final Pattern ID = Pattern.compile("\\$\\{[^}]+}|\\d+|[A-Za-z][A-Za-z0-9]*-\\d+|[0-9a-fA-F-]{32,36}");
    /** Anywhere else only a template or a UUID is surely an id: "3" in /rest/api/3 is a version. */
    private static final Pattern VARIABLE_OR_UUID = Pattern.compile("\\$\\{[^}]+}|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9]+");
    /** Segments after which an id-like segment is that kind of id. */
    private static final Map<String, String> AFTER = Map.ofEntries(
            Map.entry("issue", "{issueIdOrKey}"), Map.entry("project", "{projectIdOrKey}"),
            Map.entry("createmeta", "{projectIdOrKey}"), Map.entry("issuetypes", "{issueTypeId}"),
            Map.entry("comment", "{id}"), Map.entry("worklog", "{id}"), Map.entry("attachment", "{id}"),
            Map.entry("issueLink", "{linkId}"), Map.entry("customFieldOption", "{id}"), Map.entry("component", "{id}"),
            Map.entry("version", "{id}"), Map.entry("user", "{accountId}"));

    private Endpoints() {
    }

    /** A URL without its query, the longest matching base URL replaced by {@code ${name}}. */
    public static String relativize(String url, Map<String, String> baseUrls) {
        String path = url.split("[?#]", 2)[0];
        String best = null;
        for (var base : baseUrls.entrySet()) {
            String prefix = base.getValue().replaceAll("/+$", "");
            boolean under = path.equals(prefix) || path.startsWith(prefix + "/");
            if (under && (best == null || prefix.length() > baseUrls.get(best).replaceAll("/+$", "").length())) best = base.getKey();
        }
        if (best == null) return path;
        return "${" + best + "}" + path.substring(baseUrls.get(best).replaceAll("/+$", "").length());
    }

    /** "GET ${api}/ex/jira/{cloudId}/rest/api/3/issue/{issueIdOrKey}" for a relativized URL. */
    public static String name(String method, String url) {
        String base = "";
        String path = url;
        if (url.startsWith("${")) {
            base = url.substring(0, url.indexOf('}') + 1);
            path = url.substring(base.length());
        }
        String[] parts = path.split("/", -1);
        boolean nango = base.equals("${nango}");
        for (int i = 1; i < parts.length; i++) {
            String previous = parts[i - 1];
            String before = i >= 2 ? parts[i - 2] : "";
            String part = parts[i];
            if (previous.equals("jira") && before.equals("ex")) parts[i] = "{cloudId}";
            else if (nango && i == 2 && (previous.equals("connection") || previous.equals("connections"))) parts[i] = "{connectionId}";
            else if (nango && i == 2 && previous.equals("webhook")) parts[i] = "{environmentUuid}";
            else if (nango && i == 3 && before.equals("webhook")) parts[i] = "{providerConfigKey}";
            else if (AFTER.containsKey(previous) && idLike(previous, part)) parts[i] = AFTER.get(previous);
            else if (VARIABLE_OR_UUID.matcher(part).matches()) parts[i] = "{id}";
        }
        return method + " " + base + String.join("/", parts);
    }

    private static boolean idLike(String previous, String part) {
        if (ID.matcher(part).matches()) return true;
        // Project keys are bare capitals: /project/HR, /createmeta/DCP.
        return (previous.equals("project") || previous.equals("createmeta")) && PROJECT_KEY.matcher(part).matches();
    }
}
