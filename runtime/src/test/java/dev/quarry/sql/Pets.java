package dev.quarry.sql;

import dev.quarry.types.SqlTypes;

/** Pets of {@link Users}, for joins in execution tests (no schema, so SQLite can hold it). */
final class Pets extends Table {
  static final Pets PETS = new Pets();

  final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
  final NumberColumn<Long> ownerId = numberColumn(ColumnSpec.of("owner_id", SqlTypes.BIGINT));
  final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(40)).notNull());

  Pets() {
    this(null);
  }

  private Pets(String alias) {
    super(null, "pets", alias);
  }

  @Override
  public Pets as(String alias) {
    return new Pets(alias);
  }
}
