package dev.quarry.schema;

import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.List;

/** Tables written by hand, the way a Core user without entities defines them. */
final class ShopTables {
  private ShopTables() {}

  /**
   * Users: identity key, unique email, server default, check, index. The check is schema text
   * naming the quoted column: {@code "age"} by default, quoted for a database with {@link #Users(Vendor)}.
   */
  static final class Users extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
    final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(50)).notNull());
    final StringColumn email = stringColumn(ColumnSpec.of("email", SqlTypes.varchar(100)).notNull().unique());
    final NumberColumn<Integer> age = numberColumn(ColumnSpec.of("age", SqlTypes.INTEGER).serverDefault("0"));

    Users() {
      this(Vendor.OTHER);
    }

    /** The table as created on {@code vendor}. */
    Users(Vendor vendor) {
      super(null, "users", null);
      check("ck_users_age", Dialect.of(vendor).quote("age") + " >= 0");
      index("ix_users_name", false, "name");
    }
  }

  /** Orders: a child of users with ON DELETE CASCADE, a sequence-drawn key, a composite index. */
  static final class Orders extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
    final NumberColumn<Long> userId = numberColumn(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull());
    final StringColumn status = stringColumn(ColumnSpec.of("status", SqlTypes.varchar(20)).notNull()
        .serverDefault("'new'"));

    Orders() {
      super(null, "orders", null);
      foreignKey("fk_orders_user", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.CASCADE,
          ReferentialAction.NO_ACTION);
      index("ix_orders_user_status", false, "user_id", "status");
      sequence("orders_seq", 50);
    }
  }

  /** Order lines: composite primary key, composite unique constraint. */
  static final class OrderLines extends Table {
    final NumberColumn<Long> orderId = numberColumn(ColumnSpec.of("order_id", SqlTypes.BIGINT).primaryKey());
    final NumberColumn<Integer> line = numberColumn(ColumnSpec.of("line", SqlTypes.INTEGER).primaryKey());
    final StringColumn sku = stringColumn(ColumnSpec.of("sku", SqlTypes.varchar(30)).notNull());

    OrderLines() {
      super(null, "order_lines", null);
      foreignKey("fk_lines_order", List.of("order_id"), null, "orders", List.of("id"), ReferentialAction.CASCADE,
          ReferentialAction.DEFAULT);
      unique("uq_lines_sku", "order_id", "sku");
      index("ux_lines_sku", true, "sku", "line");
    }
  }

  /** Departments and employees reference each other: a cycle. */
  static Table departments() {
    return Table.builder("departments")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("manager_id", SqlTypes.INTEGER))
        .foreignKey("fk_dept_manager", List.of("manager_id"), "employees", List.of("id"), ReferentialAction.SET_NULL)
        .build();
  }

  static Table employees() {
    return Table.builder("employees")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("dept_id", SqlTypes.INTEGER))
        .column(ColumnSpec.of("boss_id", SqlTypes.INTEGER))
        .foreignKey("fk_emp_dept", List.of("dept_id"), "departments", List.of("id"), ReferentialAction.DEFAULT)
        .foreignKey("fk_emp_boss", List.of("boss_id"), "employees", List.of("id"), ReferentialAction.DEFAULT)
        .build();
  }
}
