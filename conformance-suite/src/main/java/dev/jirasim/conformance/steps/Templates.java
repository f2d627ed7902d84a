package dev.jirasim.conformance.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} templates: captured and target variables, base URLs ({@code ${auth}}),
 * {@code ${env.NAME}} and generated values ({@code ${random.uuid}}, {@code ${random.int}},
 * {@code ${random.string}}).
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private Templates() {
    }

    /** The names of a text's placeholders, in order (none for null). */
    public static List<String> names(String text) {
        var out = new ArrayList<String>();
        if (text == null) return out;
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** Null when the text is a well-formed template, else what is wrong with it. */
    public static String check(String text) {
        if (text == null) return null;
        Matcher m = PLACEHOLDER.matcher(text);
        int end = 0;
        while (m.find()) {
            if (text.substring(end, m.start()).contains("${")) return "unclosed '${' in template";
            if (!NAME.matcher(m.group(1)).matches()) return "bad variable name '${" + m.group(1) + "}'";
            end = m.end();
        }
        if (text.substring(end).contains("${")) return "unclosed '${' in template";
        return null;
    }

    /** Replaces every placeholder; an unknown variable is a step failure. */
    public static String render(String text, Variables vars) {
        if (text == null) return null;
        Matcher m = PLACEHOLDER.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(vars.resolve(m.group(1))));
        m.appendTail(sb);
        return sb.toString();
    }

    /** Renders every string inside a plain tree; a string that is exactly one placeholder keeps the variable's text. */
    public static Object renderTree(Object value, Variables vars) {
        if (value instanceof String s) return render(s, vars);
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(render(String.valueOf(k), vars), renderTree(v, vars)));
            return out;
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<>();
            for (Object v : list) out.add(renderTree(v, vars));
            return out;
        }
        return value;
    }

    /** First problem in any string of a plain tree, or null. */
    public static String checkTree(Object value) {
        if (value instanceof String s) return check(s);
        if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                String p = check(String.valueOf(e.getKey()));
                if (p == null) p = checkTree(e.getValue());
                if (p != null) return p;
            }
        }
        if (value instanceof List<?> list) {
            for (Object v : list) {
                String p = checkTree(v);
                if (p != null) return p;
            }
        }
        return null;
    }
}
