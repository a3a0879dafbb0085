import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The ceiling: the least a Java HTTP server on this machine can do per request. Answers every
 * request with the same 2 KB JSON body. Run with -Dsun.net.httpserver.nodelay=true.
 * Usage: java -Dsun.net.httpserver.nodelay=true Ceiling.java PORT
 */
public class Ceiling {
    public static void main(String[] args) throws Exception {
        StringBuilder json = new StringBuilder("{\"sid\":\"CA00000000000000000000000000000000\",\"padding\":\"");
        while (json.length() < 2046) {
            json.append('x');
        }
        byte[] body = json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
