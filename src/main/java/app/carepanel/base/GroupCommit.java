package app.carepanel.base;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Group commit: one writer thread takes every item handed in at that moment, in the order handed in, and writes
 * them in one transaction. A database pays for a commit (H2 writes a chunk of its file, PostgreSQL flushes its
 * log) whatever it holds, so many small writes that arrive together cost about one. Each item's future completes
 * once its transaction has committed, or fails with what stopped it; a caller may wait for it or go on.
 *
 * <p>When a batch fails and {@code aloneOnFailure} accepts the failure ({@link #oneItemsFault}: a row refused, a
 * version clash, a deadlock), each item is written alone, so that one bad item fails only its own future; any other
 * failure (the database unreachable) fails the whole batch at once rather than trying each item against it. An item whose future is already done (its
 * caller stopped waiting) is skipped. After {@link #stop}, or if the writer is gone, an item is written at once in
 * its caller's thread.
 */
public final class GroupCommit<T> {

    private record Pending<T>(T item, CompletableFuture<Void> written) {
    }

    private final String name;
    private final int mostPerBatch;
    private final Consumer<List<T>> writeInTransaction;
    private final Predicate<RuntimeException> aloneOnFailure;
    private final DistributionSummary batchSizes;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    /** Told of an item committed after its caller stopped waiting (and so believes it failed). */
    private volatile Consumer<T> committedUnawaited = item -> {
    };
    private boolean accepting;
    private Thread writer;
    /** The last item handed to the writer: once it is done, so is every item before it. */
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    /**
     * {@code name} names the writer thread and the metric {@code care_panel.<name>.batch.items};
     * {@code writeInTransaction} writes a batch inside the transaction the writer opened.
     */
    public GroupCommit(String name, int mostPerBatch, Consumer<List<T>> writeInTransaction,
            Predicate<RuntimeException> aloneOnFailure, MeterRegistry metrics, String description) {
        this.name = name;
        this.mostPerBatch = mostPerBatch;
        this.writeInTransaction = writeInTransaction;
        this.aloneOnFailure = aloneOnFailure;
        this.batchSizes = DistributionSummary.builder("care_panel." + name + ".batch.items").description(description)
                .register(metrics);
    }

    /**
     * What to do with an item whose caller gave up waiting (and was told it failed) while its transaction was
     * already under way, once that transaction has committed after all: undo what nobody will act on. It runs in
     * the writer's thread, so it hands work in rather than wait for it.
     */
    public void whenCommittedUnawaited(Consumer<T> undo) {
        this.committedUnawaited = undo;
    }

    public synchronized void start() {
        accepting = true;
        if (writer != null && writer.isAlive()) {
            // A writer that outlived a stop's wait goes on: one writer only.
            return;
        }
        writer = new Thread(this::writeUntilStopped, name + "-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Takes no more items, then lets the writer commit every item already handed in, waiting up to the timeout. */
    public void stop(long timeoutMillis) throws InterruptedException {
        Thread ending;
        synchronized (this) {
            accepting = false;
            ending = writer;
        }
        if (ending != null) {
            ending.join(timeoutMillis);
        }
    }

    /** Hands the item in; the future completes once it is committed. */
    public CompletableFuture<Void> handIn(T item) {
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        if (!enqueue(pending)) {
            commit(List.of(pending));
        }
        return pending.written();
    }

    /** Hands the item in and returns once it is committed; throws what stopped it, or when it took too long. */
    public void write(T item, long timeoutSeconds) {
        CompletableFuture<Void> written = handIn(item);
        try {
            written.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // The writer skips an item nobody waits for any more, unless it was committed in the meantime.
            if (written.completeExceptionally(e)) {
                throw new IllegalStateException(name + ": not committed within " + timeoutSeconds + " s");
            }
            write(written);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            written.completeExceptionally(e);
            throw new IllegalStateException(name + ": interrupted while waiting for the commit");
        }
    }

    /** Returns once every item handed in before has been committed or has failed; false when the timeout passed. */
    public boolean flush(long timeoutSeconds) {
        CompletableFuture<Void> awaited;
        synchronized (this) {
            awaited = last;
        }
        try {
            awaited.handle((done, failure) -> null).get(timeoutSeconds, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("The %s writer did not finish its items within %d s", name, timeoutSeconds);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Items handed in and not yet taken by the writer. */
    public int waiting() {
        return queue.size();
    }

    /**
     * True when the failure may be one item's own: its data refused (SQL state class 22 or 23), a clash with another
     * transaction (class 40: deadlock, serialization; H2's lock timeout HYT00) or a version clash.
     */
    public static boolean oneItemsFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
            // A JDBC batch's failure may carry the row's own failure as its next exception.
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null; sql = sql.getNextException()) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("40")
                        || state.equals("HYT00"))) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The outcome of a future already done: returns, or throws what stopped the item. */
    private static void write(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private synchronized boolean enqueue(Pending<T> pending) {
        if (accepting && writer != null && writer.isAlive() && queue.add(pending)) {
            last = pending.written();
            return true;
        }
        return false;
    }

    private void unawaited(T item) {
        try {
            committedUnawaited.accept(item);
        } catch (RuntimeException e) {
            Log.errorf("The %s writer could not undo an item committed after its caller gave up: %s", name,
                    Causes.rootName(e));
        }
    }

    private void writeUntilStopped() {
        while (true) {
            Pending<T> first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Nothing here interrupts the writer: a stray interrupt is dropped, and the writer goes on.
                first = queue.poll();
            }
            if (first == null) {
                synchronized (this) {
                    if (!accepting && queue.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            List<Pending<T>> handedIn = new ArrayList<>();
            handedIn.add(first);
            queue.drainTo(handedIn, mostPerBatch - 1);
            List<Pending<T>> batch = handedIn.stream().filter(pending -> !pending.written().isDone()).toList();
            try {
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (Throwable e) {
                // The writer outlives whatever one batch met (an Error included): those items fail.
                batch.forEach(pending -> pending.written().completeExceptionally(e));
                Log.errorf("The %s writer could not write %d items: %s", name, batch.size(), e.getClass().getSimpleName());
            }
        }
    }

    private void commit(List<Pending<T>> batch) {
        try {
            List<T> items = batch.stream().map(Pending::item).toList();
            QuarkusTransaction.requiringNew().run(() -> writeInTransaction.accept(items));
            batchSizes.record(batch.size());
            batch.forEach(pending -> {
                if (!pending.written().complete(null)) {
                    unawaited(pending.item());
                }
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1 || !aloneOnFailure.test(e)) {
                batch.forEach(pending -> pending.written().completeExceptionally(e));
                return;
            }
            Log.debugf("A %s batch of %d items failed (%s); writing each alone", name, batch.size(),
                    Causes.rootName(e));
            // An item whose caller has given up meanwhile is not written alone.
            batch.stream().filter(pending -> !pending.written().isDone()).forEach(pending -> commit(List.of(pending)));
        }
    }
}
