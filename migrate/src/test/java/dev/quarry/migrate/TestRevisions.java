package dev.quarry.migrate;

import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;
import java.util.List;
import java.util.function.Consumer;

/** Revisions for the tests, written as an application writes them, and a shorthand for graph-only tests. */
final class TestRevisions {
  private TestRevisions() {}

  static RevisionInfo info(String id, List<String> revises, String message,
      java.util.function.Supplier<? extends Migration> migration) {
    return new RevisionInfo(id, revises, List.of(), List.of(), message, migration);
  }

  /** A revision that does what the two lambdas say. */
  static Migration of(Consumer<Ops> up, Consumer<Ops> down) {
    return new Migration() {
      @Override
      public void upgrade(Ops op) {
        up.accept(op);
      }

      @Override
      public void downgrade(Ops op) {
        down.accept(op);
      }
    };
  }

  /** A revision that does nothing, for the graph. */
  static RevisionInfo noop(String id, List<String> revises, List<String> labels, List<String> dependsOn) {
    return new RevisionInfo(id, revises, labels, dependsOn, "revision " + id, () -> of(op -> {}, op -> {}));
  }

  static Table users() {
    return Table.builder("users")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(100)).notNull())
        .build();
  }

  static Table orders() {
    return Table.builder("orders")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull())
        .foreignKey("fk_orders_user", List.of("user_id"), "users", List.of("id"),
            dev.quarry.sql.ReferentialAction.DEFAULT)
        .build();
  }

  /** Creates users. */
  static final class CreateUsers implements Migration {
    @Override
    public void upgrade(Ops op) {
      op.createTable(users());
    }

    @Override
    public void downgrade(Ops op) {
      op.dropTable("users");
    }
  }

  /** Creates orders, which reference users. */
  static final class CreateOrders implements Migration {
    @Override
    public void upgrade(Ops op) {
      op.createTable(orders());
    }

    @Override
    public void downgrade(Ops op) {
      op.dropTable("orders");
    }
  }

  /** Adds a user through SQL of its own. */
  static final class SeedUsers implements Migration {
    @Override
    public void upgrade(Ops op) {
      op.execute("INSERT INTO users (id, name) VALUES (1, 'ann')");
    }

    @Override
    public void downgrade(Ops op) {
      op.execute("DELETE FROM users WHERE id = 1");
    }
  }

  /** a1 users, b2 orders, c3 a seeded user: a straight line. */
  static Revisions linear() {
    return Revisions.of(List.of(
        info("a1", List.of(), "create users", CreateUsers::new),
        info("b2", List.of("a1"), "create orders", CreateOrders::new),
        info("c3", List.of("b2"), "seed users", SeedUsers::new)));
  }
}
