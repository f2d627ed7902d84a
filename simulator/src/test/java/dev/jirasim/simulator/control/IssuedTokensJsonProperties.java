package dev.jirasim.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jirasim.simulator.common.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The token endpoint's body written by hand is the text Jackson writes from the same record, for any values. */
class IssuedTokensJsonProperties {
    @Property(tries = 2000)
    void sameTextAsJackson(@ForAll("values") String access, @ForAll("maybe") String refresh, @ForAll long expiresIn,
                           @ForAll("maybe") String scope, @ForAll("maybe") String grantId) throws JsonProcessingException {
        var tokens = new IssuedTokens(access, refresh, expiresIn, scope, grantId);
        assertEquals(Json.MAPPER.writeValueAsString(tokens), tokens.toJson());
    }

    @Example
    void aRealRefreshAnswer() throws JsonProcessingException {
        var tokens = new IssuedTokens("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "uViVblvw97klMrI-NHm5", 3600,
                "read:jira-work offline_access", null);
        assertEquals(Json.MAPPER.writeValueAsString(tokens), tokens.toJson());
        assertEquals("{\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\",\"refresh_token\":\"uViVblvw97klMrI-NHm5\","
                + "\"expires_in\":3600,\"scope\":\"read:jira-work offline_access\",\"token_type\":\"Bearer\"}", tokens.toJson());
    }

    /** Token-like strings, and now and then quotes, backslashes, control characters and characters beyond ASCII. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ0189-_.").ofMaxLength(80),
                Arbitraries.strings().withChars("a\"\\/\n\t\u0000\u001f\u007f\u00e9\u2028\ud83d\ude00 <>&'").ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> maybe() {
        return values().injectNull(0.25);
    }
}
