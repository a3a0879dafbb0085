package dev.dialtone.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inspector page in a real headless Chromium: it signs in with an account's credentials, shows
 * calls as they are created and move on without a reload, opens a call with its timeline, TwiML and
 * requests, and hangs it up.
 */
class InspectorPageTest extends LifecycleTest {

    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        Path chromium = onPath("chromium");
        Path driver = onPath("chromedriver");
        // CI installs both (.ci/run): there a missing browser is a failure, never a skip.
        assertThat((chromium != null && driver != null) || !"true".equals(System.getenv("CI")))
                .as("CI must have chromium and chromedriver on the PATH")
                .isTrue();
        Assumptions.assumeTrue(
                chromium != null && driver != null,
                "no chromium and chromedriver on the PATH: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1440, 900));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void callsAppearAndMoveOnLiveAndACallCanBeInspectedAndHungUp() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, DEADLINE);
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("login-account")).sendKeys(TestAccounts.ONE);
        browser.findElement(By.id("login-secret")).sendKeys(TestAccounts.ONE_TOKEN);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calls")));

        String to = uniqueNumber();
        scenario(to, "TalkTime", "1h");
        String app = path("app");
        RECEIVER.twiml(
                app,
                "<Response><Say>Welcome to the inspector</Say><Pause length=\"600\"/></Response>");
        String sid = callWithUrl(to, RECEIVER.url(app));
        String others =
                asTwo().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Twiml", "<Response><Pause length=\"5\"/></Response>")
                        .post("/2010-04-01/Accounts/" + TestAccounts.TWO + "/Calls.json")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");

        // The new call shows up, then goes in progress, with no reload.
        By row = By.cssSelector("tr[data-sid='" + sid + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("tr[data-sid='" + sid + "'] .status"), "in-progress"));
        assertThat(browser.findElements(By.cssSelector("tr[data-sid='" + others + "']")))
                .as("account two's call is not account one's to see")
                .isEmpty();
        screenshot("inspector-list.png");

        browser.findElement(row).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("call-sid"), sid));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flow"), "answered"));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "<Pause"));
        assertThat(browser.findElement(By.id("flow")).getText()).contains("<Say> Welcome");
        assertThat(browser.findElement(By.id("requests")).getText()).contains(RECEIVER.url(app));
        screenshot("inspector-call.png");

        new Select(browser.findElement(By.id("hangup-status"))).selectByVisibleText("completed");
        browser.findElement(By.id("hangup")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("call-status"), "completed"));
        assertThat(awaitStatus(sid, "completed").getString("status")).isEqualTo("completed");
    }

    private static void screenshot(String name) throws IOException {
        File shot =
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A program on the PATH, as Debian's chromium and chromium-driver put them there; or null. */
    private static Path onPath(String name) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
