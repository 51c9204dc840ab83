package dev.quarry.benchmarks;

import dev.quarry.sql.BooleanColumn;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;

/** A typed table as the processor generates one (a Q-class). */
public final class BenchUsers extends Table {
  public static final BenchUsers USERS = new BenchUsers();

  public final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
  public final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(50)).notNull());
  public final NumberColumn<Integer> age = numberColumn(ColumnSpec.of("age", SqlTypes.INTEGER));
  public final BooleanColumn active = booleanColumn(ColumnSpec.of("active", SqlTypes.BOOLEAN).notNull());

  private BenchUsers() {
    this(null);
  }

  private BenchUsers(String alias) {
    super(null, "users", alias);
  }

  @Override
  public BenchUsers as(String alias) {
    return new BenchUsers(alias);
  }
}
