package dev.quarry.sample.migrations;

import dev.quarry.migrate.Migration;
import dev.quarry.migrate.Ops;
import dev.quarry.migrate.Revision;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;
import java.util.List;

/**
 * create the shop tables.
 *
 * <p>The first revision; written by quarry-migrate on 2026-12-07. Edit it as needed: it is yours.
 */
@Revision(
    id = "40a0ad2e6064",
    message = "create the shop tables"
)
public final class R202612072232_CreateTheShopTables implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(Table.builder("employees")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("name", SqlTypes.varchar(80)).notNull())
        .column(ColumnSpec.of("title", SqlTypes.varchar(80)).notNull())
        .column(ColumnSpec.of("manager_id", SqlTypes.BIGINT))
        .foreignKey("fk_employees_manager_id", List.of("manager_id"), null, "employees", List.of("id"), ReferentialAction.DEFAULT, ReferentialAction.DEFAULT)
        .index("ix_employees_manager_id", false, "manager_id")
        .build());
    op.createTable(Table.builder("products")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("sku", SqlTypes.varchar(40)).notNull().unique())
        .column(ColumnSpec.of("name", SqlTypes.varchar(120)).notNull())
        .column(ColumnSpec.of("price_cents", SqlTypes.BIGINT).notNull())
        .column(ColumnSpec.of("stock", SqlTypes.INTEGER).notNull())
        .build());
    op.createTable(Table.builder("roles")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("name", SqlTypes.varchar(40)).notNull().unique())
        .build());
    op.createTable(Table.builder("users")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("email", SqlTypes.varchar(120)).notNull().unique())
        .column(ColumnSpec.of("name", SqlTypes.varchar(80)).notNull())
        .build());
    op.createTable(Table.builder("orders")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull())
        .column(ColumnSpec.of("status", SqlTypes.varchar(20)).notNull())
        .column(ColumnSpec.of("placed_on", SqlTypes.DATE).notNull())
        .column(ColumnSpec.of("total_cents", SqlTypes.BIGINT).notNull())
        .foreignKey("fk_orders_user_id", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.DEFAULT, ReferentialAction.DEFAULT)
        .index("ix_orders_status", false, "status")
        .index("ix_orders_user_id", false, "user_id")
        .build());
    op.createTable(Table.builder("order_items")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("order_id", SqlTypes.BIGINT).notNull())
        .column(ColumnSpec.of("product_id", SqlTypes.BIGINT).notNull())
        .column(ColumnSpec.of("quantity", SqlTypes.INTEGER).notNull())
        .column(ColumnSpec.of("unit_price_cents", SqlTypes.BIGINT).notNull())
        .foreignKey("fk_order_items_order_id", List.of("order_id"), null, "orders", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.DEFAULT)
        .foreignKey("fk_order_items_product_id", List.of("product_id"), null, "products", List.of("id"), ReferentialAction.DEFAULT, ReferentialAction.DEFAULT)
        .index("ix_order_items_order_id", false, "order_id")
        .index("ix_order_items_product_id", false, "product_id")
        .build());
    op.createTable(Table.builder("profiles")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull().unique())
        .column(ColumnSpec.of("bio", SqlTypes.varchar(400)))
        .column(ColumnSpec.of("city", SqlTypes.varchar(80)))
        .foreignKey("fk_profiles_user_id", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.DEFAULT, ReferentialAction.DEFAULT)
        .build());
    op.createTable(Table.builder("user_roles")
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("role_id", SqlTypes.BIGINT).primaryKey())
        .foreignKey("fk_user_roles_role_id", List.of("role_id"), null, "roles", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.DEFAULT)
        .foreignKey("fk_user_roles_user_id", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.DEFAULT)
        .index("ix_user_roles_role_id", false, "role_id")
        .build());
  }

  @Override
  public void downgrade(Ops op) {
    // drops data: drop table user_roles
    op.dropTable("user_roles");
    // drops data: drop table profiles
    op.dropTable("profiles");
    // drops data: drop table order_items
    op.dropTable("order_items");
    // drops data: drop table orders
    op.dropTable("orders");
    // drops data: drop table users
    op.dropTable("users");
    // drops data: drop table roles
    op.dropTable("roles");
    // drops data: drop table products
    op.dropTable("products");
    // drops data: drop table employees
    op.dropTable("employees");
  }
}
