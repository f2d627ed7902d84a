package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.Json;
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
    /** Holder idiom: the JVM creates it once, at first use, thread-safely. */
    private static final class Holder {
        static final JavalinJackson JACKSON = new JavalinJackson(Json.MAPPER, false);
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return Holder.JACKSON.toJsonString(obj, type);
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return Holder.JACKSON.toJsonStream(obj, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
        Holder.JACKSON.writeToOutputStream(stream, outputStream);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return Holder.JACKSON.fromJsonString(json, targetType);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        return Holder.JACKSON.fromJsonStream(json, targetType);
    }
}
