package dev.dialtone.web;

import java.util.List;
import java.util.Map;

/**
 * One page of a Twilio list resource: the records under {@code key} and the paging envelope.
 *
 * @param key the JSON key of the records, e.g. {@code calls}
 * @param records each record as its snake_case fields in schema order
 */
public record ListPage(
        String key,
        List<Map<String, Object>> records,
        int page,
        int pageSize,
        String uri,
        String firstPageUri,
        String nextPageUri,
        String previousPageUri) {

    public int start() {
        return page * pageSize;
    }

    /** Index of the last record on the page; Twilio answers 0, not -1, for an empty page. */
    public int end() {
        return records.isEmpty() ? 0 : start() + records.size() - 1;
    }
}
