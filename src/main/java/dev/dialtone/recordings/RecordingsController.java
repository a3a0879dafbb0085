package dev.dialtone.recordings;

import dev.dialtone.web.Paging;
import dev.dialtone.web.PublicUrl;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
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
 * {@code /Accounts/{AC}/Recordings[…]} and {@code /Calls/{CA}/Recordings[…]}: a recording's
 * metadata in JSON, XML or CSV, its audio as WAV ({@code .wav}, or no suffix, as Twilio serves it).
 */
@RestController
@RequestMapping("/2010-04-01/Accounts/{accountSid}")
class RecordingsController {

    private final RecordingStore recordings;
    private final LiveRecordings live;
    private final TwilioRenderer renderer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    RecordingsController(
            RecordingStore recordings,
            LiveRecordings live,
            TwilioRenderer renderer,
            PublicUrl publicUrl,
            Clock clock) {
        this.recordings = recordings;
        this.live = live;
        this.renderer = renderer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Starts recording a call in progress. */
    @PostMapping({
        "/Calls/{callSid}/Recordings",
        "/Calls/{callSid}/Recordings.json",
        "/Calls/{callSid}/Recordings.xml"
    })
    ResponseEntity<byte[]> start(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        Recording started = live.start(accountSid, callSid, form, request.getRequestURI());
        return renderer.record(
                201,
                WireFormat.ofPath(request.getRequestURI()),
                "Recording",
                CallRecordingRepresentation.of(started, clock.instant()));
    }

    /** Pauses, resumes or stops a recording of a call in progress. */
    @PostMapping("/Calls/{callSid}/Recordings/{sid}")
    ResponseEntity<byte[]> update(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        WireFormat.Segment segment = WireFormat.segment(sid);
        Recording updated =
                live.update(accountSid, callSid, segment.name(), form, request.getRequestURI());
        return renderer.record(
                200,
                segment.format(),
                "Recording",
                CallRecordingRepresentation.of(updated, clock.instant()));
    }

    @GetMapping("/Calls/{callSid}/Recordings/{sid}")
    ResponseEntity<byte[]> fetchOfCall(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @PathVariable String sid,
            HttpServletRequest request) {
        WireFormat.Segment segment = WireFormat.segment(sid);
        Recording recording = find(accountSid, segment.name(), request);
        if (!recording.callSid().equals(callSid)) {
            throw TwilioException.notFound(request.getRequestURI());
        }
        return renderer.record(
                200,
                segment.format(),
                "Recording",
                CallRecordingRepresentation.of(recording, clock.instant()));
    }

    @GetMapping({"/Recordings", "/Recordings.json", "/Recordings.xml", "/Recordings.csv"})
    ResponseEntity<byte[]> list(
            @PathVariable String accountSid,
            @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        String callSid = query.getFirst("CallSid");
        return page(
                accountSid,
                callSid,
                query,
                request,
                "/2010-04-01/Accounts/" + accountSid + "/Recordings",
                RecordingRepresentation.class,
                r -> RecordingRepresentation.of(r, publicUrl.base(), clock.instant()));
    }

    @GetMapping({
        "/Calls/{callSid}/Recordings",
        "/Calls/{callSid}/Recordings.json",
        "/Calls/{callSid}/Recordings.xml",
        "/Calls/{callSid}/Recordings.csv"
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
                "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + "/Recordings",
                CallRecordingRepresentation.class,
                r -> CallRecordingRepresentation.of(r, clock.instant()));
    }

    @GetMapping("/Recordings/{sid}")
    ResponseEntity<?> fetch(
            @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
        WireFormat.Segment segment = WireFormat.segment(sid);
        if (sid.endsWith(".json") || sid.endsWith(".xml")) {
            Recording recording = find(accountSid, segment.name(), request);
            return renderer.record(
                    200,
                    segment.format(),
                    "Recording",
                    RecordingRepresentation.of(recording, publicUrl.base(), clock.instant()));
        }
        if (sid.contains(".") && !sid.endsWith(".wav")) {
            // Dialtone makes WAV only (no MP3).
            throw TwilioException.notFound(request.getRequestURI());
        }
        Recording recording = find(accountSid, sid.replace(".wav", ""), request);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("audio/x-wav"))
                .contentLength(Wav.length(recording.durationSeconds()))
                .body(new InputStreamResource(Wav.stream(recording.durationSeconds())));
    }

    @DeleteMapping("/Calls/{callSid}/Recordings/{sid}")
    ResponseEntity<Void> deleteOfCall(
            @PathVariable String accountSid,
            @PathVariable String callSid,
            @PathVariable String sid,
            HttpServletRequest request) {
        String name = WireFormat.segment(sid).name();
        if (!find(accountSid, name, request).callSid().equals(callSid)) {
            throw TwilioException.notFound(request.getRequestURI());
        }
        return delete(accountSid, sid, request);
    }

    @DeleteMapping({"/Recordings/{sid}"})
    ResponseEntity<Void> delete(
            @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
        if (!recordings.delete(accountSid, WireFormat.segment(sid).name())) {
            throw TwilioException.notFound(request.getRequestURI());
        }
        return ResponseEntity.noContent().build();
    }

    private Recording find(String accountSid, String sid, HttpServletRequest request) {
        return recordings
                .find(accountSid, sid)
                .orElseThrow(() -> TwilioException.notFound(request.getRequestURI()));
    }

    private <T> ResponseEntity<byte[]> page(
            String accountSid,
            String callSid,
            MultiValueMap<String, String> query,
            HttpServletRequest request,
            String path,
            Class<T> type,
            Function<Recording, T> show) {
        String suffix = request.getRequestURI().replaceFirst(".*/Recordings", "");
        Paging paging = Paging.of(query);
        List<T> found =
                recordings.page(accountSid, callSid, paging.offset(), paging.size() + 1).stream()
                        .map(show)
                        .toList();
        return renderer.list(
                WireFormat.ofPath(request.getRequestURI()),
                "Recording",
                paging.page(
                        "recordings",
                        type,
                        found,
                        path + suffix,
                        callSid != null && !path.contains("/Calls/")
                                ? Map.of("CallSid", callSid)
                                : Map.of()));
    }
}
