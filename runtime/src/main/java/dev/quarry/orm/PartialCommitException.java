package dev.quarry.orm;

import java.util.List;

/**
 * A session whose transaction spans several databases ({@link SessionFactory.Builder#bind}) committed
 * some of them and then failed to commit the next: {@link #committed()} stay committed, {@link
 * #failed()} and those after it were rolled back. Each database commits in its own transaction, in a
 * fixed order (the factory's engine first, then the bound engines in the order they were bound);
 * there is no two-phase commit. The session must be rolled back before it is used again.
 */
public final class PartialCommitException extends OrmException {
  private static final long serialVersionUID = 1L;

  private final List<String> committed;
  private final String failed;

  public PartialCommitException(List<String> committed, String failed, Throwable cause) {
    super("the commit failed on " + failed + " after " + committed + " had committed (those stay committed; "
        + failed + " and the databases after it were rolled back): " + cause.getMessage(), cause);
    this.committed = List.copyOf(committed);
    this.failed = failed;
  }

  /** The databases (their engines' URLs) that committed, in commit order. */
  public List<String> committed() {
    return committed;
  }

  /** The database whose commit failed. */
  public String failed() {
    return failed;
  }
}
