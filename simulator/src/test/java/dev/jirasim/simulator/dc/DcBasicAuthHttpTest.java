package dev.jirasim.simulator.dc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HTTP Basic {@code name:password} on a DC instance's REST API, and Seraph's CAPTCHA lock-out. */
@ExtendWith(SimulatorExtension.class)
class DcBasicAuthHttpTest {

    @Test
    void rightPasswordSignsTheUserInWithSeraphHeaders(JirasimServer sim) {
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "jdoe-password").get("/rest/api/2/myself").then().statusCode(200)
                .header("X-AUSERNAME", "jdoe").header("X-Seraph-LoginReason", "OK").body("name", equalTo("jdoe"));
        // Basic carries the user's full rights: jdoe may create in DCP, not see HR.
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "jdoe-password").contentType("application/json")
                .body(DcRestHttpTest.issue("DCP", "Filed with Basic")).post("/rest/api/2/issue").then().statusCode(201);
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "jdoe-password").get("/rest/api/2/issue/HR-1").then().statusCode(404);
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("admin", "admin").get("/rest/api/2/issue/HR-1").then().statusCode(200)
                .header("X-AUSERNAME", "admin");
    }

    @Test
    void wrongPasswordIs401EvenWhereAnonymousMayRead(JirasimServer sim) {
        for (String path : List.of("/rest/api/2/myself", "/rest/api/2/serverInfo")) {
            DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "wrong").get(path).then().statusCode(401)
                    .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED").header("X-AUSERNAME", "anonymous")
                    .header("X-Authentication-Denied-Reason", nullValue()).contentType(startsWith("text/html"))
                    .body(containsString("Basic Authentication Failure - Reason : AUTHENTICATED_FAILED"));
        }
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("nobody", "x").get("/rest/api/2/myself").then().statusCode(401)
                .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
    }

    @Test
    void threeFailuresPutTheAccountInCaptchaModeUntilTheWorldIsReset(JirasimServer sim) {
        for (int i = 0; i < 2; i++) {
            DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "wrong").get("/rest/api/2/myself").then().statusCode(401);
        }
        // A success clears the count: two more failures do not lock.
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "jdoe-password").get("/rest/api/2/myself").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "wrong").get("/rest/api/2/myself").then().statusCode(401);
        }
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "jdoe-password").get("/rest/api/2/myself").then().statusCode(403)
                .header("X-Seraph-LoginReason", "AUTHENTICATION_DENIED").header("X-AUSERNAME", "anonymous")
                .header("X-Authentication-Denied-Reason", "CAPTCHA_CHALLENGE; login-url=" + sim.baseUrl() + "/dc/dc1/login.jsp")
                .body(containsString("Basic Authentication Failure - Reason : AUTHENTICATION_DENIED"));
        // Other users and other credentials are unaffected.
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("admin", "admin").get("/rest/api/2/myself").then().statusCode(200);
        DcRestHttpTest.as(sim, DcRestHttpTest.JDOE_PAT).get("/rest/api/2/myself").then().statusCode(200).header("X-AUSERNAME", "jdoe");
        sim.control().reset();
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe", "jdoe-password").get("/rest/api/2/myself").then().statusCode(200);
    }

    @Test
    void deactivatedUsersAndMalformedHeadersAreRefused(JirasimServer sim) {
        for (String header : List.of("Basic", "Basic !!!", "Basic " + b64("no-colon"), "basic " + b64(":"), "Basic " + b64("jdoe:"))) {
            DcOAuthHttpTest.dc(sim).header("Authorization", header).get("/rest/api/2/myself").then().statusCode(401)
                    .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
        }
        // Basic on the token endpoint is client authentication, not a login.
        DcOAuthHttpTest.dc(sim).header("Authorization", "Basic " + b64("jdoe:wrong")).get("/rest/oauth2/latest/authorize")
                .then().header("X-Seraph-LoginReason", nullValue());
    }

    @Test
    void anonymousGets401InDcShape(JirasimServer sim) {
        DcOAuthHttpTest.dc(sim).get("/rest/api/2/myself").then().statusCode(401).header("X-AUSERNAME", "anonymous")
                .header("X-Seraph-LoginReason", nullValue())
                .body("", equalTo(Map.of("errorMessages",
                        List.of("You are not authenticated. Authentication required to perform this operation."), "errors", Map.of())));
    }

    static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
