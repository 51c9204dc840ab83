package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema model is a value: equal definitions give equal models, any difference shows. */
class SchemaModelTest {
  private static Table items(int nameLength, String index) {
    return Table.builder("items")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("name", SqlTypes.varchar(nameLength)).notNull())
        .column(ColumnSpec.of("owner_id", SqlTypes.BIGINT))
        .foreignKey("fk_items_owner", List.of("owner_id"), "users", List.of("id"), ReferentialAction.CASCADE)
        .unique("uq_items_name", "name")
        .index(index, false, "owner_id")
        .index("ix_items_name", false, "name")
        .build();
  }

  @Test
  void equalDefinitionsGiveEqualModelsWhateverTheOrder() {
    SchemaModel one = Metadata.of(new ShopTables.Users(), items(40, "ix_items_owner")).model();
    SchemaModel two = Metadata.of(items(40, "ix_items_owner"), new ShopTables.Users()).model();
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    assertEquals(List.of("items", "users"), one.tables().stream().map(TableModel::name).toList());
  }

  @Test
  void anyDifferenceMakesModelsDiffer() {
    TableModel base = TableModel.of(items(40, "ix_items_owner"));
    assertNotEquals(base, TableModel.of(items(41, "ix_items_owner")), "column length");
    assertNotEquals(base, TableModel.of(items(40, "ix_items_owner2")), "index name");
    assertEquals(new ColumnModel("name", SqlTypes.varchar(40), false, false, false, null), base.column("name"));
    assertNull(base.column("missing"));
  }

  @Test
  void modelsCarryEveryConstraint() {
    TableModel lines = TableModel.of(new ShopTables.OrderLines());
    assertEquals(List.of("order_id", "line"), lines.primaryKey());
    assertEquals("fk_lines_order", lines.foreignKeys().get(0).name());
    assertEquals(List.of("order_id", "sku"), lines.uniques().get(0).columns());
    assertTrue(lines.indexes().get(0).unique());
    assertEquals(List.of("orders_seq"),
        Metadata.of(new ShopTables.Orders()).model().sequences().stream().map(s -> s.name()).toList());
    ColumnModel id = TableModel.of(new ShopTables.Users()).column("id");
    assertTrue(id.autoIncrement() && !id.nullable() && !id.unique());
  }

  @Test
  void constraintsNamingUnknownColumnsAreRejectedWithTheColumnList() {
    Table bad = Table.builder("bad").column(ColumnSpec.of("id", SqlTypes.INTEGER))
        .index("ix_bad", false, "nope").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableModel.of(bad));
    assertEquals("table bad: index ix_bad names column 'nope', which the table does not have; its columns are [id]",
        e.getMessage());
  }

  @Test
  void metadataLooksTablesUpAndRejectsConflicts() {
    Table users = new ShopTables.Users();
    Metadata m = Metadata.of(users).with(new ShopTables.Orders());
    assertSame(users, m.table("users"));
    assertTrue(m.hasTable("orders"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> m.table("nope"));
    assertEquals("no table nope in this metadata; it has [users, orders]", missing.getMessage());
    assertEquals(2, m.with(new ShopTables.Users()).tables().size(), "an equal definition counts once");
    Table otherUsers = Table.builder("users").column(ColumnSpec.of("id", SqlTypes.INTEGER)).build();
    assertThrows(IllegalArgumentException.class, () -> m.with(otherUsers));
    assertThrows(IllegalArgumentException.class, () -> Metadata.of(users.as("u")));
  }
}
