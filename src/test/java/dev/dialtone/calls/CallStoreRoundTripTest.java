package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.Sids;
import dev.dialtone.web.WebhookMethod;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every field of a call survives the store: a call with each field set to a value of its own is
 * inserted, read back and compared field by field, on whichever database the suite runs (H2, or
 * PostgreSQL in CI). A column mapped to the wrong field, or left out, fails here.
 */
class CallStoreRoundTripTest extends ApiTest {

    @Autowired CallStore store;
    @Autowired CallViews views;

    @Test
    void everyFieldOfAFullyPopulatedCallIsReadBackAsWritten() throws Exception {
        Call written = populated();
        store.insert(written);
        Call read = store.find(written.sid(), written.accountSid()).orElseThrow();
        List<String> unset = new ArrayList<>();
        for (Field field : fields()) {
            if (field.get(written) == null) {
                unset.add(field.getName());
            }
        }
        assertThat(unset).as("fields the test left empty").isEmpty();
        assertThat(read).usingRecursiveComparison().isEqualTo(written);
        // The API's own read, which takes only the shown columns, sees the same values.
        assertThat(views.find(written.accountSid(), written.sid())).contains(CallView.of(written));
    }

    /** A call whose every field holds a value no other field holds. */
    private static Call populated() throws Exception {
        Call call = Call.empty();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int n = 0;
        for (Field field : fields()) {
            n++;
            Class<?> type = field.getType();
            Object value;
            if (field.getName().equals("sid")) {
                value = Sids.next("CA", Clock.systemUTC());
            } else if (type == String.class) {
                value = "v" + n; // short enough for every column (price_unit holds three
                // characters)
            } else if (type == Instant.class) {
                value = base.plusSeconds(n).plus(n, ChronoUnit.MICROS);
            } else if (type == Integer.class || type == int.class) {
                value = 1000 + n;
            } else if (type == Long.class || type == long.class) {
                value = 100_000L + n;
            } else if (type == Boolean.class || type == boolean.class) {
                value = true;
            } else if (type == BigDecimal.class) {
                value = new BigDecimal("-0.0" + n).setScale(5);
            } else if (type == CallStatus.class) {
                value =
                        field.getName().equals("status")
                                ? CallStatus.IN_PROGRESS
                                : CallStatus.RINGING;
            } else if (type == WebhookMethod.class) {
                value = WebhookMethod.GET;
            } else if (type == NextEvent.class) {
                value = NextEvent.RUN_TWIML;
            } else {
                throw new IllegalStateException("No test value for " + field);
            }
            field.set(call, value);
        }
        return call;
    }

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : Call.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }
}
