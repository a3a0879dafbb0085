package dev.dialtone.calls;

import dev.dialtone.web.FormParameters;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.util.List;
import java.util.Map;

/**
 * Which page of a list: {@code Page} (client state, echoed), {@code PageSize} and {@code
 * PageToken}.
 */
record CallPageRequest(int page, int pageSize, PageToken token) {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 1000;

    static CallPageRequest parse(Map<String, List<String>> query) {
        FormParameters p = new FormParameters(query);
        Integer size =
                p.integer("PageSize", TwilioErrorCodes.INVALID_PARAMETER, 1, Integer.MAX_VALUE);
        if (size != null && size > MAX_PAGE_SIZE) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.PAGE_SIZE_TOO_LARGE,
                    "Page size too large: PageSize must be at most "
                            + MAX_PAGE_SIZE
                            + ", was "
                            + size);
        }
        Integer page = p.integer("Page", TwilioErrorCodes.INVALID_PARAMETER, 0, 1_000_000);
        String token = p.text("PageToken");
        return new CallPageRequest(
                page == null ? 0 : page,
                size == null ? DEFAULT_PAGE_SIZE : size,
                token == null ? null : PageToken.parse(token));
    }
}
