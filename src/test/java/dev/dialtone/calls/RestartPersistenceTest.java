package dev.dialtone.calls;

import static dev.dialtone.support.ApiTest.callJson;
import static dev.dialtone.support.ApiTest.callsJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.StandaloneDialtone;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call outlives the process: stop Dialtone, start a new one on the same database, fetch it. */
class RestartPersistenceTest {

    @TempDir Path dataDir;

    @Test
    void keepsEveryCallAcrossARestart() throws Exception {
        StandaloneDialtone.Database database = StandaloneDialtone.Database.inFile(dataDir);
        String queued;
        String canceled;
        String queuedBefore;
        String canceledBefore;
        try (StandaloneDialtone first = StandaloneDialtone.start(database)) {
            queued =
                    first.asOne()
                            .formParam("To", "+14155550199")
                            .formParam("From", "+15005550006")
                            .formParam("Url", "http://a.test/")
                            .formParam("StatusCallbackEvent", "ringing answered")
                            .post(callsJson())
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("sid");
            canceled =
                    first.asOne()
                            .formParam("To", "+14155550198")
                            .formParam("From", "+15005550006")
                            .formParam("Url", "http://a.test/")
                            .post(callsJson())
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("sid");
            first.asOne()
                    .formParam("Status", "canceled")
                    .post(callJson(canceled))
                    .then()
                    .statusCode(200);
            queuedBefore = fetch(first, queued);
            canceledBefore = fetch(first, canceled);
        }
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            assertThat(Files.exists(dataDir.resolve(database.schema() + ".mv.db"))).isTrue();
        }
        try (database;
                StandaloneDialtone second = StandaloneDialtone.start(database)) {
            assertThat(fetch(second, queued)).isEqualTo(queuedBefore);
            assertThat(fetch(second, canceled)).isEqualTo(canceledBefore);
        }
    }

    private static String fetch(StandaloneDialtone dialtone, String sid) {
        return dialtone.asOne().get(callJson(sid)).then().statusCode(200).extract().asString();
    }
}
