package dev.quarry.orm;

import java.util.function.Supplier;

/**
 * A thread-bound session registry (SQLAlchemy's {@code scoped_session}): {@link #current()} gives
 * the calling thread's session, opening one on first use; {@link #remove()} closes and forgets
 * it. {@link #inRequest} is the session-per-request pattern for any web framework: wrap each
 * request handler in it.
 */
public final class ScopedSession {
  private final SessionFactory factory;
  private final ThreadLocal<Session> current = new ThreadLocal<>();

  ScopedSession(SessionFactory factory) {
    this.factory = factory;
  }

  /** The calling thread's session, opened on first use. */
  public Session current() {
    Session s = current.get();
    if (s == null) {
      s = factory.openSession();
      current.set(s);
    }
    return s;
  }

  /** Whether the calling thread has a session. */
  public boolean hasCurrent() {
    return current.get() != null;
  }

  /** Closes the calling thread's session (rolling back what was not committed) and forgets it. */
  public void remove() {
    Session s = current.get();
    current.remove();
    if (s != null) {
      s.close();
    }
  }

  /**
   * Runs one request: the handler uses {@link #current()}; when it returns the session commits,
   * when it throws the session rolls back; the session is removed either way. A request already
   * running on this thread (nested call) joins it instead.
   */
  public <T> T inRequest(Supplier<T> handler) {
    if (hasCurrent()) {
      return handler.get();
    }
    try {
      T result;
      try {
        result = handler.get();
      } catch (RuntimeException | Error e) {
        if (hasCurrent()) {
          SessionFactory.rollbackQuietly(current.get(), e);
        }
        throw e;
      }
      if (hasCurrent()) {
        current.get().commit();
      }
      return result;
    } finally {
      remove();
    }
  }

  /** {@link #inRequest(Supplier)} for handlers without a result. */
  public void inRequest(Runnable handler) {
    inRequest(() -> {
      handler.run();
      return null;
    });
  }
}
