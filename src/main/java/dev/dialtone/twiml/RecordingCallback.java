package dev.dialtone.twiml;

import dev.dialtone.web.WebhookMethod;
import java.util.List;
import java.util.Locale;

/**
 * Where a {@code <Record>} wants its recording's status: its {@code recordingStatusCallback}
 * (resolved against the document), {@code recordingStatusCallbackMethod} and {@code
 * recordingStatusCallbackEvent} ({@code completed} by default).
 */
public record RecordingCallback(String url, WebhookMethod method, List<String> events) {

    /** The callback of the {@code <Record>} at {@code position}, or null when it has none. */
    public static RecordingCallback of(List<Verb> verbs, int position, String documentUrl)
            throws TwimlParser.UnparseableTwiml {
        Verb record = verbs.get(position);
        String url = record.attribute("recordingStatusCallback", "");
        if (url.isEmpty()) {
            return null;
        }
        return new RecordingCallback(
                TwimlInterpreter.resolve(documentUrl, url, "recordingStatusCallback"),
                TwimlInterpreter.method(record, "recordingStatusCallbackMethod"),
                List.of(
                        record.attribute("recordingStatusCallbackEvent", "completed")
                                .toLowerCase(Locale.ROOT)
                                .split("[\\s,]+")));
    }
}
