package dev.quarry.benchmarks.boot;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ's bootstrap: the pool, a DSLContext and one typed select. jOOQ has nothing to register:
 * generated table classes are loaded one by one when first used, so only {@code boot_01}'s
 * definition takes part (written here as the code generator would).
 */
final class JooqBoot {
  private JooqBoot() {}

  static Booted run(BenchDatabase db) {
    HikariDataSource pool = db.pool("jooq-boot");
    DSLContext dsl = DSL.using(pool, db == BenchDatabase.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES,
        new Settings().withExecuteLogging(false));
    Field<Long> id = field(name("boot_01", "id"), SQLDataType.BIGINT.identity(true));
    Field<String> nameField = field(name("boot_01", "name"), SQLDataType.VARCHAR(64).nullable(false));
    Field<BigDecimal> amount = field(name("boot_01", "amount"), SQLDataType.NUMERIC(12, 2).nullable(false));
    Field<LocalDateTime> createdAt = field(name("boot_01", "created_at"), SQLDataType.LOCALDATETIME.nullable(false));
    Field<Long> counter = field(name("boot_01", "counter"), SQLDataType.BIGINT.nullable(false));
    Field<Boolean> active = field(name("boot_01", "active"), SQLDataType.BOOLEAN.nullable(false));
    Record6<Long, String, BigDecimal, LocalDateTime, Long, Boolean> r = dsl
        .select(id, nameField, amount, createdAt, counter, active).from(table(name("boot_01"))).where(id.eq(1L))
        .fetchOne();
    return new Booted(Booted.row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()), pool);
  }
}
