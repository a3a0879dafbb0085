package dev.dialtone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every curl line of README's "Use it with curl" and "Control API" sections, run by bash and curl
 * exactly as written, against this test's Dialtone: each must succeed (2xx). {@code CA…} becomes a
 * call of the test's own (an ended one where the line deletes), and port 8080 the test's port.
 */
class ReadmeCurlTest extends ApiTest {

    @Test
    void everyCurlLineInTheReadmeSucceedsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> lines = new ArrayList<>(curlLines(section(readme, "## Use it with curl")));
        lines.addAll(curlLines(section(readme, "## Control API")));
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            String sid = createCall(uniqueNumber()).getString("sid");
            if (line.contains("-X DELETE")) {
                asOne().formParam("Status", "canceled").post(callJson(sid)).then().statusCode(200);
            }
            Result result =
                    run(line.replace("CA…", sid).replace("localhost:8080", "localhost:" + port));
            assertThat(result.exit()).as("%s%n%s", line, result.output()).isZero();
            assertThat(result.status()).as("%s%n%s", line, result.output()).isBetween(200, 299);
            if (line.contains("StartTime")) {
                // The filter was read, not ignored: the page's own URI echoes it.
                assertThat(result.output())
                        .as(line)
                        .contains("StartTime%3E=2026-11-01")
                        .contains("StartTime%3C=2026-12-01");
            }
        }
    }

    private record Result(int exit, int status, String output) {}

    private Result run(String line) throws Exception {
        Path body = Files.createTempFile("readme-curl", ".out");
        try {
            String script =
                    "curl() { command curl -sS -o '"
                            + body
                            + "' -w '%{http_code}' \"$@\"; }\n"
                            + "export SID="
                            + TestAccounts.ONE
                            + " TOKEN="
                            + TestAccounts.ONE_TOKEN
                            + "\n"
                            + "export API=http://localhost:"
                            + port
                            + "/2010-04-01/Accounts/$SID\n"
                            + line
                            + "\n";
            Process bash =
                    new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            String printed =
                    new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String status = printed.replaceAll("(?s).*?(\\d{3})\\s*$", "$1");
            return new Result(
                    bash.exitValue(),
                    status.matches("\\d{3}") ? Integer.parseInt(status) : -1,
                    printed + "\n" + Files.readString(body));
        } finally {
            Files.deleteIfExists(body);
        }
    }

    /** The first sh block after the heading. */
    private static String section(String readme, String heading) {
        int at = readme.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        int start = readme.indexOf("```sh\n", at) + 6;
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** Its curl commands, continuation lines joined. */
    private static List<String> curlLines(String block) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String line : block.split("\n")) {
            if (current == null && line.startsWith("curl ")) {
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line)
                        .append(' ');
                if (!line.endsWith("\\")) {
                    commands.add(current.toString().trim());
                    current = null;
                }
            }
        }
        return commands;
    }
}
