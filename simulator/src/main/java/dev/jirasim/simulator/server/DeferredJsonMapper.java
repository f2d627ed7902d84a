package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Lazy;
import dev.jirasim.simulator.common.PlainJson;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's JSON mapper: answers that are plain trees (most are) are written by {@link PlainJson}, the rest by
 * Jackson over {@link Json#MAPPER}, made at its first use. Making the mapper loads several hundred classes, a tenth
 * of a second of CPU that a cold start's first answers then do without.
 */
final class DeferredJsonMapper implements JsonMapper {
    private final Lazy<JavalinJackson> jackson = Lazy.of(() -> new JavalinJackson(Json.MAPPER, false));

    @Override
    public String toJsonString(Object obj, Type type) {
        if (obj instanceof String s) return s; // as Javalin's own mapper does: a string is taken to be JSON already
        String plain = PlainJson.write(obj);
        return plain != null ? plain : jackson.get().toJsonString(obj, type);
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return jackson.get().toJsonStream(obj, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
        jackson.get().writeToOutputStream(stream, outputStream);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return jackson.get().fromJsonString(json, targetType);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        return jackson.get().fromJsonStream(json, targetType);
    }
}
