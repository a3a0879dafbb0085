package dev.dialtone.webhooks;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a row of the outbox ({@code webhooks.state}) stands. */
enum WebhookState {
    /** Due at {@code due_at}: the dispatcher claims it then. */
    PENDING,
    /** Being sent, under a lease that ends at {@code due_at}. */
    SENDING,
    /** Behind an unsettled earlier callback of its call: no due time until its turn comes. */
    WAITING,
    /** Its first attempt failed and a retry is due; it holds no later callback of its call back. */
    RETRYING,
    DELIVERED,
    FAILED;

    /** The states that hold a call's later callbacks back, as an SQL list. */
    static final String IN_LINE = sql(PENDING, SENDING, WAITING);

    /** The states of a first attempt not yet settled, as an SQL list. */
    static final String UNDER_WAY = sql(PENDING, SENDING);

    static final String SETTLED = sql(DELIVERED, FAILED);

    /** This state as an SQL string literal. */
    String literal() {
        return "'" + name() + "'";
    }

    private static String sql(WebhookState... states) {
        return Arrays.stream(states)
                .map(WebhookState::literal)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
