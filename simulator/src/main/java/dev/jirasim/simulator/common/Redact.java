package dev.jirasim.simulator.common;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place secrets are masked before they reach a log line or the journal: a short prefix stays so
 * that two values can still be told apart.
 */
public final class Redact {
    /** Parameter and member names whose values are secrets. */
    public static final Set<String> SECRET_NAMES = Set.of("client_secret", "clientSecret", "secretKey",
            "refresh_token", "access_token", "code", "code_verifier", "token", "password", "id_token", "secret");

    private static final Pattern FORM_PAIR = Pattern.compile("(?<=^|&|\\?)([^=&?]+)=([^&]*)");
    private static final Pattern JSON_MEMBER = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern BEARER = Pattern.compile("(?i)(Bearer|Basic)\\s+(\\S+)");

    private Redact() {
    }

    public static String secret(String value) {
        if (value == null) return null;
        if (value.length() <= 8) return "***";
        return value.substring(0, 4) + "…(" + value.length() + " chars)";
    }

    /** Masks secret values in a form or query string ({@code a=1&client_secret=…}). */
    public static String form(String text) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = FORM_PAIR.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            String value = SECRET_NAMES.contains(m.group(1)) ? secret(m.group(2)) : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "=" + value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Masks secret string members of a JSON text. */
    public static String json(String text) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = JSON_MEMBER.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            String value = SECRET_NAMES.contains(m.group(1)) ? secret(m.group(2)) : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement("\"" + m.group(1) + "\":\"" + value + "\""));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Masks the credential in an Authorization header value. */
    public static String authorization(String header) {
        if (header == null) return null;
        Matcher m = BEARER.matcher(header);
        return m.find() ? m.group(1) + " " + secret(m.group(2)) : secret(header);
    }

    /** Header names whose whole value is a credential. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key", "x-atlassian-token");

    /** A request header's value as it may be logged or journaled. */
    public static String header(String name, String value) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("authorization") || lower.equals("proxy-authorization")) return authorization(value);
        if (SECRET_HEADERS.contains(lower) || lower.contains("secret") || lower.contains("token")) return secret(value);
        return value;
    }

    /** Masks whichever of form or JSON a body is. */
    public static String body(String body) {
        if (body == null) return null;
        String trimmed = body.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? json(body) : form(body);
    }
}
