package dev.jirasim.simulator.nango;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nango's stable JSON: what JavaScript would print for the same values (the expected texts are node's output). */
class StableJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String js(String json) throws Exception {
        return StableJson.write(JSON.readTree(json));
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAtEveryDepthAndArraysKeepTheirOrder() throws Exception {
        assertEquals("{\"B\":1,\"a\":{\"x\":[3,1,{\"k\":null,\"z\":true}],\"y\":false},\"\u00e9\":\"\"}",
                js("{\"\u00e9\":\"\",\"a\":{\"y\":false,\"x\":[3,1,{\"z\":true,\"k\":null}]},\"B\":1}"));
        var map = new LinkedHashMap<String, Object>();
        map.put("type", "auth");
        map.put("success", true);
        map.put("tags", Map.of());
        assertEquals("{\"success\":true,\"tags\":{},\"type\":\"auth\"}", StableJson.write(map));
        assertEquals("[]", StableJson.write(List.of()));
    }

    @Test
    void numbersComeOutAsJavaScriptWritesThem() throws Exception {
        // node -e 'console.log(JSON.stringify([1.0, 100, -0, 0.1, 123.456, 1e21, 1e20, 1e-7, 0.000001, 1.5e300, -2.5e-10, 9007199254740993, 12345678901234567890])'
        assertEquals("[1,100,0,0.1,123.456,1e+21,100000000000000000000,1e-7,0.000001,1.5e+300,-2.5e-10,9007199254740992,12345678901234567000]",
                js("[1.0, 100, -0, 0.1, 123.456, 1e21, 1e20, 1e-7, 0.000001, 1.5e300, -2.5e-10, 9007199254740993, 12345678901234567890]"));
        assertEquals("[-7,1767000000000,0.3]", js("[-7, 1767000000000, 0.30]"));
    }

    @Test
    void stringsAreEscapedAsJsonStringifyEscapesThem() {
        // node -e 'console.log(JSON.stringify("q\"b\\\b\f\n\r\t\u0001\u001f\u007f/\u2028é😀\ud800x"))'
        assertEquals("\"q\\\"b\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u007f/\u2028\u00e9\ud83d\ude00\\ud800x\"",
                StableJson.write("q\"b\\\b\f\n\r\t\u0001\u001f\u007f/\u2028\u00e9\ud83d\ude00\ud800x"));
    }
}
