package nl.duiding.connector.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium from Debian's packages, driven by Debian's ChromeDriver (named explicitly, so Selenium
 * Manager never tries to download a browser or driver; the machine's network is closed).
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("duiding.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=nl-NL");
        options.setExperimentalOption("prefs", Map.of("profile.content_settings.exceptions.clipboard",
                Map.of("*", Map.of("setting", 1))));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("duiding.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Waits until {@code element} has left the document, as after a form posts and the next page loads. Unlike
     * {@code ExpectedConditions.stalenessOf}, it also takes Chrome's answer for a node of the page being replaced
     * ("does not belong to the document"), which comes as a plain WebDriverException while the navigation runs.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }
}
