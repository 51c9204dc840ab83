package dev.quarry.benchmarks.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The schema as typed jOOQ {@link Table} and {@link Field} definitions written by hand (what the
 * code generator would write, without a generation step in the build): every field carries its
 * {@code DataType}, so records are read and bound by type, never reflectively.
 */
final class JooqTables {
  private JooqTables() {}

  /** The ten item columns of one table ({@code item} or {@code item_new}). */
  static final class Items {
    final Table<Record> table;
    final Field<Long> id;
    final Field<String> name;
    final Field<String> email;
    final Field<Integer> age;
    final Field<Double> score;
    final Field<Boolean> active;
    final Field<LocalDateTime> createdAt;
    final Field<BigDecimal> amount;
    final Field<String> category;
    final Field<Long> counter;

    Items(String tableName) {
      table = table(name(tableName));
      id = field(name(tableName, "id"), SQLDataType.BIGINT.identity(true));
      this.name = field(name(tableName, "name"), SQLDataType.VARCHAR(64).nullable(false));
      email = field(name(tableName, "email"), SQLDataType.VARCHAR(128).nullable(false));
      age = field(name(tableName, "age"), SQLDataType.INTEGER.nullable(false));
      score = field(name(tableName, "score"), SQLDataType.DOUBLE.nullable(false));
      active = field(name(tableName, "active"), SQLDataType.BOOLEAN.nullable(false));
      createdAt = field(name(tableName, "created_at"), SQLDataType.LOCALDATETIME.nullable(false));
      amount = field(name(tableName, "amount"), SQLDataType.NUMERIC(12, 2).nullable(false));
      category = field(name(tableName, "category"), SQLDataType.VARCHAR(32).nullable(false));
      counter = field(name(tableName, "counter"), SQLDataType.BIGINT.nullable(false));
    }
  }

  static final Items ITEM = new Items("item");
  static final Items ITEM_NEW = new Items("item_new");

  static final Table<Record> AUTHOR = table(name("author"));
  static final Field<Long> AUTHOR_ID = field(name("author", "id"), SQLDataType.BIGINT.identity(true));
  static final Field<String> AUTHOR_NAME = field(name("author", "name"), SQLDataType.VARCHAR(64));

  static final Table<Record> BOOK = table(name("book"));
  static final Field<Long> BOOK_ID = field(name("book", "id"), SQLDataType.BIGINT.identity(true));
  static final Field<Long> BOOK_AUTHOR_ID = field(name("book", "author_id"), SQLDataType.BIGINT);
  static final Field<String> BOOK_TITLE = field(name("book", "title"), SQLDataType.VARCHAR(128));
  static final Field<Integer> BOOK_PAGES = field(name("book", "pages"), SQLDataType.INTEGER);
}
