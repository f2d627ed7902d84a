package dev.jirasim.simulator.atlassian.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.jirasim.simulator.world.User;
import java.util.Map;

/** {@code GET /me} (User Identity API), members as the real API names them. */
@JsonPropertyOrder({"account_type", "account_id", "email", "name", "picture", "account_status", "nickname",
        "zoneinfo", "locale", "extended_profile"})
public record Me(
        @JsonProperty("account_type") String accountType,
        @JsonProperty("account_id") String accountId,
        String email,
        String name,
        String picture,
        @JsonProperty("account_status") String accountStatus,
        String nickname,
        String zoneinfo,
        String locale,
        @JsonProperty("extended_profile") Map<String, String> extendedProfile) {

    static Me of(User user) {
        return new Me("atlassian", user.accountId(), user.email(), user.displayName(),
                "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/" + user.accountId() + "/default.png",
                user.accountStatus(), user.nickname(), user.zoneinfo(), user.locale(), Map.of());
    }
}
