package dev.dialtone.web;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some malformed requests (bad escapes, bad request lines) before Spring sees them,
 * with an HTML page of its own. This valve writes those in Twilio's JSON shape instead.
 */
public class TwilioErrorReportValve extends ErrorReportValve {

    private static final TwilioRenderer RENDERER = new TwilioRenderer();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String path = request.getDecodedRequestURI();
        TwilioException error = ContainerErrors.forStatus(status, path == null ? "/" : path);
        try {
            response.setContentType(WireFormat.JSON.mediaType().toString());
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(RENDERER.errorBody(WireFormat.JSON, error));
            out.flush();
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone or the response committed; nothing more can be said.
        }
    }
}
