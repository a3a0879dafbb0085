package dev.dialtone.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * {@code PageSize} and {@code Page} of a Twilio list that pages by number (recordings, events,
 * notifications), and the page URIs it writes.
 */
public record Paging(int page, int size) {

    public static final int MAX_PAGE_SIZE = 1000;

    public static Paging of(Map<String, List<String>> query) {
        int size = number(first(query, "PageSize"), 50, "PageSize");
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.PAGE_SIZE_TOO_LARGE,
                    "PageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new Paging(number(first(query, "Page"), 0, "Page"), size);
    }

    public int offset() {
        return page * size;
    }

    /**
     * The page of {@code records} (fetched from {@link #offset()} with one more than a page, to
     * know whether another follows) at {@code path}, its filters already in {@code filters}.
     */
    public <T> ListPage<T> page(
            String key, Class<T> type, List<T> records, String path, Map<String, String> filters) {
        boolean more = records.size() > size;
        return new ListPage<>(
                key,
                type,
                records.stream().limit(size).toList(),
                page,
                size,
                uri(path, filters, page),
                uri(path, filters, 0),
                more ? uri(path, filters, page + 1) : null,
                page > 0 ? uri(path, filters, page - 1) : null);
    }

    private String uri(String path, Map<String, String> filters, int number) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        filters.forEach(
                (name, value) ->
                        uri.queryParam(
                                UriUtils.encode(name, StandardCharsets.UTF_8),
                                UriUtils.encode(value, StandardCharsets.UTF_8)));
        return uri.queryParam("PageSize", size)
                .queryParam("Page", number)
                .build(true)
                .toUriString();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int number(String text, int fallback, String name) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw TwilioException.badRequest(
                TwilioErrorCodes.INVALID_PARAMETER, name + " must be a whole number, was: " + text);
    }
}
