package dev.jirasim.simulator.atlassian.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The interactive consent pages driven with plain form posts, as a browser would send them. */
@ExtendWith(SimulatorExtension.class)
class ConsentPageHttpTest {
    private static final Pattern TX = Pattern.compile("name=\"tx\" value=\"([^\"]+)\"");
    private OAuth oauth;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.oauth = new OAuth(sim);
    }

    private static String tx(Response page) {
        Matcher m = TX.matcher(page.asString());
        assertTrue(m.find(), "no transaction id in page");
        return m.group(1);
    }

    /** The browser's cookies: the consent cookie set with the account page. */
    private final java.util.Map<String, String> cookies = new java.util.HashMap<>();

    private io.restassured.specification.RequestSpecification browser() {
        return oauth.http().cookies(cookies);
    }

    private Response accountPage() {
        Response page = oauth.authorize(OAuth.authorizeParams(OAuth.SCOPES));
        cookies.putAll(page.getCookies());
        page.then().statusCode(200).contentType("text/html")
                .body(containsString("id=\"user-alice\"")).body(containsString("id=\"user-bob\""));
        return page;
    }

    private Response pickAccount(String tx, String user) {
        return browser().formParam("tx", tx).formParam("user", user).post("/auth/authorize/login");
    }

    @Test
    void pickAliceTickSitesAcceptAndLandOnTheCallback() {
        String tx = tx(accountPage());
        Response consent = pickAccount(tx, OAuth.ALICE_ID);
        consent.then().statusCode(200)
                .body(containsString("id=\"site-acme\"")).body(containsString("id=\"site-globex\""))
                .body(not(containsString("id=\"site-initech\"")))
                .body(containsString("read:jira-work"));
        Response done = browser().formParam("tx", tx).formParam("site", "acme").formParam("site", "globex")
                .formParam("decision", "approve").post("/auth/authorize/consent");
        assertEquals(302, done.statusCode());
        var query = OAuth.query(done.header("Location"));
        assertEquals("state-123", query.get("state"));
        Response tokens = oauth.exchange(query.get("code"));
        tokens.then().statusCode(200);
        oauth.resources(tokens.path("access_token")).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.containsInAnyOrder(OAuth.ACME, OAuth.GLOBEX));
    }

    @Test
    void acceptWithoutASiteShowsThePageAgain() {
        String tx = tx(accountPage());
        pickAccount(tx, "alice@acme.test");
        browser().formParam("tx", tx).formParam("decision", "approve").post("/auth/authorize/consent")
                .then().statusCode(400).body(containsString("Choose a site"));
    }

    @Test
    void denyRedirectsWithAccessDeniedAndThePageCannotBeAnsweredTwice() {
        String tx = tx(accountPage());
        pickAccount(tx, "alice@acme.test");
        Response denied = browser().formParam("tx", tx).formParam("decision", "deny").post("/auth/authorize/consent");
        assertEquals("access_denied", OAuth.query(denied.header("Location")).get("error"));
        browser().formParam("tx", tx).formParam("site", "acme").formParam("decision", "approve")
                .post("/auth/authorize/consent").then().statusCode(400).body(containsString("expired"));
    }

    @Test
    void aPostFromAnotherSiteWithTheRightTransactionButNoCookieIsRefused() {
        String tx = tx(accountPage());
        oauth.http().formParam("tx", tx).formParam("user", "alice@acme.test").post("/auth/authorize/login")
                .then().statusCode(403).body(containsString("not sent from the consent page"));
        oauth.http().cookie("jirasim-consent-" + tx, "guessed").formParam("tx", tx).formParam("user", "alice@acme.test")
                .post("/auth/authorize/login").then().statusCode(403);
        // The real browser still can.
        pickAccount(tx, "alice@acme.test").then().statusCode(200);
        oauth.http().formParam("tx", tx).formParam("site", "acme").formParam("decision", "approve").post("/auth/authorize/consent")
                .then().statusCode(403);
    }

    @Test
    void aForgedOrMissingTransactionIsRefused() {
        oauth.http().formParam("tx", "forged").formParam("user", "alice@acme.test").post("/auth/authorize/login")
                .then().statusCode(400).body(containsString("expired"));
        oauth.http().formParam("decision", "approve").post("/auth/authorize/consent").then().statusCode(400);
    }

    @Test
    void bobCannotAuthorizeAlicesPrivateApp() {
        var params = OAuth.authorizeParams("read:jira-work");
        params.put("client_id", "jirasim-private-client");
        Response page = oauth.authorize(params);
        cookies.putAll(page.getCookies());
        String tx = tx(page);
        pickAccount(tx, "bob@acme.test").then().statusCode(403).body(containsString("only its owner can authorize it"));
    }

    @Test
    void pagesEscapeWhatTheyEcho() {
        var params = OAuth.authorizeParams(OAuth.SCOPES);
        params.put("state", "<script>alert(1)</script>");
        Response page = oauth.authorize(params);
        page.then().statusCode(200).body(not(containsString("<script>alert(1)")));
    }

    @Test
    void anUnknownAccountShowsThePickerAgainPostingToAWorkingPath() {
        String tx = tx(accountPage());
        Response again = pickAccount(tx, "mallory@evil.test");
        again.then().statusCode(400).body(containsString("action=\"login\""));
        pickAccount(tx(again), "alice@acme.test").then().statusCode(200).body(containsString("id=\"site-acme\""));
    }
}
