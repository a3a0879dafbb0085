package dev.dialtone.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Dialtone process: the server's runnable jar, unpacked ({@link ServerLaunch}), started with
 * {@code java -jar} on a free loopback port, an in-memory database and the settings asked for. Its
 * standard input is a pipe from this JVM, and Dialtone exits when that pipe closes, so it ends with
 * this JVM however this JVM ends.
 */
final class DialtoneServer implements AutoCloseable {

    /** The server's jar, packed into this artifact when it was built. */
    static final String JAR_RESOURCE = "dev/dialtone/junit/dialtone-server.jar";

    /** The account a Dialtone started without accounts of its own serves. */
    static final String ACCOUNT_SID = "ACd1a170ed1a170ed1a170ed1a170e0000";

    static final String AUTH_TOKEN = "dialtonedevtoken0000000000000000";

    private final Process process;
    private final String baseUrl;
    private final Path log;
    private final ServerLaunch launch;

    private DialtoneServer(Process process, String baseUrl, Path log, ServerLaunch launch) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.launch = launch;
    }

    static DialtoneServer start(DialtoneSettings settings) {
        try {
            Path work = Files.createTempDirectory("dialtone-");
            Path log = work.resolve("dialtone.log");
            int port = freePort();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ServerLaunch launch = ServerLaunch.of(java, jar(settings), settings.jvmArguments());
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(settings.jvmArguments());
            command.addAll(launch.sharing());
            command.add("-jar");
            command.add(launch.jar().toString());
            command.add("--server.port=" + port);
            command.add("--server.address=127.0.0.1");
            command.add(
                    "--spring.datasource.url=jdbc:h2:mem:dialtone;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            command.add("--spring.datasource.username=sa");
            command.add("--spring.datasource.password=");
            command.add("--dialtone.exit-when-stdin-closes=true");
            command.add(
                    "--dialtone.simulation.clock=" + (settings.manualClock() ? "manual" : "real"));
            for (Map.Entry<String, String> p : settings.properties().entrySet()) {
                command.add("--" + p.getKey() + "=" + p.getValue());
            }
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(work.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            // The user's own database or port settings are for their app, not for this Dialtone.
            builder.environment()
                    .keySet()
                    .removeIf(
                            name ->
                                    name.startsWith("SPRING_DATASOURCE_")
                                            || name.startsWith("SERVER_")
                                            || name.startsWith("DIALTONE_"));
            Process process = builder.start();
            DialtoneServer server =
                    new DialtoneServer(process, "http://127.0.0.1:" + port, log, launch);
            server.awaitReady(settings.startTimeout());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Dialtone could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Dialtone was unpacked", e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try (OutputStream stdin = process.getOutputStream()) {
            // Closing its input is how Dialtone is told to exit (and what happens when we die).
        } catch (IOException ignored) {
            // Already closed.
        }
        boolean exited = false;
        try {
            exited = process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        launch.settle(exited && process.exitValue() == 0);
        // Its log served while it ran (a failed start shows its tail); a clean stop leaves nothing.
        try {
            Files.deleteIfExists(log);
            Files.deleteIfExists(log.getParent());
        } catch (IOException ignored) {
            // Something else wrote there; leave it.
        }
    }

    private void awaitReady(Duration within) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Dialtone exited with "
                                + process.exitValue()
                                + " while starting:\n"
                                + tail());
            }
            try {
                if (healthy(client)) {
                    return;
                }
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while Dialtone started", e);
            }
        }
        String said = tail();
        close();
        throw new IllegalStateException("Dialtone did not answer within " + within + ":\n" + said);
    }

    private boolean healthy(HttpClient client) throws InterruptedException {
        try {
            return client.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The end of its log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The jar to run: the one the settings name, else the one packed into this artifact, copied
     * once per version of the artifact to the temporary directory ({@code java -jar} needs a file).
     */
    private static Path jar(DialtoneSettings settings) throws IOException {
        if (settings.jar() != null) {
            return settings.jar();
        }
        URL packed = DialtoneServer.class.getClassLoader().getResource(JAR_RESOURCE);
        if (packed == null) {
            throw new IllegalStateException(
                    JAR_RESOURCE + " is missing from the classpath: is dialtone-junit built?");
        }
        if ("file".equals(packed.getProtocol())) {
            return Path.of(URI.create(packed.toString()));
        }
        var connection = packed.openConnection();
        String key = "dialtone-server";
        if (connection instanceof JarURLConnection jar) {
            Path outer = Path.of(URI.create(jar.getJarFileURL().toString()));
            key += "-" + Files.size(outer) + "-" + Files.getLastModifiedTime(outer).toMillis();
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "dialtone-junit", key + ".jar");
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), key, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
