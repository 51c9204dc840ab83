package dev.quarry.core;

import static dev.quarry.sql.Sql.insertInto;

import dev.quarry.engine.Connection;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Insert;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tables of SQLAlchemy Core's tutorial, defined in code without entities: {@code users} and {@code addresses}
 * as hand-written {@link Table} subclasses, {@code orders} with {@link Table#builder}.
 */
final class CoreTables {
  private CoreTables() {}

  /**
   * users: identity key, unique name, check on age. The check is schema text naming the quoted
   * column, so it is written for one database ({@link #on(Vendor)}); queries render the same from
   * any instance.
   */
  static final class Users extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
    final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(30)).notNull().unique());
    final StringColumn fullname = stringColumn(ColumnSpec.of("fullname", SqlTypes.varchar(100)));
    final NumberColumn<Integer> age = numberColumn(ColumnSpec.of("age", SqlTypes.INTEGER));

    Users() {
      this(null, Dialect.of(Vendor.OTHER));
    }

    private Users(String alias, Dialect dialect) {
      super(null, "users", alias);
      check("ck_users_age", dialect.quote("age") + " >= 0");
    }

    /** The table as created on {@code vendor}. */
    static Users on(Vendor vendor) {
      return new Users(null, Dialect.of(vendor));
    }

    @Override
    public Users as(String alias) {
      return new Users(alias, Dialect.of(Vendor.OTHER));
    }
  }

  /** addresses: child of users. */
  static final class Addresses extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
    final NumberColumn<Long> userId = numberColumn(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull());
    final StringColumn email = stringColumn(ColumnSpec.of("email_address", SqlTypes.varchar(100)).notNull());

    Addresses() {
      this(null);
    }

    private Addresses(String alias) {
      super(null, "addresses", alias);
      foreignKey("fk_addresses_user", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.CASCADE,
          ReferentialAction.DEFAULT);
      index("ix_addresses_user", false, "user_id");
    }

    @Override
    public Addresses as(String alias) {
      return new Addresses(alias);
    }
  }

  static final Users USERS = new Users();
  static final Addresses ADDRESSES = new Addresses();

  /** orders: a {@link Table#builder} table, columns looked up by name. */
  static final Table ORDERS = Table.builder("orders")
      .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
      .column(ColumnSpec.of("user_id", SqlTypes.BIGINT))
      .column(ColumnSpec.of("total", SqlTypes.decimal(10, 2)).notNull())
      .column(ColumnSpec.of("status", SqlTypes.varchar(10)).notNull().serverDefault("'new'"))
      .foreignKey("fk_orders_user", List.of("user_id"), "users", List.of("id"), ReferentialAction.SET_NULL)
      .build();
  @SuppressWarnings("unchecked")
  static final NumberColumn<Long> ORDER_ID = (NumberColumn<Long>) ORDERS.column("id");
  @SuppressWarnings("unchecked")
  static final NumberColumn<Long> ORDER_USER = (NumberColumn<Long>) ORDERS.column("user_id");
  @SuppressWarnings("unchecked")
  static final NumberColumn<BigDecimal> ORDER_TOTAL = (NumberColumn<BigDecimal>) ORDERS.column("total");
  static final StringColumn ORDER_STATUS = (StringColumn) ORDERS.column("status");

  /** The three tables as created on {@code vendor}. */
  static Metadata metadata(Vendor vendor) {
    return Metadata.of(ORDERS, ADDRESSES, Users.on(vendor));
  }

  /**
   * Creates the tables and seeds: spongebob (age 10, 2 addresses), sandy (30, 1 address),
   * patrick (40, none), squidward (null age); orders for sandy (10.00, 20.00) and spongebob (5.50).
   */
  static void seed(TestDatabase db) {
    metadata(db.vendor()).createAll(db.engine());
    db.engine().runInTransaction(c -> {
      Users u = USERS;
      Insert users = insertInto(u).columns(u.name, u.fullname, u.age)
          .values("spongebob", "Spongebob Squarepants", 10)
          .values("sandy", "Sandy Cheeks", 30)
          .values("patrick", "Patrick Star", 40)
          .values("squidward", "Squidward Tentacles", null);
      c.executeUpdate(users);
      long sponge = id(c, "spongebob");
      long sandy = id(c, "sandy");
      Addresses a = ADDRESSES;
      c.executeUpdate(insertInto(a).columns(a.userId, a.email)
          .values(sponge, "spongebob@sqlalchemy.org")
          .values(sponge, "spongebob@bikini.bottom")
          .values(sandy, "sandy@sqlalchemy.org"));
      c.executeUpdate(insertInto(ORDERS).columns(ORDER_USER, ORDER_TOTAL)
          .values(sandy, new BigDecimal("10.00"))
          .values(sandy, new BigDecimal("20.00"))
          .values(sponge, new BigDecimal("5.50")));
    });
  }

  static long id(Connection c, String name) {
    return c.execute(dev.quarry.sql.Sql.select(USERS.id).from(USERS).where(USERS.name.eq(name))).one().get(USERS.id);
  }
}
