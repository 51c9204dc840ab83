package dev.quarry.orm;

import dev.quarry.sql.Column;
import dev.quarry.sql.Expression;
import dev.quarry.sql.Predicate;

/**
 * A bulk UPDATE through the session: {@code session.bulkUpdate(User.class).set(QUser.user.age, 30)
 * .where(QUser.user.name.eq("ann")).execute(Synchronize.FETCH)}. Pending changes are flushed first.
 */
public interface BulkUpdate {
  <T> BulkUpdate set(Column<T> column, T value);

  <T> BulkUpdate set(Column<T> column, Expression<? extends T> value);

  BulkUpdate where(Predicate... conditions);

  /** Equality condition by property name, evaluable in memory for {@link Synchronize#EVALUATE}. */
  BulkUpdate filterBy(String property, Object value);

  /** Runs it and returns the number of rows updated. */
  int execute(Synchronize synchronize);
}
