package dev.dialtone.recordings;

import dev.dialtone.calls.Call;
import dev.dialtone.support.Sids;
import dev.dialtone.web.PublicUrl;
import dev.dialtone.web.Rfc2822;
import dev.dialtone.webhooks.StatusCallbacks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The recordings of calls as they are made: each stored when it starts, ended when it stops or its
 * call ends, and its status posted to its {@code recordingStatusCallback} through the call's
 * outbox, in the caller's transaction.
 */
@Component
public class CallRecordings {

    private final RecordingStore store;
    private final StatusCallbacks callbacks;
    private final PublicUrl publicUrl;
    private final Clock clock;

    CallRecordings(
            RecordingStore store, StatusCallbacks callbacks, PublicUrl publicUrl, Clock clock) {
        this.store = store;
        this.callbacks = callbacks;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /**
     * A recording whose end is known when it starts (a {@code <Record>}'s, a {@code <Dial
     * record>}'s): its callbacks are due at its start and at its end.
     */
    public Recording made(
            Call call,
            String source,
            Instant start,
            Instant end,
            int seconds,
            int channels,
            Recording.Callback callback) {
        Recording recording = open(call, source, start, end, seconds, channels, callback);
        store.insert(recording);
        notify(call, recording, "in-progress", start);
        notify(call, recording, recording.status(end), end);
        return recording;
    }

    /** A recording that lasts until it is stopped or its call ends. */
    public Recording started(
            Call call, String source, int channels, Recording.Callback callback, Instant now) {
        Recording recording =
                open(call, source, now, Recording.UNTIL_STOPPED, 0, channels, callback);
        store.insert(recording);
        notify(call, recording, "in-progress", now);
        return recording;
    }

    private Recording open(
            Call call,
            String source,
            Instant start,
            Instant end,
            int seconds,
            int channels,
            Recording.Callback callback) {
        return new Recording(
                Sids.next("RE", clock),
                call.accountSid(),
                call.sid(),
                start,
                start,
                end,
                seconds,
                source,
                channels,
                callback,
                null,
                false,
                0);
    }

    /** The call ends: so do its recordings still under way. Answers them, ended. */
    public List<Recording> endWith(Call call, Instant now) {
        List<Recording> ended = new ArrayList<>();
        for (Recording open : store.open(call.sid(), now)) {
            ended.add(stop(call, open, now));
        }
        return ended;
    }

    /**
     * What the call's {@code completed} status callback adds when the whole call was recorded
     * ({@code Record=true}): that recording's URL, sid and duration.
     */
    public List<Map.Entry<String, String>> onCompletedCallback(List<Recording> ended) {
        return ended.stream()
                .filter(r -> r.source().equals(Recording.WHOLE_CALL))
                .findFirst()
                .map(
                        r ->
                                List.of(
                                        Map.entry("RecordingUrl", url(r)),
                                        Map.entry("RecordingSid", r.sid()),
                                        Map.entry(
                                                "RecordingDuration",
                                                Integer.toString(r.durationSeconds()))))
                .orElse(List.of());
    }

    /** Reset: the account's recordings go. */
    public int deleteAll(String accountSid) {
        return store.deleteAll(accountSid);
    }

    /** Where the recording's media and metadata are served. */
    public String url(Recording recording) {
        return publicUrl.base() + RecordingRepresentation.uri(recording);
    }

    Recording stop(Call call, Recording open, Instant now) {
        Recording ended = store.end(open, now);
        notify(call, ended, ended.status(now), now);
        return ended;
    }

    /** The recording's status, due at {@code at}, when its callback asked for that event. */
    private void notify(Call call, Recording recording, String status, Instant at) {
        Recording.Callback callback = recording.callback();
        if (callback == null || !callback.events().contains(status)) {
            return;
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        parameters.add(Map.entry("RecordingSid", recording.sid()));
        parameters.add(Map.entry("RecordingUrl", url(recording)));
        parameters.add(Map.entry("RecordingStatus", status));
        if (!status.equals("in-progress")) {
            parameters.add(
                    Map.entry("RecordingDuration", Integer.toString(recording.durationSeconds())));
        }
        parameters.add(Map.entry("RecordingChannels", Integer.toString(recording.channels())));
        parameters.add(Map.entry("RecordingStartTime", Rfc2822.format(recording.startTime())));
        parameters.add(Map.entry("RecordingSource", recording.source()));
        callbacks.recordRecordingStatus(call, callback.url(), callback.method(), parameters, at);
    }
}
