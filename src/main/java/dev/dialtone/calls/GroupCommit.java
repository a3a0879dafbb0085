package dev.dialtone.calls;

import dev.dialtone.support.GroupWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates that arrive together share one transaction and one commit ({@link GroupWriter}): each
 * request waits until the batch holding its call is durable, so a 201 still means the call survives
 * a crash, while the database writes once for many.
 */
@Component
class GroupCommit implements SmartLifecycle {

    /** Enough to carry a burst in a few commits, small enough that one commit stays short. */
    static final int MAX_BATCH = 256;

    private final GroupWriter<Call> writer;

    GroupCommit(
            CallStore calls, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.writer =
                new GroupWriter<>(
                        "dialtone-create-commits",
                        MAX_BATCH,
                        transactions,
                        batch -> {
                            calls.insertAll(batch);
                            batch.forEach(
                                    call -> events.publishEvent(new CallEvents.Created(call)));
                        });
    }

    /**
     * Stores the call with whatever else is being created now, tells {@link CallEvents.Created} in
     * the shared transaction, and returns once that transaction has committed.
     */
    void store(Call call) {
        try {
            writer.write(call).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the call was stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void start() {
        writer.start();
    }

    @Override
    public void stop() {
        writer.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return writer.isRunning();
    }

    /** Stops after the web server has finished its requests (later phases stop first). */
    @Override
    public int getPhase() {
        return 0;
    }
}
