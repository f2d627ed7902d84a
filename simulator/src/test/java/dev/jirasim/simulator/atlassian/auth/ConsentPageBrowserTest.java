package dev.jirasim.simulator.atlassian.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.WorldFile;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The consent page in a real headless Chromium: pick alice, tick sites, Accept, and the app's callback
 * receives a code. Needs Debian's chromium and chromium-driver ({@code .ci/run} installs them); skipped
 * with a message where they are missing.
 */
@ExtendWith(SimulatorExtension.class)
class ConsentPageBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HttpServer app;
    private final CompletableFuture<String> callbackQuery = new CompletableFuture<>();
    private WebDriver browser;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        // A stand-in for the integrating app: its callback records the query it was sent.
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/callback", exchange -> {
            callbackQuery.complete(exchange.getRequestURI().getRawQuery());
            byte[] page = "<html><body id='app'>signed in</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        app.start();

        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("jirasim-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) browser.quit();
        if (app != null) app.stop(0);
    }

    @Test
    void aliceTicksHerSitesAcceptsAndTheAppReceivesACode(JirasimServer sim) throws Exception {
        String callback = "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";
        registerCallback(sim, callback);
        var params = OAuth.authorizeParams(OAuth.SCOPES);
        params.put("redirect_uri", callback);
        params.put("state", "browser-state");
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        browser.get(sim.authUrl() + "/authorize?" + query);
        browser.findElement(By.id("user-alice")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> !d.findElements(By.id("consent-form")).isEmpty());
        assertFalse(browser.findElement(By.id("accept")).isEnabled(), "Accept must wait for a site");
        assertTrue(browser.findElements(By.id("site-initech")).isEmpty());
        browser.findElement(By.id("site-acme")).click();
        browser.findElement(By.id("site-globex")).click();
        assertTrue(browser.findElement(By.id("accept")).isEnabled());
        browser.findElement(By.id("accept")).click();

        String received = callbackQuery.get(10, TimeUnit.SECONDS);
        var values = OAuth.query(callback + "?" + received);
        assertEquals("browser-state", values.get("state"));
        wait.until(d -> d.getCurrentUrl().startsWith(callback));

        var oauth = new OAuth(sim);
        var tokens = oauth.http().contentType("application/json")
                .body(java.util.Map.of("grant_type", "authorization_code", "client_id", OAuth.CLIENT_ID,
                        "client_secret", OAuth.CLIENT_SECRET, "code", values.get("code"), "redirect_uri", callback))
                .post("/auth/oauth/token");
        tokens.then().statusCode(200);
        oauth.resources(tokens.path("access_token")).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.containsInAnyOrder(OAuth.ACME, OAuth.GLOBEX));
    }

    private static void registerCallback(JirasimServer sim, String callback) {
        WorldFile world = sim.control().exportWorld();
        var apps = new ArrayList<OAuthApp>();
        for (OAuthApp a : world.apps()) {
            var urls = new ArrayList<>(a.callbackUrls());
            if (a.clientId().equals(OAuth.CLIENT_ID)) urls.add(callback);
            apps.add(new OAuthApp(a.clientId(), a.clientSecret(), a.name(), urls, a.scopes(), a.distribution(), a.owner(), a.pkce()));
        }
        sim.control().replaceWorld(new WorldFile(world.version(), world.auth(), world.jira(), world.sites(), world.users(), List.copyOf(apps),
                world.consent(), world.projects(), null, world.issues(), world.tokens()));
    }
}
