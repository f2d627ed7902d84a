package dev.jirasim.simulator.common;

/**
 * Finds {@code \\uXXXX} escapes that name half of a surrogate pair without the other half. JSON and YAML
 * parsers accept them and hand back a string that no UTF-8 writer can write out again, so a stored value
 * like that breaks every later response that contains it. They are refused where text comes in.
 */
public final class Escapes {
    private Escapes() {
    }

    /** The offset of the first unpaired surrogate escape in a JSON or YAML text, or -1 when there is none. */
    public static int unpairedSurrogate(String text) {
        int n = text.length();
        int pendingHigh = -1; // offset of a high-surrogate escape still waiting for its low half
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                if (pendingHigh >= 0) return pendingHigh;
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            int unit = next == 'u' ? hex4(text, i + 2) : -1;
            if (unit < 0) {
                // Any other escape (including an escaped backslash) is two characters and pairs with nothing.
                if (pendingHigh >= 0) return pendingHigh;
                i += 2;
                continue;
            }
            if (Character.isHighSurrogate((char) unit)) {
                if (pendingHigh >= 0) return pendingHigh;
                pendingHigh = i;
            } else if (Character.isLowSurrogate((char) unit)) {
                if (pendingHigh < 0) return i;
                pendingHigh = -1;
            } else if (pendingHigh >= 0) {
                return pendingHigh;
            }
            i += 6;
        }
        return pendingHigh;
    }

    private static int hex4(String text, int from) {
        if (from + 4 > text.length()) return -1;
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) return -1;
            value = value * 16 + d;
        }
        return value;
    }
}
