package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Lazy;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's Jackson mapper over {@link Json#MAPPER}, created at its first use rather than when the server is
 * assembled: making the mapper loads several hundred classes, and the assembly is on the way to a cold start's
 * first answer, which {@link dev.jirasim.simulator.JirasimServer#start} lets another thread make it meanwhile.
 */
final class DeferredJsonMapper implements JsonMapper {
    private final Lazy<JavalinJackson> jackson = Lazy.of(() -> new JavalinJackson(Json.MAPPER, false));

    @Override
    public String toJsonString(Object obj, Type type) {
        return jackson.get().toJsonString(obj, type);
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
