package dev.quarry.benchmarks.contenders;

import dev.quarry.benchmarks.model.ItemDto;
import java.util.List;

/**
 * One way of doing each scenario (hand-written JDBC, Quarry, a peer library). Every contender
 * works on the same schema and data through a pool with the same settings; a scenario a
 * contender has no idiomatic way to do throws {@link UnsupportedOperationException} and is
 * reported as "n/a".
 *
 * <p>Methods return what they read so that JMH consumes it and sanity tests compare contenders.
 */
public interface Contender extends AutoCloseable {
  /** Find by primary key: one 10-column entity. */
  Object findById(long id);

  /** The first {@code n} items by id, as managed entities where the library has them. */
  List<?> list(int n);

  /** Three columns of the first {@code n} items into {@link ItemDto}s. */
  List<ItemDto> dto(int n);

  /** Inserts one new item and returns its generated key. */
  long insertOne(int seq);

  /** Inserts {@code n} new items in one transaction, with their generated keys read back; returns the last key. */
  long batchInsert(int n, int seq);

  /** Loads one item, changes one field, commits; returns the new value. */
  long loadModifyCommit(long id);

  /** Loads the first {@code n} items, changes one field of each, flushes and commits; returns a checksum. */
  long loadModifyFlush(int n);

  /** The 100 authors with their 10 books each, read with one joined query; returns a checksum of the graph. */
  long graphJoined();

  /** The same graph with one query for authors and one IN query for their books (SQLAlchemy's selectin). */
  long graphSelectin();

  /** The same graph loading each author's books on access: N+1 queries (the reference). */
  long graphLazy();

  /** Opens and closes an empty unit of work (session, entity manager, SqlSession...). */
  void openClose();

  /** Opens a session and loads {@code id} once, for {@link Held#get()} to fetch the same id again. */
  Held hold(long id);

  /** Streams {@code rows} items with a fetch size, touching each row; returns a checksum. */
  long stream(int rows, int fetchSize);

  /** Builds and renders (no execution) a typed query with three optional predicates. */
  Object buildQuery(String namePrefix, Integer minAge, Boolean active);

  @Override
  void close();

  /** A session kept open across invocations. */
  interface Held extends AutoCloseable {
    /** Fetches the held id again through the same session. */
    Object get();

    @Override
    void close();

    /** A held session: {@code get} fetches again, {@code close} ends it. */
    static Held of(java.util.function.Supplier<Object> get, Runnable close) {
      return new Held() {
        @Override
        public Object get() {
          return get.get();
        }

        @Override
        public void close() {
          close.run();
        }
      };
    }
  }
}
