package dev.jirasim.simulator.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.support.OAuth;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard and the OAuth debugger clicked through in a real headless Chromium: the clock moves, a grant is revoked,
 * the journal tail fills in, and the README's browser walkthrough ends in the debugger with the tokens' sites. Screenshots
 * go to simulator/target/screenshots (CI keeps them as artifacts). Needs Debian's chromium and chromium-driver
 * ({@code .ci/run} installs them); skipped with a message where they are missing.
 */
class DashboardBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private JirasimServer sim;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1300",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("jirasim-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // A click on a form button navigates (POST, 303, GET /): an element found on the old page goes stale mid-check.
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) browser.quit();
        if (sim != null) sim.close();
    }

    @Test
    void theClockMovesAGrantIsRevokedAndTheJournalTails() throws Exception {
        sim.control().setClock(Instant.parse("2026-12-01T09:00:00Z"), true);
        String access = sim.control().issueTokens(new TokenRequestSpec(null, OAuth.ALICE, List.of("acme"), null)).accessToken();
        new OAuth(sim).resources(access).then().statusCode(200);
        String grant = sim.control().tokens().accessTokens().stream().filter(t -> t.token().equals(access)).findFirst().orElseThrow().grantId();

        browser.get(sim.baseUrl() + "/");
        assertEquals("2026-12-01T09:00:00Z", browser.findElement(By.id("clock-now")).getText());
        // The journal tail is fetched by the page itself: the request above shows up without a reload.
        wait.until(d -> d.findElement(By.id("journal-rows")).getText().contains("/api/oauth/token/accessible-resources"));
        screenshot("dashboard");

        browser.findElement(By.id("advance-3600")).click();
        wait.until(d -> d.findElement(By.id("clock-now")).getText().equals("2026-12-01T10:00:00Z"));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), sim.control().now());

        browser.findElement(By.id("revoke-" + grant)).click();
        wait.until(d -> d.findElements(By.id("revoke-" + grant)).isEmpty());
        assertTrue(browser.findElement(By.id("grant-" + grant)).getText().contains("revoked"));
        new OAuth(sim).resources(access).then().statusCode(401);
    }

    @Test
    void theReadmesBrowserWalkthroughEndsInTheDebuggerWithTheTokensSites() throws Exception {
        long grantsBefore = sim.control().tokens().grants().size();
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher link = Pattern.compile("<(http://localhost:8484/__admin/debugger)>").matcher(readme);
        assertTrue(link.find(), "the README's walkthrough starts at the debugger");
        browser.get(link.group(1).replace("http://localhost:8484", sim.baseUrl()));
        browser.findElement(By.id("start")).click();
        // The real consent page: pick alice, tick her sites, Accept (as the README says).
        wait.until(d -> !d.findElements(By.id("user-alice")).isEmpty());
        browser.findElement(By.id("user-alice")).click();
        wait.until(d -> !d.findElements(By.id("consent-form")).isEmpty());
        browser.findElement(By.id("site-acme")).click();
        browser.findElement(By.id("site-globex")).click();
        browser.findElement(By.id("accept")).click();

        wait.until(d -> !d.findElements(By.id("exchange")).isEmpty());
        assertTrue(browser.findElements(By.id("state-ok")).size() == 1, "the state came back unchanged");
        assertTrue(browser.findElement(By.id("code-value")).getText().length() > 10);
        browser.findElement(By.id("exchange")).click();

        wait.until(d -> !d.findElements(By.id("token-status")).isEmpty());
        assertEquals("200", browser.findElement(By.id("token-status")).getText());
        String sites = browser.findElement(By.id("resources")).getText();
        assertTrue(sites.contains(OAuth.ACME) && sites.contains(OAuth.GLOBEX) && !sites.contains(OAuth.INITECH), sites);
        assertEquals("200", browser.findElement(By.id("me-status")).getText());
        screenshot("debugger");
        assertEquals(grantsBefore + 1, sim.control().tokens().grants().size(), "the walkthrough made one grant");
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
