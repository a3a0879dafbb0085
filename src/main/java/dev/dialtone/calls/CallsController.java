package dev.dialtone.calls;

import dev.dialtone.web.ListPage;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** {@code /2010-04-01/Accounts/{AccountSid}/Calls[.json|.xml|.csv]} and {@code /Calls/{Sid}[…]}. */
@RestController
@RequestMapping("/2010-04-01/Accounts/{accountSid}")
class CallsController {

    private static final String CALLS = "Calls";
    private static final String ELEMENT = "Call";

    private final CallService service;
    private final TwilioRenderer renderer;

    CallsController(CallService service, TwilioRenderer renderer) {
        this.service = service;
        this.renderer = renderer;
    }

    @PostMapping("/{collection}")
    ResponseEntity<byte[]> create(
            @PathVariable String accountSid,
            @PathVariable String collection,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        WireFormat format = collection(collection, request);
        Call call = service.create(accountSid, CallRequests.create(form));
        return renderer.record(201, format, ELEMENT, CallRepresentation.of(call));
    }

    @GetMapping("/{collection}")
    ResponseEntity<byte[]> list(
            @PathVariable String accountSid,
            @PathVariable String collection,
            @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        WireFormat format = collection(collection, request);
        CallFilter filter = CallFilter.parse(query);
        CallPageRequest page = CallPageRequest.parse(query);
        CallQueries.Slice slice = service.list(accountSid, filter, page);
        // Page URIs are written from the matched path, never echoed as the client
        // happened to spell it.
        String path = "/2010-04-01/Accounts/" + accountSid + "/" + collection;
        return renderer.list(format, ELEMENT, envelope(path, filter, page, slice));
    }

    @GetMapping("/{collection}/{sid}")
    ResponseEntity<byte[]> fetch(
            @PathVariable String accountSid,
            @PathVariable String collection,
            @PathVariable String sid,
            HttpServletRequest request) {
        WireFormat.Segment call = member(collection, sid, request);
        return renderer.record(
                200,
                call.format(),
                ELEMENT,
                CallRepresentation.of(
                        service.fetch(accountSid, call.name(), request.getRequestURI())));
    }

    @PostMapping("/{collection}/{sid}")
    ResponseEntity<byte[]> update(
            @PathVariable String accountSid,
            @PathVariable String collection,
            @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        WireFormat.Segment call = member(collection, sid, request);
        CallUpdate update = CallRequests.update(form);
        return renderer.record(
                200,
                call.format(),
                ELEMENT,
                CallRepresentation.of(
                        service.update(
                                accountSid, call.name(), update, request.getRequestURI(), form)));
    }

    @DeleteMapping("/{collection}/{sid}")
    ResponseEntity<Void> delete(
            @PathVariable String accountSid,
            @PathVariable String collection,
            @PathVariable String sid,
            HttpServletRequest request) {
        WireFormat.Segment call = member(collection, sid, request);
        service.delete(accountSid, call.name(), request.getRequestURI());
        return ResponseEntity.noContent().build();
    }

    private static WireFormat collection(String segment, HttpServletRequest request) {
        WireFormat.Segment parsed = WireFormat.segment(segment);
        if (!parsed.name().equals(CALLS)) {
            throw TwilioException.notFound(request.getRequestURI());
        }
        return parsed.format();
    }

    private static WireFormat.Segment member(
            String collection, String sid, HttpServletRequest request) {
        if (!collection.equals(CALLS)) {
            throw TwilioException.notFound(request.getRequestURI());
        }
        return WireFormat.segment(sid);
    }

    private static ListPage<CallRepresentation> envelope(
            String path, CallFilter filter, CallPageRequest request, CallQueries.Slice slice) {
        List<CallView> calls = slice.calls();
        boolean backwards = request.token() != null && !request.token().after();
        boolean hasNext = backwards ? !calls.isEmpty() : slice.more();
        boolean hasPrevious =
                request.page() > 0 && !calls.isEmpty() && (!backwards || slice.more());
        int page = request.page();
        int size = request.pageSize();
        return new ListPage<>(
                "calls",
                CallRepresentation.class,
                calls.stream().map(CallRepresentation::of).toList(),
                page,
                size,
                pageUri(path, filter, size, page, request.token()),
                pageUri(path, filter, size, 0, null),
                hasNext
                        ? pageUri(
                                path,
                                filter,
                                size,
                                page + 1,
                                PageToken.after(calls.get(calls.size() - 1)))
                        : null,
                hasPrevious
                        ? pageUri(path, filter, size, page - 1, PageToken.before(calls.get(0)))
                        : null);
    }

    /**
     * The list's path with the filters echoed, then the page's own parameters; every name and value
     * escaped strictly, so a {@code +} in a number or a page token survives the round trip.
     */
    private static String pageUri(
            String path, CallFilter filter, int size, int page, PageToken token) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (Map.Entry<String, String> entry : filter.echo()) {
            uri.queryParam(escaped(entry.getKey()), escaped(entry.getValue()));
        }
        uri.queryParam("PageSize", size).queryParam("Page", page);
        if (token != null) {
            uri.queryParam("PageToken", escaped(token.encode()));
        }
        return uri.build(true).toUriString();
    }

    private static String escaped(String text) {
        return UriUtils.encode(text, StandardCharsets.UTF_8);
    }
}
