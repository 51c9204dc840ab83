package dev.quarry.orm.shard;

import java.util.List;

/**
 * Where a row with a given id may be (SQLAlchemy's {@code identity_chooser}): the shards {@code get}
 * looks in, in order, until one has it.
 */
@FunctionalInterface
public interface IdentityChooser {
  /** The shards that may hold {@code type}'s row with {@code id}. */
  List<String> shardsFor(Class<?> type, Object id);
}
