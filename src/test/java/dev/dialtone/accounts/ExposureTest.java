package dev.dialtone.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.RawHttp;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Who reaches Dialtone: this machine only, by default, and Actuator beyond health only with
 * credentials.
 */
class ExposureTest extends ApiTest {

    @Autowired WebServerApplicationContext context;

    @Test
    void listensOnLoopbackOnly() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("address")).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void healthIsOpenAndEveryOtherActuatorEndpointNeedsCredentials() throws Exception {
        given().get("/actuator/health").then().statusCode(200);
        given().get("/actuator/metrics").then().statusCode(401).body("code", equalTo(20003));
        given().get("/actuator").then().statusCode(401);
        asTwo().get("/actuator/metrics").then().statusCode(200);
        for (String path :
                new String[] {
                    "/%61ctuator/metrics", "/actuator;x=1/metrics", "/actuator/health/../metrics"
                }) {
            RawHttp.Answer answer =
                    RawHttp.exchange(
                            port,
                            ("GET "
                                            + path
                                            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).as(path).isIn(400, 401, 404);
            assertThat(answer.body()).as(path).doesNotContain("jvm.");
        }
    }
}
