package dev.quarry.orm;

import dev.quarry.sql.Predicate;

/**
 * A bulk DELETE through the session: {@code session.bulkDelete(User.class).where(QUser.user.age.lt(18))
 * .execute(Synchronize.FETCH)}. Pending changes are flushed first.
 */
public interface BulkDelete {
  BulkDelete where(Predicate... conditions);

  /** Equality condition by property name, evaluable in memory for {@link Synchronize#EVALUATE}. */
  BulkDelete filterBy(String property, Object value);

  /** Runs it and returns the number of rows deleted. */
  int execute(Synchronize synchronize);
}
