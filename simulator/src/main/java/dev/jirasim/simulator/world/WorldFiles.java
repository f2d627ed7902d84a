package dev.jirasim.simulator.world;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link WorldFile}s as YAML or JSON. Unknown keys and wrong types are errors with a
 * line and column, never silently dropped. {@code ${publicUrl}} in a file stands for the simulator's
 * public base URL, so one file works on any port.
 */
public final class WorldFiles {
    public static final String PUBLIC_URL_PLACEHOLDER = "${publicUrl}";
    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()));

    private WorldFiles() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Parses JSON or YAML (JSON is YAML, but JSON gets JSON's stricter parser when it looks like JSON). */
    public static WorldFile parse(String text, String publicUrl) {
        String resolved = publicUrl == null ? text : text.replace(PUBLIC_URL_PLACEHOLDER, publicUrl);
        ObjectMapper mapper = resolved.stripLeading().startsWith("{") ? JSON : YAML;
        try {
            WorldFile file = mapper.readValue(resolved, WorldFile.class);
            if (file == null) throw new WorldException("world file is empty");
            if (file.version() != WorldFile.CURRENT_VERSION) {
                throw new WorldException("unsupported world file version " + file.version() + " (expected " + WorldFile.CURRENT_VERSION + ")");
            }
            return file;
        } catch (JsonProcessingException e) {
            throw new WorldException(describe(e), e);
        }
    }

    public static WorldFile read(Path path, String publicUrl) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), publicUrl);
        } catch (IOException e) {
            throw new WorldException("cannot read world file " + path + ": " + e.getMessage(), e);
        } catch (WorldException e) {
            throw new WorldException(path + ": " + e.getMessage(), e);
        }
    }

    /** The built-in default world (see docs/default-world.md). */
    public static WorldFile defaultWorld(String publicUrl) {
        try (InputStream in = WorldFiles.class.getResourceAsStream("/dev/jirasim/simulator/default-world.yaml")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), publicUrl);
        } catch (IOException e) {
            throw new IllegalStateException("default world missing from the jar", e);
        }
    }

    public static String toJson(WorldFile file) {
        try {
            return JSON.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toYaml(WorldFile file) {
        try {
            return YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reader's message without Jackson's class names: what is wrong, and at which line and column. */
    static String describe(JsonProcessingException e) {
        Throwable root = e;
        if (e instanceof ValueInstantiationException && e.getCause() != null) root = e.getCause();
        String message = root == e ? e.getOriginalMessage() : root.getMessage();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            message = message + " (at " + pathOf(m) + ")";
        }
        message = message.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z]+(\\.[A-Za-z0-9_$]+)+`", "value")
                .replaceAll("\\s+", " ").trim();
        // Point at the token that failed (the unknown key itself), not where the parser stopped.
        JsonLocation at = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p && p.currentTokenLocation() != null
                && p.currentTokenLocation().getLineNr() > 0 ? p.currentTokenLocation() : e.getLocation();
        return at == null || at.getLineNr() < 0 ? message : message + " [line " + at.getLineNr() + ", column " + at.getColumnNr() + "]";
    }

    private static String pathOf(JsonMappingException m) {
        var sb = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) sb.append('[').append(ref.getIndex()).append(']');
        }
        return sb.toString();
    }
}
