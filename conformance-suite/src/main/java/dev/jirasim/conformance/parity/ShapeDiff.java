package dev.jirasim.conformance.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Differences between two shapes, one line each, written "on A → on B". */
public final class ShapeDiff {
    private ShapeDiff() {
    }

    public static List<String> diff(Shape a, Shape b) {
        if (a.kind() != b.kind()) return List.of("body: " + kind(a) + " → " + kind(b));
        var out = new ArrayList<String>();
        var paths = new TreeSet<>(a.types().keySet());
        paths.addAll(b.types().keySet());
        for (String path : paths) {
            SortedSet<String> ta = a.types().get(path);
            SortedSet<String> tb = b.types().get(path);
            if (ta != null && tb != null) {
                if (!ta.equals(tb)) out.add(path + ": " + types(ta) + " → " + types(tb));
            } else if (reported(path, ta == null ? a : b)) {
                out.add(path + ": " + (ta == null ? "absent → " + types(tb) : types(ta) + " → absent"));
            }
        }
        return out;
    }

    /**
     * Whether a path one side lacks is a difference of its own: only when that side holds the container it
     * would sit in. Otherwise its parent's line already says it (absent, or another type), or the parent is an
     * array that side saw empty, whose length does not count.
     */
    private static boolean reported(String path, Shape lacking) {
        boolean element = path.endsWith("[*]");
        SortedSet<String> parent = lacking.types().get(parent(path));
        if (parent == null) return false;
        // An array seen empty on one side and with elements on the other: a length, not a shape.
        return !element && parent.contains("object");
    }

    static String parent(String path) {
        if (path.endsWith("[*]")) return path.substring(0, path.length() - 3);
        if (path.endsWith("']")) return path.substring(0, path.lastIndexOf("['"));
        return path.substring(0, path.lastIndexOf('.'));
    }

    private static String types(SortedSet<String> types) {
        return String.join(" or ", types);
    }

    private static String kind(Shape s) {
        return switch (s.kind()) {
            case EMPTY -> "empty";
            case JSON -> "JSON";
            case TEXT -> "text";
        };
    }
}
