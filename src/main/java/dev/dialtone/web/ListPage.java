package dev.dialtone.web;

import java.util.List;

/**
 * One page of a Twilio list resource: the records under {@code key} and the paging envelope.
 *
 * @param key the JSON key of the records, e.g. {@code calls}
 * @param type the records' representation, whose components name CSV's columns even when the page
 *     is empty
 */
public record ListPage<T>(
        String key,
        Class<T> type,
        List<T> records,
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
