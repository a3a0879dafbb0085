package dev.dialtone.webhooks;

import dev.dialtone.web.Paging;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /Accounts/{AC}/Notifications[…]} and {@code /Calls/{CA}/Notifications[…]}: what went wrong
 * with the account's calls, as Twilio logs it ({@code log} 0 for errors, 1 for warnings).
 */
@RestController
@RequestMapping("/2010-04-01/Accounts/{accountSid}")
class NotificationsController {

    private final CallNotifications notifications;
    private final TwilioRenderer renderer;

    NotificationsController(CallNotifications notifications, TwilioRenderer renderer) {
        this.notifications = notifications;
        this.renderer = renderer;
    }

    @GetMapping({"/Notifications", "/Notifications.json", "/Notifications.xml"})
    ResponseEntity<byte[]> list(
            @PathVariable String accountSid,
            @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        return page(accountSid, null, query, request, "/2010-04-01/Accounts/" + accountSid);
    }

    @GetMapping({
        "/Calls/{callSid}/Notifications",
        "/Calls/{callSid}/Notifications.json",
        "/Calls/{callSid}/Notifications.xml"
    })
    ResponseEntity<byte[]> listOfCall(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        return page(
                accountSid,
                callSid,
                query,
                request,
                "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid);
    }

    @GetMapping("/Notifications/{sid}")
    ResponseEntity<byte[]> fetch(
            @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
        return one(accountSid, null, sid, request, "/2010-04-01/Accounts/" + accountSid);
    }

    @GetMapping("/Calls/{callSid}/Notifications/{sid}")
    ResponseEntity<byte[]> fetchOfCall(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @PathVariable String sid,
            HttpServletRequest request) {
        return one(
                accountSid,
                callSid,
                sid,
                request,
                "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid);
    }

    private ResponseEntity<byte[]> one(
            String accountSid,
            String callSid,
            String sid,
            HttpServletRequest request,
            String owner) {
        WireFormat.Segment segment = WireFormat.segment(sid);
        CallNotifications.Stored found =
                notifications
                        .find(accountSid, segment.name())
                        .filter(n -> callSid == null || callSid.equals(n.callSid()))
                        .orElseThrow(() -> TwilioException.notFound(request.getRequestURI()));
        return renderer.record(
                200,
                segment.format(),
                "Notification",
                NotificationRepresentation.fetched(found, owner + "/Notifications"));
    }

    private ResponseEntity<byte[]> page(
            String accountSid,
            String callSid,
            MultiValueMap<String, String> query,
            HttpServletRequest request,
            String owner) {
        Paging paging = Paging.of(query);
        Integer log = log(query.getFirst("Log"));
        LocalDate on = date(query, "MessageDate");
        LocalDate after = date(query, "MessageDate>");
        LocalDate before = date(query, "MessageDate<");
        Map<String, String> filters = new LinkedHashMap<>();
        if (log != null) {
            filters.put("Log", log.toString());
        }
        put(filters, "MessageDate", on);
        put(filters, "MessageDate>", after);
        put(filters, "MessageDate<", before);
        String path = owner + "/Notifications";
        List<NotificationRepresentation> found =
                notifications
                        .page(
                                accountSid,
                                callSid,
                                log,
                                on != null ? on : after,
                                on != null ? on : before,
                                paging.offset(),
                                paging.size() + 1)
                        .stream()
                        .map(n -> NotificationRepresentation.listed(n, path))
                        .toList();
        String suffix = request.getRequestURI().replaceFirst(".*/Notifications", "");
        return renderer.list(
                WireFormat.ofPath(request.getRequestURI()),
                "Notification",
                paging.page(
                        "notifications",
                        NotificationRepresentation.class,
                        found,
                        path + suffix,
                        filters));
    }

    private static Integer log(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("0") && !value.equals("1")) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.INVALID_PARAMETER, "Log must be 0 or 1, was: " + value);
        }
        return Integer.valueOf(value);
    }

    /** {@code MessageDate} (and {@code <}, {@code >}) as {@code YYYY-MM-DD}. */
    private static LocalDate date(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.INVALID_PARAMETER,
                    name + " must be a date as YYYY-MM-DD, was: " + value);
        }
    }

    private static void put(Map<String, String> filters, String name, LocalDate date) {
        if (date != null) {
            filters.put(name, date.toString());
        }
    }
}
