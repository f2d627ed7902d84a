package dev.jirasim.simulator.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
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
    /** The default world as people read and edit it; a server builds it from the code generated from this file. */
    public static final String DEFAULT_WORLD_RESOURCE = "/dev/jirasim/simulator/default-world.yaml";

    private WorldFiles() {
    }

    /** Made when a file is first read or written, not when the default world is built (it needs neither). */
    private static final class Mappers {
        static final ObjectMapper JSON = configure(new ObjectMapper());
        static final ObjectMapper YAML = configure(new ObjectMapper(
                YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()));
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule().addDeserializer(java.time.Instant.class, new BoundedInstant()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Parses JSON or YAML (JSON is YAML, but JSON gets JSON's stricter parser when it looks like JSON). */
    public static WorldFile parse(String text, String publicUrl) {
        String resolved = publicUrl == null ? text : text.replace(PUBLIC_URL_PLACEHOLDER, publicUrl);
        int surrogate = dev.jirasim.simulator.common.Escapes.unpairedSurrogate(resolved);
        if (surrogate >= 0) throw new WorldException("an unpaired UTF-16 surrogate escape at offset " + surrogate + ": text must be valid Unicode");
        ObjectMapper mapper = resolved.stripLeading().startsWith("{") ? Mappers.JSON : Mappers.YAML;
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

    /**
     * The built-in default world (see docs/default-world.md), from the code generated from default-world.yaml:
     * {@link DefaultWorld} needs neither YAML nor Jackson, so a cold start does not pay for them.
     */
    public static WorldFile defaultWorld(String publicUrl) {
        return DefaultWorld.of(publicUrl);
    }

    public static String toJson(WorldFile file) {
        try {
            return Mappers.JSON.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toYaml(WorldFile file) {
        try {
            return Mappers.YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reader's message without Jackson's class names: what is wrong, and at which line and column. */
    static String describe(JsonProcessingException e) {
        return dev.jirasim.simulator.common.JsonErrors.describe(e);
    }

    /**
     * Instants in a world file must lie where the clock can go, give or take token lifetimes: an issue created
     * in the year -1000000000 cannot be written in Jira's date format and would break every search.
     */
    static final java.time.Instant EARLIEST = dev.jirasim.simulator.clock.SimClock.EARLIEST;
    static final java.time.Instant LATEST = java.time.Instant.parse("3100-01-01T00:00:00Z");

    private static final class BoundedInstant extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<java.time.Instant> {
        BoundedInstant() {
            super(java.time.Instant.class);
        }

        @Override
        public java.time.Instant deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctx)
                throws IOException {
            java.time.Instant value = com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT.deserialize(p, ctx);
            if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
                throw com.fasterxml.jackson.databind.JsonMappingException.from(p, dev.jirasim.simulator.common.JsonErrors.OWN
                        + value + " is outside the span a world may use (" + EARLIEST + " to " + LATEST + ").");
            }
            return value;
        }
    }

}
