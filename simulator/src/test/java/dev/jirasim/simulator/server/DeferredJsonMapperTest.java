package dev.jirasim.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jirasim.simulator.common.Json;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Javalin gets from our mapper what its own Jackson mapper would have given, whichever of the two writes it. */
class DeferredJsonMapperTest {
    private final DeferredJsonMapper ours = new DeferredJsonMapper();
    private final JavalinJackson javalins = new JavalinJackson(Json.MAPPER, false);

    record Resource(String id, List<String> scopes, Instant at) {
    }

    @Test
    void answersAsJavalinsOwnJacksonMapperDoes() {
        var plain = new LinkedHashMap<String, Object>();
        plain.put("name", "Jirasim \"sim\"\n");
        plain.put("hosts", Map.of("api", "http://localhost/api"));
        plain.put("total", 3);
        var withRecord = List.of(plain, new Resource("c1", List.of("read:jira-work"), Instant.ofEpochSecond(1)));
        for (Object answer : List.of(plain, withRecord, List.of(), 42, true)) {
            assertEquals(javalins.toJsonString(answer, answer.getClass()), ours.toJsonString(answer, answer.getClass()));
        }
    }

    @Test
    void aStringIsTakenToBeJsonAlready() {
        String json = "{\"already\":\"json\"}";
        assertSame(json, ours.toJsonString(json, String.class));
        assertEquals(javalins.toJsonString(json, String.class), ours.toJsonString(json, String.class));
    }
}
