package dev.dialtone.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes that arrive together share one transaction and one commit, on one writer thread: each
 * write's future completes once the transaction holding it has committed, so the database commits
 * once for many. Nothing waits to fill a batch: the writer takes whatever is queued when it is
 * free, so a lone write commits at once. Should a batch fail, each of its writes is tried in a
 * transaction of its own, so one bad write (or a disk that filled meanwhile) fails only itself.
 *
 * @param <T> what one write is
 */
public final class GroupWriter<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupWriter.class);

    private record Pending<T>(T item, CompletableFuture<Void> written) {}

    private final String name;
    private final int maxBatch;
    private final TransactionTemplate transactions;
    private final Consumer<List<T>> writeAll;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    /**
     * @param name the writer thread's name
     * @param writeAll writes a batch, inside the transaction it is given (a batch of one too)
     */
    public GroupWriter(
            String name,
            int maxBatch,
            TransactionTemplate transactions,
            Consumer<List<T>> writeAll) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.transactions = transactions;
        this.writeAll = writeAll;
    }

    /**
     * Queues the write; the future completes when it has committed, or exceptionally with why it
     * could not. Before {@link #start()} and after {@link #stop} it is written on the caller's
     * thread.
     */
    public CompletableFuture<Void> write(T item) {
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        if (running) {
            queue.add(pending);
        } else {
            write(List.of(pending));
        }
        return pending.written();
    }

    public void start() {
        running = true;
        writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes what is queued, then stops. */
    public void stop(Duration atMost) {
        running = false;
        if (writer == null) {
            return;
        }
        try {
            writer.join(atMost.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A write queued as the writer stopped is not left waiting.
        List<Pending<T>> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            write(left);
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("A batch of {} could not be written: {}", name, e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending<T>> batch) {
        try {
            transactions.executeWithoutResult(
                    status -> writeAll.accept(batch.stream().map(Pending::item).toList()));
            batch.forEach(p -> p.written().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).written().completeExceptionally(batchFailed);
                return;
            }
            for (Pending<T> p : batch) {
                try {
                    transactions.executeWithoutResult(status -> writeAll.accept(List.of(p.item())));
                    p.written().complete(null);
                } catch (RuntimeException failed) {
                    p.written().completeExceptionally(failed);
                }
            }
        }
    }
}
