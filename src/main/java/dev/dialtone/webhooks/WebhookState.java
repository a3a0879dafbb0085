package dev.dialtone.webhooks;

import java.util.EnumSet;
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

    // Each set is written as NOT IN the others: given "call_sid = ? AND state IN (...)", H2 takes
    // the (state, call_sid, id) index and reads every row in those states, which under load is
    // every pending webhook; NOT IN leaves it the call's own index.

    /** The states that hold a call's later callbacks back, as an SQL condition on a state. */
    static final String IN_LINE = oneOf(PENDING, SENDING, WAITING);

    /** The states of a first attempt not yet settled, as an SQL condition on a state. */
    static final String UNDER_WAY = oneOf(PENDING, SENDING);

    static final String SETTLED = oneOf(DELIVERED, FAILED);

    /** This state as an SQL string literal. */
    String literal() {
        return "'" + name() + "'";
    }

    private static String oneOf(WebhookState first, WebhookState... rest) {
        return EnumSet.complementOf(EnumSet.of(first, rest)).stream()
                .map(WebhookState::literal)
                .collect(Collectors.joining(", ", "NOT IN (", ")"));
    }
}
