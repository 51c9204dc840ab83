package dev.quarry.sql;

import dev.quarry.types.SqlTypes;
import java.math.BigDecimal;

/** A second typed table, referencing {@link Users}. */
final class Orders extends Table {
  static final Orders ORDERS = new Orders();

  final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
  final NumberColumn<Long> userId = numberColumn(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull());
  final NumberColumn<BigDecimal> total = numberColumn(ColumnSpec.of("total", SqlTypes.decimal(10, 2)));
  final StringColumn status = stringColumn(ColumnSpec.of("status", SqlTypes.varchar(20)));

  Orders() {
    this(null);
  }

  private Orders(String alias) {
    super("shop", "orders", alias);
    foreignKey("fk_orders_user", java.util.List.of("user_id"), null, "users", java.util.List.of("id"),
        ReferentialAction.CASCADE, ReferentialAction.DEFAULT);
  }

  @Override
  public Orders as(String alias) {
    return new Orders(alias);
  }
}
