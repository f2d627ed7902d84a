package dev.jirasim.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.world.AccessToken;
import dev.jirasim.simulator.world.RefreshToken;
import dev.jirasim.simulator.world.TokenPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One record for two bodies: the token endpoint's (no grant id) and the control API's (with it), member for member. */
class IssuedTokensTest {
    private static final AccessToken ACCESS = new AccessToken("at-1", "eyJ.access", "g-1", "rt-1", List.of(), null, null, null);
    private static final RefreshToken REFRESH = new RefreshToken("rt-1", "refresh", "g-1", "f-1", List.of(), null, null, null, null);

    @Test
    void theTokenEndpointsBodyKeepsItsMembersAndOrder() throws Exception {
        var pair = new TokenPair(ACCESS, REFRESH, List.of("read:me", "offline_access"), 3600);
        assertEquals("{\"access_token\":\"eyJ.access\",\"refresh_token\":\"refresh\",\"expires_in\":3600,"
                + "\"scope\":\"read:me offline_access\",\"token_type\":\"Bearer\"}", Json.MAPPER.writeValueAsString(IssuedTokens.of(pair, null)));
        assertEquals("{\"access_token\":\"eyJ.access\",\"expires_in\":3600,\"scope\":\"read:me\",\"token_type\":\"Bearer\"}",
                Json.MAPPER.writeValueAsString(IssuedTokens.of(new TokenPair(ACCESS, null, List.of("read:me"), 3600), null)));
    }

    @Test
    void theControlApisBodyAddsTheGrantIdAndReadsBack() throws Exception {
        IssuedTokens issued = IssuedTokens.of(new TokenPair(ACCESS, REFRESH, List.of("read:me"), 3600), "g-1");
        String body = Json.MAPPER.writeValueAsString(issued);
        assertEquals("{\"access_token\":\"eyJ.access\",\"refresh_token\":\"refresh\",\"expires_in\":3600,"
                + "\"scope\":\"read:me\",\"token_type\":\"Bearer\",\"grant_id\":\"g-1\"}", body);
        assertEquals(issued, Json.MAPPER.readValue(body, IssuedTokens.class), "token_type is written, and ignored when read");
    }
}
