package dev.dialtone.webhooks;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStore;
import dev.dialtone.web.Paging;
import dev.dialtone.web.PublicUrl;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
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
 * {@code /Calls/{CA}/Events}: Twilio's Call Event resource, every request made for the call (its
 * create, its updates, each TwiML fetch and callback attempt) and the answer it got, oldest first,
 * readable at once rather than minutes after the call.
 */
@RestController
@RequestMapping("/2010-04-01/Accounts/{accountSid}/Calls/{callSid}")
class CallEventsController {

    private final CallStore calls;
    private final CallRequestLog journal;
    private final TwilioRenderer renderer;
    private final PublicUrl publicUrl;

    CallEventsController(
            CallStore calls, CallRequestLog journal, TwilioRenderer renderer, PublicUrl publicUrl) {
        this.calls = calls;
        this.journal = journal;
        this.renderer = renderer;
        this.publicUrl = publicUrl;
    }

    @GetMapping({"/Events", "/Events.json", "/Events.xml"})
    ResponseEntity<byte[]> list(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        Paging paging = Paging.of(query);
        Call call =
                calls.find(callSid, accountSid)
                        .orElseThrow(() -> TwilioException.notFound(request.getRequestURI()));
        String calls = "/2010-04-01/Accounts/" + accountSid + "/Calls";
        List<CallEventRepresentation> events = new ArrayList<>();
        events.add(CallEventRepresentation.created(call, publicUrl.base() + calls + ".json"));
        journal.logged(callSid).forEach(l -> events.add(CallEventRepresentation.of(l)));
        String suffix = request.getRequestURI().replaceFirst(".*/Events", "");
        List<CallEventRepresentation> page =
                events.stream().skip(paging.offset()).limit(paging.size() + 1L).toList();
        return renderer.list(
                WireFormat.ofPath(request.getRequestURI()),
                "Event",
                paging.page(
                        "events",
                        CallEventRepresentation.class,
                        page,
                        calls + "/" + callSid + "/Events" + suffix,
                        Map.of()));
    }
}
