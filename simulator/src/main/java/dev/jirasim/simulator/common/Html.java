package dev.jirasim.simulator.common;

/** Escaping for the simulator's own HTML pages (consent pages, Nango's popup pages). */
public final class Html {
    private Html() {
    }

    /** Text and attribute values: {@code < > & " '} escaped; null is empty. */
    public static String esc(String s) {
        if (s == null) return "";
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
