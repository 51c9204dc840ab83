package dev.quarry.sql;


/**
 * A SELECT statement, built immutably: {@code Sql.select(u.name).from(u).where(u.age.gt(18))}.
 * Execute it through a connection; its result columns are keyed by the selected expressions.
 */
public interface Select extends Query {
  /** Adds tables to FROM (comma-separated). */
  Select from(TableLike... tables);

  /** {@code JOIN table ON condition}. */
  Select join(TableLike table, Predicate on);

  /** {@code LEFT JOIN table ON condition}. */
  Select leftJoin(TableLike table, Predicate on);

  /** {@code RIGHT JOIN table ON condition}. */
  Select rightJoin(TableLike table, Predicate on);

  /** {@code FULL JOIN table ON condition} (not on MySQL/MariaDB). */
  Select fullJoin(TableLike table, Predicate on);

  /** Adds conditions, ANDed with any already present. */
  Select where(Predicate... conditions);

  Select groupBy(Expression<?>... expressions);

  /** Adds HAVING conditions, ANDed with any already present. */
  Select having(Predicate... conditions);

  /** {@code SELECT DISTINCT}. */
  Select distinct();

  /** Adds common table expressions ({@code WITH …}; {@code WITH RECURSIVE} when one is recursive). */
  Select with(CommonTable... tables);

  /** {@code FOR UPDATE}: locks the selected rows (not on SQLite). */
  Select forUpdate();

  /** {@code FOR UPDATE NOWAIT} or {@code SKIP LOCKED}, where the database has it. */
  Select forUpdate(LockWait wait);

  @Override
  Select orderBy(OrderField... fields);

  @Override
  Select orderBy(String... sortKeys);

  @Override
  Select limit(int count);

  @Override
  Select offset(int count);
}
