package dev.quarry.schema;

import dev.quarry.sql.Table;
import java.util.List;

/**
 * A table that brings other tables into a {@link Metadata} with it: a generated Q-class brings the
 * association tables of its entity's many-to-many relationships, so that registering both
 * entities is enough for {@code createAll} (SQLAlchemy's {@code secondary} tables live in the
 * same {@code MetaData} as the entities).
 */
public interface CompanionTables {
  /**
   * The tables that belong with this one. {@link Metadata} adds each once every table it
   * references is in the metadata too, so a companion never points at a missing table.
   */
  List<Table> companionTables();
}
