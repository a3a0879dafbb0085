package dev.dialtone.control;

import dev.dialtone.accounts.BasicAuthInterceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /dialtone/stream}: server-sent events for the inspector page, a {@code change} event
 * whenever the account's calls, or the journal of any call, moved on. It reads the database, so it
 * sees what every instance on it does.
 */
@RestController
class InspectorStream implements DisposableBean {

    private static final Duration LOOK_EVERY = Duration.ofMillis(300);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService looks =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "inspector-stream");
                        t.setDaemon(true);
                        return t;
                    });

    InspectorStream(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/dialtone/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account) {
        SseEmitter emitter = new SseEmitter(0L);
        AtomicReference<List<Object>> seen = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> look = new AtomicReference<>();
        Runnable check =
                () -> {
                    try {
                        List<Object> now = fingerprint(account);
                        if (!Objects.equals(seen.getAndSet(now), now)) {
                            emitter.send(SseEmitter.event().name("change").data(now.toString()));
                        }
                    } catch (IOException | RuntimeException gone) {
                        ScheduledFuture<?> f = look.get();
                        if (f != null) {
                            f.cancel(false);
                        }
                        emitter.completeWithError(gone);
                    }
                };
        look.set(
                looks.scheduleWithFixedDelay(
                        check, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        Runnable stop = () -> look.get().cancel(false);
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    /** What changes when anything the page shows does. */
    private List<Object> fingerprint(String account) {
        return jdbc
                .queryForList(
                        "SELECT (SELECT COUNT(*) FROM calls WHERE account_sid = ?) AS calls,"
                                + " (SELECT MAX(date_updated) FROM calls WHERE account_sid = ?)"
                                + " AS updated,"
                                + " (SELECT MAX(id) FROM call_requests) AS requests,"
                                + " (SELECT MAX(id) FROM call_flow) AS flow,"
                                + " (SELECT COUNT(*) FROM recordings WHERE account_sid = ?)"
                                + " AS recordings",
                        account,
                        account,
                        account)
                .get(0)
                .values()
                .stream()
                .map(v -> (Object) String.valueOf(v))
                .toList();
    }

    @Override
    public void destroy() {
        looks.shutdownNow();
    }
}
