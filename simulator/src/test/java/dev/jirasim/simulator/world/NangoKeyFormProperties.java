package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written secret-key check says what the documented expression says, for every string. */
class NangoKeyFormProperties {
    @Property(tries = 3000)
    void agreesWithTheExpression(@ForAll("keyLike") String key) {
        assertEquals(key.matches(NangoSettings.UUID_V4), NangoSettings.isUuidV4(key), key);
    }

    @Example
    void edgeCases() {
        for (String key : List.of("c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c", "C4F5E2A1-7B3D-4E8F-BA6C-1D2E3F4A5B6C", "c4f5e2a1-7b3d-3e8f-9a6c-1d2e3f4a5b6c",
                "c4f5e2a1-7b3d-4e8f-7a6c-1d2e3f4a5b6c", "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6", "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c0",
                "c4f5e2a1_7b3d-4e8f-9a6c-1d2e3f4a5b6c", "g4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c", "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6\u0661", "")) {
            assertEquals(key.matches(NangoSettings.UUID_V4), NangoSettings.isUuidV4(key), key);
        }
    }

    /** Mostly the right shape, with one character or the length changed now and then. */
    @Provide
    Arbitrary<String> keyLike() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEFgG-4\u0661").ofLength(1);
        return Arbitraries.integers().between(0, 40).flatMap(mutateAt -> Arbitraries.of("8", "9", "a", "B", "c", "4").flatMap(variant ->
                hex.list().ofSize(36).map(chars -> {
                    var sb = new StringBuilder();
                    for (int i = 0; i < 36; i++) {
                        String c = chars.get(i);
                        if (i == mutateAt) sb.append(c);
                        else if (i == 8 || i == 13 || i == 18 || i == 23) sb.append('-');
                        else if (i == 14) sb.append('4');
                        else if (i == 19) sb.append(variant);
                        else sb.append(Character.isLetterOrDigit(c.charAt(0)) && c.charAt(0) < 'g' ? c : "e");
                    }
                    return mutateAt > 36 ? sb.substring(0, mutateAt - 4) : sb.toString();
                })));
    }
}
