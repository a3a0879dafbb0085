package dev.dialtone.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Dialtone as a process of its own, started from the test's classpath in a working directory of the
 * test's choosing, so that its default H2 files ({@code ./data}) land there and a restart in the
 * same directory opens the same files. {@link #kill} ends it as {@code kill -9} does.
 */
public final class DialtoneProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private DialtoneProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Dialtone in {@code workDir} with these arguments and waits until it answers. */
    public static DialtoneProcess start(Path workDir, List<String> arguments)
            throws IOException, InterruptedException {
        return start(workDir, arguments, workDir.resolve("dialtone.log"), false);
    }

    /**
     * @param log where its output goes
     * @param h2 true to keep it on its default H2 files even where the environment names PostgreSQL
     */
    public static DialtoneProcess start(Path workDir, List<String> arguments, Path log, boolean h2)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                ProcessHandle.current().info().command().orElse("java"),
                                "-Xmx96m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.dialtone.DialtoneApplication",
                                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (h2) {
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_"));
        }
        Process process = builder.start();
        DialtoneProcess started = new DialtoneProcess(process, port);
        started.awaitHealthy(Duration.ofSeconds(90));
        return started;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The built-in account, which a process started without accounts of its own serves. */
    public static final String ACCOUNT = "ACd1a170ed1a170ed1a170ed1a170e0000";

    public static final String TOKEN = "dialtonedevtoken0000000000000000";

    /**
     * A request to {@code path} of the built-in account's API ({@code Calls.json}, …), with its
     * credentials.
     */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + "/" + path))
                .timeout(Duration.ofSeconds(20))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (ACCOUNT + ":" + TOKEN)
                                                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitHealthy(Duration within) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Dialtone exited with " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<Void> health =
                        client.send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // polling a starting process; there is nothing to wait on instead
        }
        process.destroyForcibly();
        throw new IllegalStateException("Dialtone did not become healthy within " + within);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
