package dev.dialtone.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.DialtoneProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dialtone on H2 files in a 20 MB tmpfs that fills up: while it is full, creates answer a clear
 * 503; once space is freed, Dialtone recovers by itself; every call it acknowledged is there; and
 * the failure is logged a few times, not once per request. Needs root to mount the tmpfs: under CI
 * (CI=true, root) a failed mount fails the test; elsewhere it is skipped, saying why.
 */
class DiskFullTest {

    private static final Pattern SID = Pattern.compile("\"sid\":\"(CA[0-9a-f]{32})\"");

    @TempDir Path outside;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger numbers = new AtomicInteger();

    @Test
    void aFullDiskIsA503UntilSpaceFreesAndLosesNothingAcknowledged() throws Exception {
        Path disk = Files.createDirectories(outside.resolve("small"));
        Process mount =
                new ProcessBuilder(
                                "mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", disk.toString())
                        .redirectErrorStream(true)
                        .start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        if (!mounted) {
            System.out.println(
                    "DiskFullTest skipped: cannot mount a tmpfs here (" + said.strip() + ")");
        }
        // CI runs as root and can always mount: there a failed mount is a failure, never a skip.
        assertThat(mounted || !"true".equals(System.getenv("CI")))
                .as("CI must be able to mount the tmpfs: " + said.strip())
                .isTrue();
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here: " + said.strip());
        Path log = outside.resolve("dialtone.log");
        try (DialtoneProcess dialtone =
                DialtoneProcess.start(
                        disk,
                        List.of(
                                "--spring.profiles.active=fast",
                                "--dialtone.simulation.queue-delay=1h"),
                        log,
                        true)) {
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                acknowledged.add(sidOf(create(dialtone)));
            }

            Path filler = disk.resolve("filler");
            fill(filler);
            int refused = 0;
            for (int i = 0; i < 2000 && refused < 20; i++) {
                HttpResponse<String> response = create(dialtone);
                if (response.statusCode() == 201) {
                    acknowledged.add(sidOf(response));
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(response.body())
                            .contains("\"code\":20503")
                            .contains("\"status\":503");
                    refused++;
                }
            }
            assertThat(refused).as("creates refused while the disk is full").isEqualTo(20);

            Files.delete(filler);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> create(dialtone).statusCode() == 201);
            for (String sid : acknowledged) {
                assertThat(fetch(dialtone, sid).statusCode()).as(sid).isEqualTo(200);
            }
            assertThat(create(dialtone).statusCode()).isEqualTo(201);
            long errors =
                    Files.readAllLines(log).stream()
                            .filter(line -> line.contains(" ERROR "))
                            .count();
            System.out.printf(
                    "disk full: %d calls acknowledged, all there after recovery; %d creates refused; %d ERROR lines logged%n",
                    acknowledged.size(), refused, errors);
            assertThat(errors).as("ERROR lines in the log").isLessThan(20);
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString())
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Writes until the filesystem has no byte left. */
    private static void fill(Path filler) {
        byte[] megabyte = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(megabyte);
            }
        } catch (IOException full) {
            // what we wanted
        }
        byte[] bit = new byte[512];
        while (true) {
            try {
                Files.write(filler, bit, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException full) {
                return;
            }
        }
    }

    private HttpResponse<String> create(DialtoneProcess dialtone) throws Exception {
        String form =
                "To="
                        + URLEncoder.encode(
                                String.format("+1415666%04d", numbers.incrementAndGet() % 10_000),
                                StandardCharsets.UTF_8)
                        + "&From=%2B15005550006&Url=http%3A%2F%2F127.0.0.1%3A9%2Ftwiml";
        return http.send(
                dialtone.request("Calls.json")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> fetch(DialtoneProcess dialtone, String sid) throws Exception {
        return http.send(
                dialtone.request("Calls/" + sid + ".json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sidOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher sid = SID.matcher(response.body());
        assertThat(sid.find()).isTrue();
        return sid.group(1);
    }
}
