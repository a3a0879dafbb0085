package dev.dialtone.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, so tests can send what no well-behaved client would: bad request
 * lines, bad escapes, lying headers.
 */
public final class RawHttp {

    private RawHttp() {}

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends the request while reading the answer: a server may answer an oversized request before
     * it has all of it and close, and that answer is what the test judges, not the broken pipe the
     * rest of the request then meets.
     */
    public static Answer exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            Thread writer =
                    new Thread(
                            () -> {
                                try {
                                    socket.getOutputStream().write(request);
                                    socket.getOutputStream().flush();
                                    // Nothing more is coming: a body shorter than
                                    // announced ends here instead of at the server's
                                    // timeout.
                                    socket.shutdownOutput();
                                } catch (IOException closedEarly) {
                                    // the reader sees whether an answer came
                                }
                            });
            writer.setDaemon(true);
            writer.start();
            // Closing the socket ends the writer too, if it is still at it.
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer, got: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                out.write(in.readNBytes(size));
                line(in);
            }
            body = out.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if (status == 204 || status == 304) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = out.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            out.write(b);
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }
}
