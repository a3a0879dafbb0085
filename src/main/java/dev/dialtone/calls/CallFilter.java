package dev.dialtone.calls;

import dev.dialtone.web.FormParameters;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The filters of a list request. Times are bounds: {@code from} inclusive, {@code until} exclusive.
 * A date means its whole UTC day; {@code StartTime<} is before that day, {@code StartTime>} on or
 * after it, and the {@code <=} spelling takes the day in.
 *
 * @param echo the filters as given, for the paging URIs
 */
record CallFilter(
        String to,
        String from,
        String parentCallSid,
        CallStatus status,
        Instant startFrom,
        Instant startUntil,
        Instant endFrom,
        Instant endUntil,
        List<Map.Entry<String, String>> echo) {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    private static final String[] TIME_SUFFIXES = {"", "<", "<=", ">", ">="};

    static CallFilter parse(Map<String, List<String>> query) {
        FormParameters p = new FormParameters(query);
        List<Map.Entry<String, String>> echo = new ArrayList<>();
        String to = echoed(p, "To", echo);
        String from = echoed(p, "From", echo);
        String parent = echoed(p, "ParentCallSid", echo);
        if (parent != null && !CALL_SID.matcher(parent).matches()) {
            throw invalid("ParentCallSid is not a valid Call SID: " + parent);
        }
        String statusText = echoed(p, "Status", echo);
        CallStatus status =
                statusText == null
                        ? null
                        : CallStatus.ofWire(statusText)
                                .orElseThrow(
                                        () ->
                                                invalid(
                                                        "Status is not a valid call status: "
                                                                + statusText));
        Instant[] start = bounds(p, "StartTime", echo);
        Instant[] end = bounds(p, "EndTime", echo);
        return new CallFilter(
                to, from, parent, status, start[0], start[1], end[0], end[1], List.copyOf(echo));
    }

    private static String echoed(
            FormParameters p, String name, List<Map.Entry<String, String>> echo) {
        String value = p.text(name);
        if (value != null) {
            echo.add(Map.entry(name, value));
        }
        return value;
    }

    private static Instant[] bounds(
            FormParameters p, String name, List<Map.Entry<String, String>> echo) {
        Instant from = null;
        Instant until = null;
        for (String suffix : TIME_SUFFIXES) {
            String key = name + suffix;
            String value = echoed(p, key, echo);
            if (value == null) {
                continue;
            }
            TimeValue time = TimeValue.parse(key, value);
            Instant[] range =
                    switch (suffix) {
                        case "" ->
                                new Instant[] {
                                    time.dayStart(), time.dayStart().plus(1, ChronoUnit.DAYS)
                                };
                        case "<" -> new Instant[] {null, time.instant()};
                        case "<=" ->
                                new Instant[] {
                                    null,
                                    time.dateOnly()
                                            ? time.dayStart().plus(1, ChronoUnit.DAYS)
                                            : time.instant().plusNanos(1000)
                                };
                        default -> new Instant[] {time.instant(), null};
                    };
            from = later(from, range[0]);
            until = earlier(until, range[1]);
        }
        return new Instant[] {from, until};
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static TwilioException invalid(String message) {
        return TwilioException.badRequest(TwilioErrorCodes.INVALID_PARAMETER, message);
    }

    /** A date ({@code 2026-11-22}) or a date-time in the spellings the SDKs send, read as UTC. */
    private record TimeValue(Instant instant, boolean dateOnly) {
        static TimeValue parse(String key, String value) {
            String v = value.trim();
            try {
                if (v.length() == 10) {
                    return new TimeValue(
                            LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
                }
                String iso = v.replace(' ', 'T');
                if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                    return new TimeValue(
                            OffsetDateTime.parse(iso.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                                    .toInstant(),
                            false);
                }
                return new TimeValue(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC), false);
            } catch (DateTimeParseException malformed) {
                throw invalid(key + " is not a valid date (YYYY-MM-DD): " + value);
            }
        }

        /** Only the years a database can store and compare: 0001 to 9999. */
        TimeValue {
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw invalid("Dates must lie between the years 0001 and 9999");
            }
        }

        Instant dayStart() {
            return instant.truncatedTo(ChronoUnit.DAYS);
        }
    }
}
