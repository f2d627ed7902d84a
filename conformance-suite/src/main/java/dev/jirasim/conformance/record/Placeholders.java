package dev.jirasim.conformance.record;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns values seen in the session into {@code ${name}} placeholders: values the target defines become its
 * variables, values captured from earlier responses become those captures, and credentials the client brought
 * become new variables the target must supply. One name space for all three, since a capture would overwrite
 * a target variable of the same name for the rest of the scenario.
 */
final class Placeholders {
    // Shorter values are replaced only where they are a whole value: inside text they would hit by accident.
    private static final int MIN_EMBEDDED = 8;
    private static final int MIN_WHOLE = 3;
    /** Request members whose values are credentials, after the docs' list of redacted names. */
    static final Set<String> SECRET_NAMES = Set.of("client_secret", "code", "code_verifier", "refresh_token", "access_token",
            "id_token", "token", "password", "secret", "secret_key", "secretKey", "clientSecret", "client_assertion", "api_key", "apiKey");

    /** A variable the target file must define, and where the session used its value. */
    record Supplied(String name, String usedIn) {
    }

    private final Map<String, String> byValue = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Supplied> supplied = new LinkedHashMap<>();

    Placeholders(Map<String, String> targetVariables) {
        targetVariables.forEach((name, value) -> {
            names.add(name);
            if (value != null && value.length() >= MIN_WHOLE) byValue.putIfAbsent(value, name);
        });
    }

    /** A request value under {@code member}: a known value, a new credential variable, or text with known values replaced. */
    String value(String member, String value, String usedIn) {
        String known = byValue.get(value);
        if (known != null) return ref(known);
        if (SECRET_NAMES.contains(member) && !value.isEmpty()) return credential(camel(member), value, usedIn);
        return inText(value);
    }

    /** A credential with no member name to go by (a bearer token, a cookie): known, or a new variable. */
    String credential(String baseName, String value, String usedIn) {
        String known = byValue.get(value);
        if (known != null) return ref(known);
        String name = fresh(baseName);
        byValue.put(value, name);
        supplied.put(name, new Supplied(name, usedIn));
        return ref(name);
    }

    /** Registers a value a step captures; returns the capture's name. */
    String captured(String baseName, String value) {
        String name = fresh(baseName);
        byValue.put(value, name);
        return name;
    }

    /** Known values inside free text (a path, a header, a raw body), longest first so one value never splits another. */
    String inText(String text) {
        String out = text;
        var values = byValue.keySet().stream().filter(v -> v.length() >= MIN_EMBEDDED)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String v : values) {
            if (out.contains(v)) out = out.replace(v, ref(byValue.get(v)));
        }
        return byValue.containsKey(text) ? ref(byValue.get(text)) : out;
    }

    Map<String, Supplied> supplied() {
        return supplied;
    }

    private String fresh(String base) {
        String name = base;
        for (int i = 2; names.contains(name); i++) name = base + i;
        names.add(name);
        return name;
    }

    private static String ref(String name) {
        return "${" + name + "}";
    }

    static String camel(String member) {
        var sb = new StringBuilder();
        boolean up = false;
        for (char c : member.toCharArray()) {
            if (c == '_' || c == '-') {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
