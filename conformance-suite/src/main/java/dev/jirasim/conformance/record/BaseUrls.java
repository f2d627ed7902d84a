package dev.jirasim.conformance.record;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which base URL variable an upstream path falls under, so a recording replays against any target. With a
 * target: the longest of its base URLs the upstream URL starts with (or, for a target on another host, whose
 * path the request path starts with). Without one: the simulator's layout under the upstream. Anything else
 * stays under {@code ${upstream}}, which the target must then define.
 */
final class BaseUrls {
    static final String UPSTREAM = "upstream";
    // The simulator serves every host under one origin; /dc/{instance} and /site/{subdomain} name one of many.
    private static final Pattern LAYOUT = Pattern.compile("^(/__admin|/auth|/api|/nango|/dc/[^/]+|/site/[^/]+)(?=/|$)");
    private static final Map<String, String> LAYOUT_NAMES = Map.of("/__admin", "admin", "/auth", "auth", "/api", "api", "/nango", "nango");

    /** A path split into a base URL variable and the rest, with the base URL it stands for. */
    record Located(String variable, String base, String rest) {
        String url(String templatedRest) {
            return "${" + variable + "}" + templatedRest;
        }
    }

    private final String upstream;
    private final List<Map.Entry<String, String>> targetBases;

    BaseUrls(String upstream, Map<String, String> targetBaseUrls) {
        this.upstream = upstream;
        this.targetBases = targetBaseUrls.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().replaceAll("/+$", "")))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()))
                .toList();
    }

    Located locate(String path) {
        String full = upstream + path;
        if (!targetBases.isEmpty()) {
            for (var b : targetBases) {
                if (under(full, b.getValue())) return new Located(b.getKey(), b.getValue(), full.substring(b.getValue().length()));
            }
            var byPath = targetBases.stream().filter(b -> !pathOf(b.getValue()).isEmpty() && under(path, pathOf(b.getValue())))
                    .max(Comparator.comparingInt(b -> pathOf(b.getValue()).length()));
            if (byPath.isPresent()) {
                var b = byPath.get();
                return new Located(b.getKey(), b.getValue(), path.substring(pathOf(b.getValue()).length()));
            }
            return new Located(UPSTREAM, upstream, path);
        }
        Matcher m = LAYOUT.matcher(path);
        if (!m.find()) return new Located(UPSTREAM, upstream, path);
        String prefix = m.group(1);
        String name = LAYOUT_NAMES.getOrDefault(prefix, prefix.startsWith("/dc/") ? "dc" : "site");
        return new Located(name, upstream + prefix, path.substring(prefix.length()));
    }

    private static boolean under(String url, String base) {
        return url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?");
    }

    private static String pathOf(String url) {
        String p = URI.create(url).getRawPath();
        return p == null ? "" : p.replaceAll("/+$", "");
    }

    /** The base URLs the recording used, for the file's header. */
    static Map<String, String> used(List<Located> located) {
        var used = new LinkedHashMap<String, String>();
        for (Located l : located) used.putIfAbsent(l.variable(), l.base());
        return used;
    }
}
