package dev.jirasim.simulator.common;

import java.util.Set;

/**
 * The one place secrets are masked before they reach a log line or the journal: a short prefix stays so
 * that two values can still be told apart.
 */
public final class Redact {
    /** Parameter and member names whose values are secrets. */
    public static final Set<String> SECRET_NAMES = Set.of("client_secret", "clientSecret", "secretKey",
            "refresh_token", "access_token", "code", "code_verifier", "token", "password", "id_token", "secret", "webhookSigningKey",
            "webhook_signing_key", "webhookSecret");

    private Redact() {
    }

    public static String secret(String value) {
        if (value == null) return null;
        if (value.length() <= 8) return "***";
        return value.substring(0, 4) + "…(" + value.length() + " chars)";
    }

    /**
     * Masks secret values in a form or query string ({@code a=1&client_secret=…}). A plain scan rather than a
     * regular expression: this runs for every journaled request.
     */
    public static String form(String text) {
        if (text == null || text.isEmpty()) return text;
        var sb = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '&' && text.charAt(end) != '?') end++;
            int eq = text.indexOf('=', start);
            if (eq > start && eq < end && SECRET_NAMES.contains(text.substring(start, eq))) {
                sb.append(text, start, eq + 1).append(secret(text.substring(eq + 1, end)));
            } else {
                sb.append(text, start, end);
            }
            if (end < text.length()) sb.append(text.charAt(end));
            start = end + 1;
        }
        return sb.toString();
    }

    /**
     * Masks secret string members of a JSON text. A single forward scan, no regular expression: bodies can be
     * megabytes long, and a backtracking pattern over a long string overflowed the stack.
     */
    public static String json(String text) {
        if (text == null || text.isEmpty()) return text;
        StringBuilder sb = null;
        int copied = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) != '"') {
                i++;
                continue;
            }
            int nameEnd = endOfString(text, i);
            if (nameEnd < 0) break;
            // A member name is a string followed by a colon; its value is masked when it is a string too.
            int colon = skipSpace(text, nameEnd + 1);
            if (colon < n && text.charAt(colon) == ':' && SECRET_NAMES.contains(text.substring(i + 1, nameEnd))) {
                int valueStart = skipSpace(text, colon + 1);
                if (valueStart < n && text.charAt(valueStart) == '"') {
                    int valueEnd = endOfString(text, valueStart);
                    if (valueEnd < 0) break;
                    if (sb == null) sb = new StringBuilder(text.length());
                    sb.append(text, copied, valueStart + 1).append(secret(text.substring(valueStart + 1, valueEnd)));
                    copied = valueEnd;
                    i = valueEnd + 1;
                    continue;
                }
            }
            i = nameEnd + 1;
        }
        if (sb == null) return text;
        return sb.append(text, copied, n).toString();
    }

    /** The index of the quote that closes the string opened at {@code open}, or -1 when it never closes. */
    private static int endOfString(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i;
        }
        return -1;
    }

    private static int skipSpace(String text, int from) {
        while (from < text.length() && Character.isWhitespace(text.charAt(from))) from++;
        return from;
    }

    /** Path segments that are followed by a secret: the control API takes an API token in its path to revoke it. */
    private static final String SECRET_SEGMENT = "/api-tokens/";

    /** A request path (or URL) as it may be logged: the segment after {@code /api-tokens/} is masked. */
    public static String path(String path) {
        if (path == null) return null;
        int at = path.indexOf(SECRET_SEGMENT);
        if (at < 0) return path;
        int start = at + SECRET_SEGMENT.length();
        int end = start;
        while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '?') end++;
        if (end == start) return path;
        return path.substring(0, start) + secret(path.substring(start, end)) + path.substring(end);
    }

    /** Masks the credential in an Authorization header value. */
    public static String authorization(String header) {
        if (header == null) return null;
        String[] parts = schemeAndCredential(header);
        boolean known = parts != null && (parts[0].equalsIgnoreCase("Bearer") || parts[0].equalsIgnoreCase("Basic"));
        return known ? parts[0] + " " + secret(parts[1]) : secret(header);
    }

    /**
     * Splits an Authorization value into its scheme and credential ({@code "Bearer abc"} → {@code [Bearer, abc]}),
     * or null when there is no credential after the scheme. Scanned by hand: it runs on every API request.
     */
    public static String[] schemeAndCredential(String header) {
        int start = 0;
        while (start < header.length() && Character.isWhitespace(header.charAt(start))) start++;
        int space = start;
        // Only the scheme is scanned: a JWT is long and this runs for every request.
        while (space < header.length() && space - start <= 16 && !Character.isWhitespace(header.charAt(space))) space++;
        if (space == start || space == header.length() || !Character.isWhitespace(header.charAt(space))) return null;
        String credential = header.substring(space).strip();
        return credential.isEmpty() ? null : new String[] {header.substring(start, space), credential};
    }

    /** Header names whose whole value is a credential. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key", "x-atlassian-token");

    /** A request header's value as it may be logged or journaled. */
    public static String header(String name, String value) {
        // Compared without lower-casing: this runs for every header of every journaled request.
        if (name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("proxy-authorization")) return authorization(value);
        for (String secret : SECRET_HEADERS) if (name.equalsIgnoreCase(secret)) return secret(value);
        return mentionsSecretOrToken(name) ? secret(value) : value;
    }

    /** Whether {@code name} contains "secret" or "token" in any case: one pass, comparing only where either may start. */
    private static boolean mentionsSecretOrToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c == 's' && name.regionMatches(true, i, "secret", 0, 6) || c == 't' && name.regionMatches(true, i, "token", 0, 5)) return true;
        }
        return false;
    }

    /** Masks whichever of form or JSON a body is. */
    public static String body(String body) {
        if (body == null) return null;
        String trimmed = body.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? json(body) : form(body);
    }
}
