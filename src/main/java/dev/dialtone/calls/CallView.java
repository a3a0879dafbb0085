package dev.dialtone.calls;

import java.math.BigDecimal;
import java.time.Instant;

/** What the API shows of a call: the stored values behind its representation. */
public record CallView(
        String sid,
        Instant dateCreated,
        Instant dateUpdated,
        String parentCallSid,
        String accountSid,
        String to,
        String toFormatted,
        String from,
        String fromFormatted,
        String phoneNumberSid,
        CallStatus status,
        Instant startTime,
        Instant endTime,
        Integer duration,
        BigDecimal price,
        String priceUnit,
        String direction,
        String answeredBy,
        String forwardedFrom,
        String groupSid,
        String callerName,
        Long queueTime,
        String trunkSid) {

    public static CallView of(Call call) {
        return new CallView(
                call.sid(),
                call.dateCreated(),
                call.dateUpdated(),
                call.parentCallSid(),
                call.accountSid(),
                call.to(),
                call.toFormatted(),
                call.from(),
                call.fromFormatted(),
                call.phoneNumberSid(),
                call.status(),
                call.startTime(),
                call.endTime(),
                call.duration(),
                call.price(),
                call.priceUnit(),
                call.direction(),
                call.answeredBy(),
                call.forwardedFrom(),
                call.groupSid(),
                call.callerName(),
                call.queueTime(),
                call.trunkSid());
    }
}
