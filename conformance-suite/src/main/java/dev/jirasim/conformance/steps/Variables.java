package dev.jirasim.conformance.steps;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** A scenario's variables; values from the environment are remembered as secrets for masking. */
public final class Variables {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> secretValues = new HashSet<>();
    private final Function<String, String> env;

    public Variables(Function<String, String> env) {
        this.env = env;
    }

    public void put(String name, String value) {
        values.put(name, value);
    }

    public void putSecret(String name, String value) {
        values.put(name, value);
        if (value != null && !value.isEmpty()) secretValues.add(value);
    }

    /** The variables set so far (not the generated or environment ones). */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public String resolve(String name) {
        if (name.startsWith("env.")) {
            String value = env.apply(name.substring(4));
            if (value == null) throw new StepFailure("environment variable " + name.substring(4) + " is not set");
            if (!value.isEmpty()) secretValues.add(value);
            return value;
        }
        switch (name) {
            case "random.uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "random.int" -> {
                return Integer.toString(RANDOM.nextInt(1_000_000_000));
            }
            case "random.string" -> {
                return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
            }
            default -> {
                String value = values.get(name);
                if (value == null) throw new StepFailure("undefined variable ${" + name + "}");
                return value;
            }
        }
    }

    /**
     * The first name among {@code templates}' placeholders that has no value (generated and environment names never
     * count), or null when every one has.
     */
    public String firstUndefined(java.util.Collection<String> templates) {
        for (String t : templates) {
            for (String name : Templates.names(t)) {
                if (!name.startsWith("env.") && !name.startsWith("random.") && !values.containsKey(name)) return name;
            }
        }
        return null;
    }

    /** Replaces every secret value in a text with {@code ***}. */
    public String mask(String text) {
        if (text == null) return null;
        String out = text;
        for (String secret : secretValues) out = out.replace(secret, "***");
        return out;
    }
}
