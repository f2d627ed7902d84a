package dev.jirasim.simulator.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Says in plain words what is wrong with a JSON or YAML body that Jackson refused: which member, what was
 * expected, and where. Built from the exception's parts (path, target type, location), never from its
 * message: that names Java types, and cleaning it with patterns cost seconds on long inputs.
 */
public final class JsonErrors {
    /** Starts the message of a mapping error our own code raised: that message is meant for the client. */
    public static final String OWN = "jirasim: ";
    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        String what = what(e);
        String path = e instanceof JsonMappingException m ? path(m) : "";
        String at = path.isEmpty() ? "" : " (at " + path + ")";
        return what + at + location(e);
    }

    private static String what(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "The body is too large or too deeply nested to read (numbers up to 1000 digits, nesting up to 1000 levels).";
        }
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith(OWN)) return original.substring(OWN.length());
        if (e instanceof UnrecognizedPropertyException u) return "Unknown field '" + u.getPropertyName() + "'.";
        if (e instanceof InvalidFormatException f) {
            String accepted = acceptedValues(f.getOriginalMessage());
            if (accepted != null) return "'" + shortValue(f.getValue()) + "' is not one of " + accepted + ".";
            return "'" + shortValue(f.getValue()) + "' is not " + expected(f.getTargetType()) + ".";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            Throwable cause = e.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() == null) return "A required value is missing (null).";
            // Our own checks explain themselves; anything else would name Java internals.
            boolean ours = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    || cause.getClass().getName().startsWith("dev.jirasim.");
            return ours ? sentence(cause.getMessage()) : "A value is not valid.";
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getTargetType() == null) return "The body does not have the expected form.";
            return "Expected " + expected(m.getTargetType()) + ".";
        }
        if (e instanceof JsonMappingException && e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return sentence(iae.getMessage());
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException && original != null) {
            // The parser's own words name characters and markers, never Java types; only the first line is kept.
            int newline = original.indexOf('\n');
            return sentence("The body is not valid JSON: " + (newline < 0 ? original : original.substring(0, newline)));
        }
        return "The body is not valid JSON.";
    }

    /** What a value of a Java type looks like to a client. */
    static String expected(Class<?> type) {
        if (type == null) return "a valid value";
        if (type == String.class || type == Character.class || type == char.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Integer.class || type == int.class || type == Short.class || type == short.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) return "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return "a number";
        if (type == Instant.class) return "an instant like 2026-01-31T14:00:00Z";
        if (type == java.time.LocalDate.class) return "a date like 2026-01-31";
        if (type.isEnum()) {
            var names = new StringBuilder();
            for (Object c : type.getEnumConstants()) names.append(names.length() == 0 ? "" : ", ").append(c.toString().toLowerCase());
            return "one of " + names;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "a list";
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) return "an object";
        return "a valid value";
    }

    static String expected(JavaType type) {
        return type == null ? "a valid value" : expected(type.getRawClass());
    }

    private static String path(JsonMappingException m) {
        var sb = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) sb.append('[').append(ref.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String location(JsonProcessingException e) {
        JsonLocation at = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p && p.currentTokenLocation() != null
                && p.currentTokenLocation().getLineNr() > 0 ? p.currentTokenLocation() : e.getLocation();
        return at == null || at.getLineNr() < 0 ? "" : " [line " + at.getLineNr() + ", column " + at.getColumnNr() + "]";
    }

    /** The list Jackson prints for an enum ({@code "… accepted for Enum class: [a, b]"}), or null. */
    private static String acceptedValues(String message) {
        if (message == null) return null;
        int start = message.indexOf("Enum class: [");
        int end = start < 0 ? -1 : message.indexOf(']', start);
        return end < 0 ? null : message.substring(start + "Enum class: [".length(), end);
    }

    private static String shortValue(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) return "A value is not valid.";
        String m = message.length() > 300 ? message.substring(0, 300) + "…" : message;
        return m.endsWith(".") ? m : m + ".";
    }
}
