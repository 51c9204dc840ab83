package dev.quarry.orm.async;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The default bounded executor and the timer of operation deadlines. */
final class Workers {
  /** The engine's default pool (poolSize 5 + maxOverflow 10): one worker per connection it can lend. */
  static final int DEFAULT_THREADS = 15;
  static final int DEFAULT_QUEUE = 256;

  private static final AtomicInteger POOLS = new AtomicInteger();

  private static final ScheduledThreadPoolExecutor TIMER;

  static {
    TIMER = new ScheduledThreadPoolExecutor(1, daemon("quarry-async-timer"));
    TIMER.setRemoveOnCancelPolicy(true);
  }

  private Workers() {}

  /**
   * A fixed pool of {@code threads} daemon workers with a queue of {@code queue} tasks; a task
   * arriving at a full queue is rejected ({@link java.util.concurrent.RejectedExecutionException}),
   * never waited for. Idle workers end after 30 s.
   */
  static ExecutorService bounded(int threads, int queue) {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), daemon("quarry-async-" + POOLS.incrementAndGet() + "-worker"),
        new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + (prefix.endsWith("timer") ? "" : "-" + n.incrementAndGet()));
      t.setDaemon(true);
      return t;
    };
  }

  /** Completes {@code future} exceptionally with {@code error} if it is not complete after {@code timeout}. */
  static void deadline(CompletableFuture<?> future, Duration timeout, Supplier<? extends Throwable> error) {
    if (timeout == null || timeout.isZero() || future.isDone()) {
      return;
    }
    ScheduledFuture<?> timer = TIMER.schedule(() -> {
      if (!future.isDone()) {
        future.completeExceptionally(error.get());
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    future.whenComplete((r, e) -> timer.cancel(false));
  }

  static void checkTimeout(Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
  }
}
