package dev.quarry.sql;

import dev.quarry.types.SqlTypes;
import java.time.LocalDateTime;

/** A typed table as the processor would generate it. */
final class Users extends Table {
  static final Users USERS = new Users();

  final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
  final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(50)).notNull());
  final NumberColumn<Integer> age = numberColumn(ColumnSpec.of("age", SqlTypes.INTEGER));
  final BooleanColumn active = booleanColumn(ColumnSpec.of("active", SqlTypes.BOOLEAN));
  final TemporalColumn<LocalDateTime> created = temporalColumn(ColumnSpec.of("created", SqlTypes.TIMESTAMP));

  Users() {
    this(null);
  }

  private Users(String alias) {
    super(null, "users", alias);
  }

  @Override
  public Users as(String alias) {
    return new Users(alias);
  }
}
