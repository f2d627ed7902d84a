package dev.jirasim.simulator.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code String.matches} without compiling the expression on every call. Record constructors validate ids with
 * regular expressions, and a world build constructs thousands of records (a reset of the default world compiled
 * about a thousand patterns); the proxy checks its headers with them on every request. The expressions are
 * constants of this code base, so the cache stays small.
 */
public final class Patterns {
    private static final ConcurrentHashMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Patterns() {
    }

    /** Whether the whole of {@code input} matches {@code regex}, exactly as {@code input.matches(regex)}. */
    public static boolean matches(CharSequence input, String regex) {
        return COMPILED.computeIfAbsent(regex, Pattern::compile).matcher(input).matches();
    }
}
