package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.web.ListPage;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bytes each rendering writes, compared with the files under {@code wire/}: a change to how the
 * wire is written shows here as a diff, never as a silent change for clients. The files were first
 * written by the hand-built renderer that came before Jackson; the move to Jackson changed only
 * what the history of these files shows: XML escapes a CR as {@code &#xd;} (a parser keeps it,
 * where a raw CR became LF), leaves {@code >}, {@code "} and {@code '} unescaped in text and closes
 * an empty list element itself, all the same document to a parser; an empty CSV page keeps its
 * header.
 */
class CallWireFormatUnitTest {

    private static final String ACCOUNT = "AC" + "0".repeat(32);

    private final TwilioRenderer renderer = new TwilioRenderer();

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void aCallIsWrittenAsBefore(WireFormat format) {
        byte[] body =
                renderer.record(201, format, "Call", CallRepresentation.of(hostile())).getBody();

        assertThat(text(body)).isEqualTo(golden("call", format));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void aPageIsWrittenAsBefore(WireFormat format) {
        ListPage<CallRepresentation> page =
                new ListPage<>(
                        "calls",
                        CallRepresentation.class,
                        List.of(CallRepresentation.of(hostile()), CallRepresentation.of(plain())),
                        1,
                        2,
                        "/2010-04-01/Accounts/" + ACCOUNT + "/Calls?To=%2B1&PageSize=2&Page=1",
                        "/2010-04-01/Accounts/" + ACCOUNT + "/Calls?To=%2B1&PageSize=2&Page=0",
                        null,
                        "/2010-04-01/Accounts/"
                                + ACCOUNT
                                + "/Calls?PageSize=2&Page=0&PageToken=PB");
        byte[] body = renderer.list(format, "Call", page).getBody();

        assertThat(text(body)).isEqualTo(golden("page", format));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void anEmptyPageIsWrittenAsBefore(WireFormat format) {
        String uri = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls?PageSize=50&Page=0";
        ListPage<CallRepresentation> page =
                new ListPage<>(
                        "calls", CallRepresentation.class, List.of(), 0, 50, uri, uri, null, null);
        byte[] body = renderer.list(format, "Call", page).getBody();

        assertThat(text(body)).isEqualTo(golden("empty-page", format));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void anErrorIsWrittenAsBefore(WireFormat format) {
        TwilioException error =
                TwilioException.badRequest(21201, "No 'To' number is specified & <none> \"given\"");
        byte[] body = renderer.error(format, error).getBody();

        assertThat(text(body)).isEqualTo(golden("error", format));
    }

    /** Every field set, and the values that need escaping in some format. */
    private static CallView hostile() {
        return new CallView(
                "CA" + "1".repeat(32),
                Instant.parse("2026-11-30T08:09:10Z"),
                Instant.parse("2026-11-30T08:10:11Z"),
                "CA" + "2".repeat(32),
                ACCOUNT,
                "sip:a<b>&\"c\"'d'@example.com",
                "sip:a,b\r\nc",
                "+15005550006",
                "(500) 555-0006",
                "PN" + "3".repeat(32),
                CallStatus.COMPLETED,
                Instant.parse("2026-11-30T08:09:20Z"),
                Instant.parse("2026-11-30T08:10:11Z"),
                51,
                new BigDecimal("-0.0130"),
                "USD",
                "outbound-api",
                "machine_end_beep",
                "+1\u0001tab\there",
                "GP" + "4".repeat(32),
                "日本語 ☎ 名前",
                1200L,
                "TK" + "5".repeat(32));
    }

    /** A fresh call: most fields empty. */
    private static CallView plain() {
        return new CallView(
                "CA" + "6".repeat(32),
                Instant.parse("2026-11-30T09:00:00Z"),
                Instant.parse("2026-11-30T09:00:00Z"),
                null,
                ACCOUNT,
                "+15005550006",
                "(500) 555-0006",
                "+15005550001",
                "(500) 555-0001",
                null,
                CallStatus.QUEUED,
                null,
                null,
                null,
                null,
                "USD",
                "outbound-api",
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String golden(String name, WireFormat format) {
        String file = "/wire/" + name + "." + format.name().toLowerCase();
        try (InputStream in = CallWireFormatUnitTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
