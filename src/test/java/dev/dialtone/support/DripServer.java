package dev.dialtone.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver that misbehaves over a bare socket: it answers the headers at once and then drips the
 * body a byte at a time ({@link Mode#DRIP}), or takes the request and never answers ({@link
 * Mode#SILENT}). It keeps the form parameters of every request it got.
 */
public final class DripServer implements AutoCloseable {

    public enum Mode {
        DRIP,
        SILENT
    }

    private final ServerSocket server;
    private final Mode mode;
    private final Duration interval;
    private final ExecutorService connections =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "drip-server");
                        t.setDaemon(true);
                        return t;
                    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger mostWaiting = new AtomicInteger();

    public DripServer(Mode mode, Duration interval) throws IOException {
        this.mode = mode;
        this.interval = interval;
        this.server = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** The most requests that were ever waiting for an answer at the same time. */
    public int mostAtOnce() {
        return mostWaiting.get();
    }

    /** The form parameters of every request so far. */
    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            int length = 0;
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            requests.add(
                    FormBodies.decode(new String(in.readNBytes(length), StandardCharsets.UTF_8)));
            if (mode == Mode.SILENT) {
                mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
                try {
                    in.read(); // until the client gives up and closes
                } finally {
                    waiting.decrementAndGet();
                }
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<"
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 100_000 && !socket.isClosed(); i++) {
                Thread.sleep(
                        interval.toMillis()); // the server's own pace: this is what is under test
                out.write(' ');
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up, or the server is closing
        } finally {
            open.remove(socket);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).strip();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        connections.shutdownNow();
    }
}
