package dev.jirasim.simulator.tenant;

import dev.jirasim.simulator.world.OAuthApp;
import java.util.List;

/** An authorize request that passed validation and now waits for the user's decision. */
public record ConsentRequest(
        OAuthApp app,
        String redirectUri,
        List<String> scopes,
        String state,
        String codeChallenge,
        String codeChallengeMethod) {
}
