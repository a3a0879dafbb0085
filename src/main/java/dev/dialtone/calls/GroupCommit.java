package dev.dialtone.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates that arrive together share one transaction and one commit: each request waits until the
 * batch holding its call is durable, so a 201 still means the call survives a crash, while the
 * database writes once for many. Nothing waits to fill a batch: the writer takes whatever is queued
 * when it is free, so a lone create commits at once.
 */
@Component
class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Enough to carry a burst in a few commits, small enough that one commit stays short. */
    static final int MAX_BATCH = 256;

    private record Pending(Call call, CompletableFuture<Void> stored) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final CallStore calls;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private Thread writer;

    GroupCommit(
            CallStore calls, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.calls = calls;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Stores the call with whatever else is being created now, tells {@link CallEvents.Created} in
     * the shared transaction, and returns once that transaction has committed.
     */
    void store(Call call) {
        Pending pending = new Pending(call, new CompletableFuture<>());
        if (running) {
            queue.add(pending);
        } else {
            // Before start or after stop: a commit of its own.
            write(List.of(pending));
        }
        try {
            pending.stored().get();
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

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("A batch of creates could not be written: {}", e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * One transaction for the batch; should it fail, each call is tried in a transaction of its
     * own, so one bad call (or a disk that filled meanwhile) fails only the requests it concerns.
     */
    private void write(List<Pending> batch) {
        try {
            transactions.executeWithoutResult(
                    status -> {
                        calls.insertAll(batch.stream().map(Pending::call).toList());
                        batch.forEach(p -> created(p.call()));
                    });
            batch.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(batchFailed);
                return;
            }
            for (Pending p : batch) {
                try {
                    transactions.executeWithoutResult(
                            status -> {
                                calls.insert(p.call());
                                created(p.call());
                            });
                    p.stored().complete(null);
                } catch (RuntimeException failed) {
                    p.stored().completeExceptionally(failed);
                }
            }
        }
    }

    private void created(Call call) {
        events.publishEvent(new CallEvents.Created(call));
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::run, "dialtone-create-commits");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has finished its requests (later phases stop first). */
    @Override
    public int getPhase() {
        return 0;
    }
}
