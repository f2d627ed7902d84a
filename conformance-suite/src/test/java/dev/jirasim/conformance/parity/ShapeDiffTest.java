package dev.jirasim.conformance.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeDiffTest {
    private static List<String> diff(String a, String b) {
        return ShapeDiff.diff(Shape.of(a), Shape.of(b));
    }

    @Test
    void valuesAloneAreNoDifference() {
        assertEquals(List.of(), diff("{\"id\":\"10001\",\"n\":1,\"ok\":true}", "{\"id\":\"99\",\"n\":2.5,\"ok\":false}"));
    }

    @Test
    void aChangedTypeIsOneLine() {
        assertEquals(List.of("$.id: string → number"), diff("{\"id\":\"10001\"}", "{\"id\":10001}"));
    }

    @Test
    void nullabilityIsPartOfTheType() {
        assertEquals(List.of("$[*].due: null or string → string"), diff("[{\"due\":null},{\"due\":\"x\"}]", "[{\"due\":\"y\"}]"));
    }

    @Test
    void aMissingMemberIsReportedOnceNotWithEverythingUnderIt() {
        assertEquals(List.of("$.fields: object → absent"), diff("{\"fields\":{\"a\":{\"b\":1}}}", "{}"));
        assertEquals(List.of("$.scope: absent → string"), diff("{}", "{\"scope\":\"read:me\"}"));
    }

    @Test
    void anObjectTurnedStringDoesNotListItsMembers() {
        assertEquals(List.of("$.description: object → string"), diff("{\"description\":{\"type\":\"doc\"}}", "{\"description\":\"text\"}"));
    }

    @Test
    void arraysCompareTheUnionOfTheirElementsSoLengthDoesNotCount() {
        String two = "{\"issues\":[{\"key\":\"A-1\"},{\"key\":\"A-2\",\"due\":null}]}";
        String mixed = "{\"issues\":[{\"key\":\"B-1\",\"due\":null}]}";
        assertEquals(List.of("$.issues[*].key: string → absent"), diff(two, "{\"issues\":[{\"due\":null}]}"));
        assertEquals(List.of(), diff(two, "{\"issues\":[{\"key\":\"B-1\"},{\"due\":null},{\"key\":\"B-3\"}]}"));
        assertEquals(List.of("$.issues[*].due: null → absent"), diff(two, "{\"issues\":[{\"key\":\"B-1\"}]}"));
        assertEquals(List.of(), diff(mixed, "{\"issues\":[{\"key\":\"C\",\"due\":null},{\"key\":\"D\"}]}"));
        assertEquals(List.of(), diff(two, "{\"issues\":[]}"), "an empty array has no element shape to differ");
    }

    @Test
    void bodiesOfOtherKindsCompareByKind() {
        assertEquals(List.of("body: JSON → text"), diff("{}", "<html>error</html>"));
        assertEquals(List.of("body: empty → JSON"), diff("", "[]"));
        assertEquals(List.of(), diff("<p>a</p>", "plain"));
    }

    @Test
    void oddMemberNamesAreQuoted() {
        assertEquals(List.of("$['issue-type'].id: string → absent"), diff("{\"issue-type\":{\"id\":\"1\"}}", "{\"issue-type\":{}}"));
    }
}
