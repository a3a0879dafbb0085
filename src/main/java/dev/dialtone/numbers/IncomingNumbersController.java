package dev.dialtone.numbers;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.Sids;
import dev.dialtone.web.FormParameters;
import dev.dialtone.web.Paging;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WebhookMethod;
import dev.dialtone.web.WireFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /Accounts/{AC}/IncomingPhoneNumbers[…]}: the account's numbers, for the fields that decide
 * where an incoming call goes. Buying a number costs nothing here: any E.164 number (or one in an
 * {@code AreaCode}) is the account's once created.
 */
@RestController
@RequestMapping("/2010-04-01/Accounts/{accountSid}")
class IncomingNumbersController {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern AREA_CODE = Pattern.compile("[2-9][0-9]{2}");
    private static final String ELEMENT = "IncomingPhoneNumber";

    /** Twilio's codes for a number that is not one, and one that cannot be had. */
    private static final int PHONE_NUMBER_INVALID = 21421;

    private static final int PHONE_NUMBER_UNAVAILABLE = 21422;

    private final IncomingNumbers numbers;
    private final TwilioRenderer renderer;
    private final Clock clock;

    IncomingNumbersController(IncomingNumbers numbers, TwilioRenderer renderer, Clock clock) {
        this.numbers = numbers;
        this.renderer = renderer;
        this.clock = clock;
    }

    @PostMapping({
        "/IncomingPhoneNumbers",
        "/IncomingPhoneNumbers.json",
        "/IncomingPhoneNumbers.xml"
    })
    ResponseEntity<byte[]> create(
            @PathVariable String accountSid,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        FormParameters p = new FormParameters(form);
        String phoneNumber = p.text("PhoneNumber");
        String areaCode = p.text("AreaCode");
        if (phoneNumber == null && areaCode == null) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.MISSING_PARAMETER,
                    "Either PhoneNumber or AreaCode is required");
        }
        if (phoneNumber == null) {
            if (!AREA_CODE.matcher(areaCode).matches()) {
                throw TwilioException.badRequest(
                        TwilioErrorCodes.INVALID_PARAMETER, "AreaCode is invalid: " + areaCode);
            }
            phoneNumber =
                    "+1"
                            + areaCode
                            + String.format(
                                    "%07d",
                                    java.util.concurrent.ThreadLocalRandom.current()
                                            .nextInt(10_000_000));
        }
        if (!E164.matcher(phoneNumber).matches()) {
            throw TwilioException.badRequest(
                    PHONE_NUMBER_INVALID,
                    "PhoneNumber is not a valid E.164 number: " + phoneNumber);
        }
        Instant now = DatabaseTime.now(clock);
        IncomingNumber number =
                settings(
                        p,
                        new IncomingNumber(
                                Sids.next("PN", clock),
                                accountSid,
                                phoneNumber,
                                friendly(phoneNumber),
                                null,
                                WebhookMethod.POST,
                                null,
                                WebhookMethod.POST,
                                null,
                                WebhookMethod.POST,
                                now,
                                now),
                        now);
        try {
            numbers.insert(number);
        } catch (DuplicateKeyException taken) {
            throw TwilioException.badRequest(
                    PHONE_NUMBER_UNAVAILABLE,
                    "PhoneNumber " + phoneNumber + " is already the account's");
        }
        return renderer.record(
                201,
                WireFormat.ofPath(request.getRequestURI()),
                ELEMENT,
                IncomingNumberRepresentation.of(number));
    }

    @GetMapping({
        "/IncomingPhoneNumbers",
        "/IncomingPhoneNumbers.json",
        "/IncomingPhoneNumbers.xml"
    })
    ResponseEntity<byte[]> list(
            @PathVariable String accountSid,
            @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        Paging paging = Paging.of(query);
        String phoneNumber = blankToNull(query.getFirst("PhoneNumber"));
        String friendlyName = blankToNull(query.getFirst("FriendlyName"));
        Map<String, String> filters = new LinkedHashMap<>();
        if (phoneNumber != null) {
            filters.put("PhoneNumber", phoneNumber);
        }
        if (friendlyName != null) {
            filters.put("FriendlyName", friendlyName);
        }
        List<IncomingNumberRepresentation> found =
                numbers
                        .page(
                                accountSid,
                                phoneNumber,
                                friendlyName,
                                paging.offset(),
                                paging.size() + 1)
                        .stream()
                        .map(IncomingNumberRepresentation::of)
                        .toList();
        String suffix = request.getRequestURI().replaceFirst(".*/IncomingPhoneNumbers", "");
        return renderer.list(
                WireFormat.ofPath(request.getRequestURI()),
                ELEMENT,
                paging.page(
                        "incoming_phone_numbers",
                        IncomingNumberRepresentation.class,
                        found,
                        "/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers" + suffix,
                        filters));
    }

    @GetMapping("/IncomingPhoneNumbers/{sid}")
    ResponseEntity<byte[]> fetch(
            @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
        WireFormat.Segment segment = WireFormat.segment(sid);
        return renderer.record(
                200,
                segment.format(),
                ELEMENT,
                IncomingNumberRepresentation.of(find(accountSid, segment.name(), request)));
    }

    @PostMapping("/IncomingPhoneNumbers/{sid}")
    ResponseEntity<byte[]> update(
            @PathVariable String accountSid,
            @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        WireFormat.Segment segment = WireFormat.segment(sid);
        IncomingNumber updated =
                settings(
                        new FormParameters(form),
                        find(accountSid, segment.name(), request),
                        DatabaseTime.now(clock));
        numbers.update(updated);
        return renderer.record(
                200, segment.format(), ELEMENT, IncomingNumberRepresentation.of(updated));
    }

    @DeleteMapping("/IncomingPhoneNumbers/{sid}")
    ResponseEntity<Void> delete(
            @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
        if (!numbers.delete(accountSid, WireFormat.segment(sid).name())) {
            throw TwilioException.notFound(request.getRequestURI());
        }
        return ResponseEntity.noContent().build();
    }

    /** The voice settings a create or an update gives, over those the number has. */
    private static IncomingNumber settings(FormParameters p, IncomingNumber n, Instant updated) {
        if (p.text("VoiceApplicationSid") != null) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.APPLICATION_SID_INVALID,
                    "VoiceApplicationSid is not supported by Dialtone: give the number a VoiceUrl");
        }
        String friendlyName = p.shortText("FriendlyName");
        String voiceUrl = p.url("VoiceUrl", TwilioErrorCodes.URL_INVALID);
        String fallbackUrl = p.url("VoiceFallbackUrl", TwilioErrorCodes.URL_INVALID);
        String statusCallback = p.url("StatusCallback", TwilioErrorCodes.STATUS_CALLBACK_INVALID);
        return new IncomingNumber(
                n.sid(),
                n.accountSid(),
                n.phoneNumber(),
                friendlyName != null ? friendlyName : n.friendlyName(),
                voiceUrl != null ? voiceUrl : n.voiceUrl(),
                p.method("VoiceMethod", n.voiceMethod()),
                fallbackUrl != null ? fallbackUrl : n.voiceFallbackUrl(),
                p.method("VoiceFallbackMethod", n.voiceFallbackMethod()),
                statusCallback != null ? statusCallback : n.statusCallback(),
                p.method("StatusCallbackMethod", n.statusCallbackMethod()),
                n.dateCreated(),
                updated);
    }

    private IncomingNumber find(String accountSid, String sid, HttpServletRequest request) {
        return numbers.find(accountSid, sid)
                .orElseThrow(() -> TwilioException.notFound(request.getRequestURI()));
    }

    /** A new number's name, as Twilio writes it: {@code (415) 555-0100} for a US number. */
    static String friendly(String e164) {
        if (e164.startsWith("+1") && e164.length() == 12) {
            return "("
                    + e164.substring(2, 5)
                    + ") "
                    + e164.substring(5, 8)
                    + "-"
                    + e164.substring(8);
        }
        return e164;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
