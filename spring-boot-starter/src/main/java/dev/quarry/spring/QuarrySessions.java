package dev.quarry.spring;

import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Quarry session of the current Spring transaction (or of the current web request): what the
 * injected {@link Session} bean delegates to. Inside a transaction the session is opened on first
 * use, bound to the transaction, flushed before it commits and closed when it completes; its
 * statements run on the transaction's connection, the one {@code JdbcTemplate} uses.
 */
public final class QuarrySessions {
  private final SessionFactory sessionFactory;
  /** Sessions of read-only transactions: no autoflush, so that a query never writes. */
  private final SessionFactory readOnlyFactory;
  private final ThreadLocal<Session> requestSession = new ThreadLocal<>();

  QuarrySessions(SessionFactory sessionFactory, SessionFactory readOnlyFactory) {
    this.sessionFactory = sessionFactory;
    this.readOnlyFactory = readOnlyFactory;
  }

  /** The factory sessions are opened from. */
  public SessionFactory sessionFactory() {
    return sessionFactory;
  }

  /**
   * The current transaction's session, opened and bound on first use; outside a transaction, the
   * request's session when {@link QuarrySessionFilter} runs.
   *
   * @throws IllegalStateException outside both
   */
  public Session current() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      Object bound = TransactionSynchronizationManager.getResource(this);
      if (bound instanceof SessionSynchronization sync) {
        return sync.session();
      }
      boolean readOnly = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
      SessionSynchronization sync = new SessionSynchronization(this,
          (readOnly ? readOnlyFactory : sessionFactory).openSession(), readOnly);
      TransactionSynchronizationManager.bindResource(this, sync);
      TransactionSynchronizationManager.registerSynchronization(sync);
      return sync.session();
    }
    Session session = requestSession.get();
    if (session != null) {
      return session;
    }
    throw new IllegalStateException("No Quarry session: there is no Spring transaction (annotate the caller with "
        + "@Transactional or use a TransactionTemplate) and no request session (quarry.web.session-per-request). "
        + "For a session of your own use SessionFactory.openSession() and close it.");
  }

  /** Flushes the current transaction's session, if it has one: Spring is about to set a NESTED savepoint. */
  void beforeSavepoint() {
    if (TransactionSynchronizationManager.getResource(this) instanceof SessionSynchronization sync) {
      sync.beforeSavepoint();
    }
  }

  /** Whether {@link #current()} would return a session without throwing. */
  public boolean hasCurrent() {
    return TransactionSynchronizationManager.isSynchronizationActive() || requestSession.get() != null;
  }

  /**
   * Runs {@code work} with a session for the calling thread's work outside transactions (session
   * per request): committed when {@code work} returns, rolled back when it throws, closed either way.
   * Nested calls join the outer one.
   */
  public <T> T inRequest(Supplier<T> work) {
    if (requestSession.get() != null) {
      return work.get();
    }
    try (Session session = sessionFactory.openSession()) {
      requestSession.set(session);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        try {
          session.rollback();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      session.commit();
      return result;
    } finally {
      requestSession.remove();
    }
  }
}
