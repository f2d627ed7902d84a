package dev.jirasim.simulator.faults;

import java.util.regex.Pattern;

/**
 * A request-path pattern: {@code *} stands for one path segment or part of one (never a {@code /}),
 * {@code **} for any number of whole segments, including none. So {@code /api/ex/jira/*}{@code /rest/api/3/search/jql}
 * matches that route on every site, and {@code /api/**} matches {@code /api} and everything under it.
 * Everything else matches itself. Patterns match the path only, never the query string.
 */
public final class PathGlob {
    private final String glob;
    private final Pattern regex;

    private PathGlob(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /** Compiles a pattern; an {@link IllegalArgumentException} says what is wrong with a bad one. */
    public static PathGlob of(String glob) {
        if (glob == null || glob.isEmpty()) throw new IllegalArgumentException("a path pattern is required, e.g. /api/**");
        if (!glob.startsWith("/")) throw new IllegalArgumentException("path pattern '" + glob + "' must start with /");
        for (char c : glob.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("path pattern '" + glob + "' contains whitespace");
            }
            if (c == '?' || c == '#') {
                throw new IllegalArgumentException("path pattern '" + glob + "' contains '" + c + "': patterns match the path only, without query or fragment");
            }
            if ("{}[]".indexOf(c) >= 0) {
                throw new IllegalArgumentException("path pattern '" + glob + "' contains '" + c + "': use * for one path segment, ** for any number");
            }
        }
        if (glob.contains("***")) throw new IllegalArgumentException("path pattern '" + glob + "' contains ***: use * or **");
        var regex = new StringBuilder("^");
        String[] segments = glob.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("**")) {
                // "/**" is zero or more whole segments: /api/** matches /api, /api/ and /api/x/y.
                regex.append("(?:/.*)?");
                continue;
            }
            if (segment.contains("**")) {
                throw new IllegalArgumentException("path pattern '" + glob + "': ** must be a whole segment, as in /api/**/issue");
            }
            regex.append('/');
            for (String literal : segment.split("\\*", -1)) {
                regex.append(literal.isEmpty() ? "" : Pattern.quote(literal)).append("[^/]*");
            }
            regex.setLength(regex.length() - "[^/]*".length());
        }
        regex.append('$');
        return new PathGlob(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String path) {
        return path != null && regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
