package ai.tradesense.node.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ai.tradesense.node.Launcher;
import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;
import ai.tradesense.node.Nodes;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;

/**
 * The web UI in a real browser (Debian's headless Chromium through its ChromeDriver) against one
 * node started like the README's run command: a trader signs up, starts a challenge and watches the
 * dashboard change live as the platform reports events; risk staff see the breach on their console,
 * check the audit chain and run a simulation; an admin issues a key. Also: the sign-in form by
 * keyboard alone, a phone-sized screen, and the headers the UI files are served with. Screenshots of
 * the main screens go to {@code target/screenshots}.
 */
class WebUiIT {

    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path CHROMIUM = Path.of(System.getProperty("tradesense.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("tradesense.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * The tests speak WebDriver only, so no DevTools module matching the browser is on the class path;
     * Selenium's warning about that on every start is noise. (Held here: loggers are only weakly kept.)
     */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private static RunningNode node;
    private static Http api;
    private static final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void startNode() throws IOException {
        for (Path required : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(required)) {
                fail(required + " is missing: the web UI tests drive Debian's Chromium. Install it with "
                        + "'apt-get install -y chromium chromium-driver' (or point -Dtradesense.test.chromium and "
                        + "-Dtradesense.test.chromedriver at another Chromium and its ChromeDriver).");
            }
        }
        // The driver and browser are given explicitly: Selenium Manager must never look anything up.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Files.createDirectories(SCREENSHOTS);
        NodeOptions options = Nodes.runCommandDefaults("web-ui");
        node = Launcher.start(options);
        node.awaitReady(BOOT);
        api = new Http(node.baseUri().resolve("api/v1/"));
    }

    @AfterEach
    void closeBrowsers() {
        List<String> problems = new ArrayList<>();
        for (Browser browser : browsers) {
            problems.addAll(browser.scriptProblems());
            browser.close();
        }
        browsers.clear();
        assertThat(problems).as("script errors or Content-Security-Policy violations in the browser console").isEmpty();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void servesTheUiFilesAnonymouslyWithTheirTypesAndAPolicyForTheirOwnOrigin() {
        Http site = new Http(node.baseUri());
        Http.Answer page = site.get("");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"assets/app.js\"></script>");
        String policy = page.header("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.header("X-Frame-Options")).contains("DENY");

        assertThat(site.get("assets/app.js").contentType()).matches("(application|text)/javascript.*");
        assertThat(site.get("assets/views/dashboard.js").contentType()).matches("(application|text)/javascript.*");
        assertThat(site.get("assets/app.css").contentType()).startsWith("text/css");
        assertThat(site.get("assets/app.js").header("Content-Security-Policy")).contains(policy);

        // The API keeps its own, stricter answers.
        Http.Answer apiAnswer = site.get("api/v1/plans");
        assertThat(apiAnswer.status()).isEqualTo(401);
        assertThat(apiAnswer.header("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void aTraderFollowsTheirChallengeLiveAndRiskStaffSeeItsBreach() throws Exception {
        Browser trader = browser("trader", new Dimension(1280, 1000));
        String email = "ui-trader-" + UUID.randomUUID() + "@tradesense.test";

        // Sign up (the start page sends a stranger to sign in; from there to "Create an account").
        trader.open("");
        trader.waitForHash("#/login");
        trader.click(By.linkText("Create an account"));
        trader.waitForHash("#/register");
        trader.type(By.name("displayName"), "Ursula Interface");
        trader.type(By.name("email"), email);
        trader.type(By.name("password"), "short");
        trader.click(By.id("register-submit"));
        trader.waitForText(By.cssSelector("#register-form .field[data-field=password] .field-error"), "12");
        trader.screenshot("01-register-with-a-field-error");
        trader.find(By.name("password")).clear();
        trader.type(By.name("password"), Accounts.PASSWORD);
        trader.click(By.id("register-submit"));

        // Start a challenge from the catalogue.
        trader.waitForHash("#/challenges");
        trader.waitFor(By.cssSelector(".start-plan[data-plan=\"two-step-100k\"]"));
        trader.waitForText(By.cssSelector(".challenge-list"), "No challenge yet");
        trader.screenshot("02-challenges-and-plan-catalogue");
        trader.click(By.cssSelector(".start-plan[data-plan=\"two-step-100k\"]"));
        trader.waitUntil("the dashboard opens", () -> trader.hash().startsWith("#/dashboard/"));
        String id = trader.hash().substring("#/dashboard/".length());

        trader.waitForText(By.id("live-indicator"), "Live");
        trader.waitForText(By.cssSelector("[data-tile=equity] dd"), "100,000.00");
        trader.waitForText(By.id("rules"), "Daily loss: equity may not fall more than");
        trader.waitForText(By.id("countdown"), "Next trading day starts in");
        assertThat(trader.text(By.cssSelector("[data-bar=max] .bar-value"))).contains("$10,000.00 to the floor");
        trader.script("window.__sameDocument = 'kept';");

        // The trading platform reports; the open dashboard follows without a reload.
        Http platform = Accounts.platform(api);
        JsonEvents events = new JsonEvents(Instant.parse(
                Accounts.admin(api).get("challenges/" + id).json().getString("startedAt")));
        assertThat(platform.post("challenges/" + id + "/events", events.opened("t-1", "EURUSD", "BUY", "1.5", "1.085")).status())
                .isEqualTo(200);
        trader.waitFor(By.cssSelector("tr[data-trade=\"t-1\"]"));
        trader.waitForText(By.cssSelector("[data-tile=open-trades] dd"), "1");
        assertThat(platform.post("challenges/" + id + "/events", events.equity("101250")).status()).isEqualTo(200);
        trader.waitForText(By.cssSelector("[data-tile=equity] dd"), "101,250.00");
        assertThat(platform.post("challenges/" + id + "/events", events.closed("t-1", "1.0917", "1000")).status())
                .isEqualTo(200);
        trader.waitForText(By.cssSelector("[data-tile=balance] dd"), "101,000.00");
        trader.waitForText(By.cssSelector("tr[data-trade=\"t-1\"]"), "1,000.00");
        trader.waitForText(By.cssSelector("[data-bar=target] .bar-value"), "10");
        trader.waitForText(By.cssSelector("[data-bar=days] .bar-value"), "1 of 4");
        assertThat(trader.script("return window.__sameDocument;")).as("the page was not reloaded").isEqualTo("kept");
        assertThat(trader.findAll(By.cssSelector("#equity-chart path.series-equity"))).hasSize(1);
        assertThat(trader.findAll(By.cssSelector("#equity-chart path.series-daily"))).hasSize(1);
        assertThat(trader.findAll(By.cssSelector("#equity-chart path.series-max"))).hasSize(1);
        trader.screenshot("03-dashboard-live");

        // Risk staff watch the console while the account breaks its daily loss limit.
        Accounts.User riskUser = Accounts.withRoles(api, "RISK");
        Browser risk = browser("risk", new Dimension(1440, 1000));
        risk.signIn(riskUser.email(), Accounts.PASSWORD);
        risk.waitForHash("#/risk");
        risk.waitForText(By.id("ops-indicator"), "Live");
        risk.waitFor(By.cssSelector("#board tr[data-challenge=\"" + id + "\"]"));
        risk.click(By.cssSelector("button[data-sort=least]"));
        risk.waitFor(By.cssSelector("th[aria-sort=descending] button[data-sort=least]"));

        assertThat(platform.post("challenges/" + id + "/events", "[" + events.opened("t-2", "XAUUSD", "SELL", "2", "2315.5")
                + ", " + events.equity("94000") + "]").status()).isEqualTo(200);

        trader.waitForText(By.id("failure"), "daily loss");
        assertThat(trader.text(By.id("failure"))).contains("Failed", "94,000.00", "95,000.00");
        trader.waitForText(By.id("live-notices"), "Breach");
        trader.waitForText(By.cssSelector(".subtitle .badge"), "Failed");
        assertThat(trader.script("return window.__sameDocument;")).isEqualTo("kept");
        trader.screenshot("04-dashboard-failed");

        risk.waitFor(By.cssSelector("#ops-feed li[data-type=BREACH][data-challenge=\"" + id + "\"]"));
        risk.waitFor(By.cssSelector("#ops-feed li[data-type=FAILED][data-challenge=\"" + id + "\"]"));
        risk.waitFor(By.cssSelector("#board tr[data-challenge=\"" + id + "\"] .badge.status-failed"));
        assertThat(risk.text(By.cssSelector("#board tr[data-challenge=\"" + id + "\"]"))).contains("Failed", "94,000.00");
        // The failure is an alert, raised with it and pushed to the console; staff acknowledge it with a note.
        By failedAlert = By.xpath("//ul[contains(@class,'alert-list')]/li[.//a[@href='#/risk/" + id + "']]");
        risk.waitFor(failedAlert);
        assertThat(risk.text(failedAlert)).contains("Critical");
        risk.screenshot("05-risk-console-breach");
        risk.click(By.xpath("//ul[contains(@class,'alert-list')]/li[.//a[@href='#/risk/" + id + "']]"
                + "//button[contains(@class,'ack')]"));
        risk.type(By.cssSelector("dialog.modal textarea[name=note]"), "Called the trader; account closed");
        risk.screenshot("05b-risk-acknowledge-alert");
        risk.click(By.cssSelector("dialog.modal button[type=submit]"));
        risk.waitUntil("the acknowledged alert leaves the open list", () -> risk.findAll(failedAlert).isEmpty());
        Select show = new Select(risk.find(By.id("alert-status")));
        show.selectByValue("ACKNOWLEDGED");
        risk.waitFor(failedAlert);
        assertThat(risk.text(failedAlert)).contains("Acknowledged by", "Called the trader; account closed");
        show.selectByValue("OPEN");

        // The challenge's detail: its audit trail holds together.
        risk.click(By.cssSelector("#board tr[data-challenge=\"" + id + "\"] th a"));
        risk.waitForHash("#/risk/" + id);
        risk.waitFor(By.cssSelector("#audit tr[data-seq]"));
        risk.click(By.id("audit-verify"));
        risk.waitForText(By.id("verify-ok"), "The chain holds");
        risk.click(By.id("action-submit"));
        risk.waitFor(By.cssSelector("#action-form .field[data-field=reason] .field-error:not([hidden])"));
        assertThat(risk.find(By.id("action-reason")).getAttribute("aria-invalid")).isEqualTo("true");
        risk.screenshot("06-risk-challenge-detail-and-audit");

        // The what-if simulator with the example history.
        risk.open("#/simulator");
        risk.waitFor(By.cssSelector("#sim-plan option[value=\"two-step-100k\"]"));
        risk.click(By.id("sim-example"));
        risk.click(By.id("sim-run"));
        risk.waitFor(By.cssSelector("#sim-final .badge.status-failed"));
        risk.waitFor(By.cssSelector("#sim-chart path.series-equity"));
        risk.screenshot("07-simulator");

        // An admin issues a platform key.
        Browser admin = browser("admin", new Dimension(1280, 900));
        admin.signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
        admin.open("#/admin/keys");
        admin.type(By.id("key-name"), "ui-bridge");
        admin.click(By.id("key-issue"));
        admin.waitFor(By.id("key-secret"));
        assertThat(admin.find(By.id("key-secret")).getAttribute("value")).startsWith("tsk_");
        admin.waitForText(By.id("key-list"), "ui-bridge");
        admin.screenshot("08-admin-api-keys");
        admin.open("#/admin/plans");
        admin.waitForText(By.id("plan-list"), "two-step-100k");
        admin.screenshot("09-admin-plans");
    }

    @Test
    void signsInWithTheKeyboardAlone() {
        Accounts.User user = Accounts.trader(api);
        Browser browser = browser("keyboard", new Dimension(1024, 768));
        browser.open("#/login");
        browser.waitFor(By.id("login-form"));
        browser.waitUntil("the page heading has focus", () -> "H1".equals(browser.script("return document.activeElement.tagName;")));

        browser.keys(Keys.TAB);
        assertThat(browser.activeName()).as("Tab from the heading reaches the email field").isEqualTo("email");
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;"))
                .as("a focused field shows its focus").isNotEqualTo("none");
        browser.keys(user.email());
        browser.keys(Keys.TAB);
        assertThat(browser.activeName()).isEqualTo("password");
        browser.keys("not-the-password-1", Keys.ENTER);
        browser.waitFor(By.cssSelector("#login-form .problem"));
        String problem = browser.text(By.cssSelector("#login-form .problem"));
        assertThat(problem).isNotBlank().doesNotContain("Exception", "at ai.", "at java.", "<html");
        browser.screenshot("10-login-error");

        assertThat(browser.activeName()).as("after a refused sign-in the password is ready to type again").isEqualTo("password");
        browser.keys(Accounts.PASSWORD, Keys.ENTER);
        browser.waitForHash("#/challenges");
        browser.waitFor(By.id("sign-out"));
        browser.keys(Keys.TAB);
        browser.keys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.tagName;")).as("links and buttons are reachable")
                .isIn("A", "BUTTON", "SUMMARY");
    }

    @Test
    void readsWellOnAPhone() {
        Accounts.User user = Accounts.trader(api);
        String id = user.http().post("challenges", "{\"planCode\": \"futures-50k\"}").json().getString("id");
        Browser phone = browser("phone", new Dimension(390, 844));
        phone.signIn(user.email(), Accounts.PASSWORD);
        phone.waitForHash("#/challenges");
        phone.waitFor(By.cssSelector(".challenge-card[data-challenge=\"" + id + "\"]"));
        phone.assertNoSidewaysScrolling("the challenges page");
        phone.screenshot("11-phone-challenges");

        // An access token that no longer holds is renewed with the refresh token, for REST and WebSocket alike.
        phone.script("const s = JSON.parse(sessionStorage.getItem('tradesense.session'));"
                + " s.accessToken = 'expired.token.value'; sessionStorage.setItem('tradesense.session', JSON.stringify(s));");
        phone.driver().navigate().refresh();
        phone.click(By.cssSelector(".challenge-card[data-challenge=\"" + id + "\"] a"));
        phone.waitForText(By.id("live-indicator"), "Live");
        assertThat(phone.script("return JSON.parse(sessionStorage.getItem('tradesense.session')).accessToken;"))
                .isNotEqualTo("expired.token.value");
        phone.waitForText(By.cssSelector("[data-tile=equity] dd"), "50,000.00");
        phone.waitForText(By.id("rules"), "pauses the account until the next day starts");
        phone.assertNoSidewaysScrolling("the dashboard");
        phone.screenshot("12-phone-dashboard");
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private Browser browser(String name, Dimension size) {
        Browser browser = new Browser(name, size);
        browsers.add(browser);
        return browser;
    }

    /** Event JSON at increasing whole seconds after the challenge opened. */
    private static final class JsonEvents {
        private Instant at;

        JsonEvents(Instant opened) {
            at = opened.truncatedTo(ChronoUnit.SECONDS);
        }

        private String next() {
            at = at.plusSeconds(1);
            return at.toString();
        }

        String opened(String trade, String symbol, String side, String volume, String price) {
            return """
                    {"type": "TRADE_OPENED", "id": "%s", "at": "%s", "symbol": "%s", "side": "%s", "volume": %s, "price": %s}"""
                    .formatted(trade, next(), symbol, side, volume, price);
        }

        String closed(String trade, String price, String profit) {
            return """
                    {"type": "TRADE_CLOSED", "id": "%s", "at": "%s", "price": %s, "profit": %s}"""
                    .formatted(trade, next(), price, profit);
        }

        String equity(String equity) {
            return """
                    {"type": "EQUITY", "at": "%s", "equity": %s}""".formatted(next(), equity);
        }
    }

    /** One headless Chromium with its own fresh profile. */
    private static final class Browser {
        private final String name;
        private final ChromeDriver driver;
        private final Path profile;
        private final WebDriverWait wait;

        Browser(String name, Dimension size) {
            this.name = name;
            try {
                profile = Files.createTempDirectory("tradesense-chromium-" + name + "-");
            } catch (IOException e) {
                throw new IllegalStateException("no temporary folder for the browser profile", e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The machine's network is closed: without the background-networking flags Chromium waits on refused lookups.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US", "--user-data-dir=" + profile,
                    "--window-size=" + size.getWidth() + "," + size.getHeight());
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(size);
            wait = new WebDriverWait(driver, WAIT);
        }

        ChromeDriver driver() {
            return driver;
        }

        void open(String path) {
            driver.get(node.baseUri().resolve("/").toString() + path);
        }

        String hash() {
            return String.valueOf(script("return window.location.hash;"));
        }

        void waitForHash(String hash) {
            waitUntil("the address is " + hash, () -> hash.equals(hash()));
        }

        void signIn(String email, String password) {
            open("#/login");
            type(By.name("email"), email);
            type(By.name("password"), password);
            click(By.id("login-submit"));
            waitFor(By.id("sign-out"));
        }

        WebElement find(By by) {
            return driver.findElement(by);
        }

        List<WebElement> findAll(By by) {
            return driver.findElements(by);
        }

        WebElement waitFor(By by) {
            return wait.withMessage(() -> name + ": nothing matches " + by + " on " + hash())
                    .until(ExpectedConditions.presenceOfElementLocated(by));
        }

        void waitForText(By by, String text) {
            waitFor(by);
            wait.withMessage(() -> name + ": " + by + " never showed '" + text + "'; it shows '" + safeText(by) + "'")
                    .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        }

        void waitUntil(String what, java.util.function.Supplier<Boolean> condition) {
            wait.withMessage(() -> name + ": timed out waiting until " + what).until(d -> condition.get());
        }

        /** The element's text, read again if the page redrew it meanwhile. */
        String text(By by) {
            return wait.withMessage(() -> name + ": nothing matches " + by).until(d -> {
                try {
                    return d.findElement(by).getText();
                } catch (StaleElementReferenceException | NoSuchElementException redrawn) {
                    return null;
                }
            });
        }

        private String safeText(By by) {
            List<WebElement> found = findAll(by);
            return found.isEmpty() ? "" : found.get(0).getText();
        }

        void type(By by, String text) {
            WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
            element.sendKeys(text);
        }

        void click(By by) {
            wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        }

        /** Keys to whatever has the focus, as a person types them. */
        void keys(CharSequence... keys) {
            new Actions(driver).sendKeys(keys).perform();
        }

        String activeName() {
            return String.valueOf(script("return document.activeElement.name || document.activeElement.id;"));
        }

        Object script(String script) {
            return ((JavascriptExecutor) driver).executeScript(script);
        }

        void assertNoSidewaysScrolling(String what) {
            Object widths = script("return [document.documentElement.scrollWidth, window.innerWidth];");
            @SuppressWarnings("unchecked")
            List<Number> pair = (List<Number>) widths;
            assertThat(pair.get(0).intValue()).as(what + " fits the phone's width (" + pair.get(1) + " px)")
                    .isLessThanOrEqualTo(pair.get(1).intValue());
        }

        /** The whole page: the window grows to the page's height for the shot, then shrinks back. */
        void screenshot(String file) {
            Dimension size = driver.manage().window().getSize();
            Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight);");
            int tall = Math.min(6000, Math.max(size.getHeight(), height.intValue() + (size.getHeight() - innerHeight())));
            driver.manage().window().setSize(new Dimension(size.getWidth(), tall));
            try {
                Files.write(SCREENSHOTS.resolve(file + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new IllegalStateException("could not write the screenshot " + file, e);
            } finally {
                driver.manage().window().setSize(size);
            }
        }

        private int innerHeight() {
            return ((Number) script("return window.innerHeight;")).intValue();
        }

        /** Uncaught script errors and policy violations; failed loads (the 401 of a wrong password) are answers, not bugs. */
        List<String> scriptProblems() {
            List<String> problems = new ArrayList<>();
            try {
                for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                    String message = entry.getMessage();
                    if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !message.contains("Failed to load resource")) {
                        problems.add(name + ": " + message);
                    } else if (message.contains("Content Security Policy") || message.contains("Content-Security-Policy")) {
                        problems.add(name + ": " + message);
                    }
                }
            } catch (RuntimeException e) {
                problems.add(name + ": the browser console could not be read: " + e.getMessage());
            }
            return problems;
        }

        void close() {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // A temporary profile left behind does no harm.
                }
            }
        }
    }

}
