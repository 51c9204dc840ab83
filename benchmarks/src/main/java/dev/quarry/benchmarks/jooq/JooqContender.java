package dev.quarry.benchmarks.jooq;

import static dev.quarry.benchmarks.jooq.JooqTables.AUTHOR;
import static dev.quarry.benchmarks.jooq.JooqTables.AUTHOR_ID;
import static dev.quarry.benchmarks.jooq.JooqTables.AUTHOR_NAME;
import static dev.quarry.benchmarks.jooq.JooqTables.BOOK;
import static dev.quarry.benchmarks.jooq.JooqTables.BOOK_AUTHOR_ID;
import static dev.quarry.benchmarks.jooq.JooqTables.BOOK_ID;
import static dev.quarry.benchmarks.jooq.JooqTables.BOOK_PAGES;
import static dev.quarry.benchmarks.jooq.JooqTables.BOOK_TITLE;
import static dev.quarry.benchmarks.jooq.JooqTables.ITEM;
import static dev.quarry.benchmarks.jooq.JooqTables.ITEM_NEW;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Rows;
import dev.quarry.benchmarks.model.AuthorRow;
import dev.quarry.benchmarks.model.BookRow;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep9;
import org.jooq.Record;
import org.jooq.Record10;
import org.jooq.Record6;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectSeekStep1;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * jOOQ 3.19 (open source edition) with typed table and field definitions and typed records
 * ({@code Record10} and friends) mapped to objects through constructors ({@code Records.mapping}),
 * never the reflective {@code fetchInto}. Execute logging is off, as it is for everyone.
 */
public final class JooqContender implements Contender {
  private static final JooqTables.Items I = ITEM;
  private static final JooqTables.Items N = ITEM_NEW;
  private static final RecordMapper<Record10<Long, String, String, Integer, Double, Boolean, LocalDateTime,
      BigDecimal, String, Long>, ItemRow> TO_ITEM = org.jooq.Records.mapping(ItemRow::new);

  private final HikariDataSource pool;
  private final DSLContext dsl;

  public JooqContender(BenchDatabase db) {
    this.pool = db.pool("jooq");
    this.dsl = DSL.using(pool, db == BenchDatabase.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES,
        new Settings().withExecuteLogging(false));
  }

  private static org.jooq.SelectSelectStep<Record10<Long, String, String, Integer, Double, Boolean, LocalDateTime,
      BigDecimal, String, Long>> selectItem(DSLContext ctx) {
    return ctx.select(I.id, I.name, I.email, I.age, I.score, I.active, I.createdAt, I.amount, I.category, I.counter);
  }

  @Override
  public Object findById(long id) {
    return selectItem(dsl).from(I.table).where(I.id.eq(id)).fetchOne(TO_ITEM);
  }

  private static List<ItemRow> list(DSLContext ctx, int n) {
    return selectItem(ctx).from(I.table).where(I.id.le((long) n)).orderBy(I.id).fetch(TO_ITEM);
  }

  @Override
  public List<ItemRow> list(int n) {
    return list(dsl, n);
  }

  @Override
  public List<ItemDto> dto(int n) {
    return dsl.select(I.id, I.name, I.age).from(I.table).where(I.id.le((long) n)).orderBy(I.id)
        .fetch(org.jooq.Records.mapping(ItemDto::new));
  }

  @Override
  public long insertOne(int seq) {
    ItemRow r = Rows.newItem(seq);
    return dsl.insertInto(N.table, N.name, N.email, N.age, N.score, N.active, N.createdAt, N.amount, N.category,
            N.counter)
        .values(r.getName(), r.getEmail(), r.getAge(), r.getScore(), r.isActive(), r.getCreatedAt(), r.getAmount(),
            r.getCategory(), r.getCounter())
        .returningResult(N.id).fetchOne().value1();
  }

  /** One multi-row INSERT ... RETURNING (jOOQ's way to insert many rows and get their keys back). */
  @Override
  public long batchInsert(int n, int seq) {
    List<ItemRow> rows = Rows.newItems(n, seq);
    dsl.transaction(cfg -> {
      InsertValuesStep9<Record, String, String, Integer, Double, Boolean, LocalDateTime, BigDecimal, String, Long> insert =
          cfg.dsl().insertInto(N.table, N.name, N.email, N.age, N.score, N.active, N.createdAt, N.amount, N.category,
              N.counter);
      for (ItemRow r : rows) {
        insert = insert.values(r.getName(), r.getEmail(), r.getAge(), r.getScore(), r.isActive(), r.getCreatedAt(),
            r.getAmount(), r.getCategory(), r.getCounter());
      }
      int i = 0;
      for (org.jooq.Record1<Long> key : insert.returningResult(N.id).fetch()) {
        rows.get(i++).setId(key.value1());
      }
    });
    return rows.get(n - 1).getId();
  }

  @Override
  public long loadModifyCommit(long id) {
    return dsl.transactionResult(cfg -> {
      DSLContext ctx = cfg.dsl();
      ItemRow row = selectItem(ctx).from(I.table).where(I.id.eq(id)).fetchOne(TO_ITEM);
      row.setCounter(row.getCounter() + 1);
      ctx.update(I.table).set(I.counter, row.getCounter()).where(I.id.eq(id)).execute();
      return row.getCounter();
    });
  }

  @Override
  public long loadModifyFlush(int n) {
    return dsl.transactionResult(cfg -> {
      DSLContext ctx = cfg.dsl();
      BatchBindStep batch = ctx.batch(ctx.update(I.table).set(I.counter, (Long) null).where(I.id.eq((Long) null)));
      long sum = 0;
      for (ItemRow row : list(ctx, n)) {
        row.setCounter(row.getCounter() + 1);
        sum += row.getCounter();
        batch = batch.bind(row.getCounter(), row.getId());
      }
      batch.execute();
      return sum;
    });
  }

  @Override
  public long graphJoined() {
    List<AuthorRow> authors = new ArrayList<>();
    AuthorRow current = null;
    for (Record6<Long, String, Long, Long, String, Integer> r : dsl
        .select(AUTHOR_ID, AUTHOR_NAME, BOOK_ID, BOOK_AUTHOR_ID, BOOK_TITLE, BOOK_PAGES).from(AUTHOR)
        .leftJoin(BOOK).on(BOOK_AUTHOR_ID.eq(AUTHOR_ID)).orderBy(AUTHOR_ID, BOOK_ID).fetch()) {
      if (current == null || current.getId() != r.value1()) {
        current = new AuthorRow(r.value1(), r.value2());
        authors.add(current);
      }
      if (r.value3() != null) {
        current.getBooks().add(new BookRow(r.value3(), r.value4(), r.value5(), r.value6()));
      }
    }
    return Rows.checksum(authors);
  }

  private List<AuthorRow> authors() {
    return dsl.select(AUTHOR_ID, AUTHOR_NAME).from(AUTHOR).orderBy(AUTHOR_ID).fetch(org.jooq.Records.mapping(AuthorRow::new));
  }

  private SelectSeekStep1<org.jooq.Record4<Long, Long, String, Integer>, Long> books(Condition where) {
    return dsl.select(BOOK_ID, BOOK_AUTHOR_ID, BOOK_TITLE, BOOK_PAGES).from(BOOK).where(where).orderBy(BOOK_ID);
  }

  @Override
  public long graphSelectin() {
    List<AuthorRow> authors = authors();
    Map<Long, AuthorRow> byId = new HashMap<>();
    for (AuthorRow a : authors) {
      byId.put(a.getId(), a);
    }
    for (BookRow b : books(BOOK_AUTHOR_ID.in(byId.keySet())).fetch(org.jooq.Records.mapping(BookRow::new))) {
      byId.get(b.authorId()).getBooks().add(b);
    }
    return Rows.checksum(authors);
  }

  @Override
  public long graphLazy() {
    List<AuthorRow> authors = authors();
    for (AuthorRow a : authors) {
      a.getBooks().addAll(books(BOOK_AUTHOR_ID.eq(a.getId())).fetch(org.jooq.Records.mapping(BookRow::new)));
    }
    return Rows.checksum(authors);
  }

  @Override
  public void openClose() {
    throw new UnsupportedOperationException("jOOQ has no unit of work");
  }

  /** jOOQ has no identity map: "get it again" is another query by key. */
  @Override
  public Held hold(long id) {
    return Held.of(() -> findById(id), () -> {});
  }

  @Override
  public long stream(int rows, int fetchSize) {
    return dsl.transactionResult(cfg -> {
      long sum = 0;
      try (Cursor<Record10<Long, String, String, Integer, Double, Boolean, LocalDateTime, BigDecimal, String, Long>> c =
          selectItem(cfg.dsl()).from(I.table).where(I.id.le((long) rows)).fetchSize(fetchSize).fetchLazy()) {
        for (var r : c) {
          sum += TO_ITEM.map(r).getAge();
        }
      }
      return sum;
    });
  }

  /** The query built with the DSL and rendered to SQL text plus bind values. */
  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    List<Condition> where = new ArrayList<>(3);
    if (namePrefix != null) {
      where.add(I.name.startsWith(namePrefix));
    }
    if (minAge != null) {
      where.add(I.age.gt(minAge));
    }
    if (active != null) {
      where.add(I.active.eq(active));
    }
    Select<?> q = dsl.select(I.id, I.name, I.age).from(I.table).where(where).orderBy(I.name.asc()).limit(20);
    return new Object[] {q.getSQL(), q.getBindValues()};
  }

  @Override
  public void close() {
    pool.close();
  }
}
