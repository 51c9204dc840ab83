package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.types.Vendor;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classification of driver errors without a database, for vendors not in the test suite
 * (MySQL, MariaDB: messages and codes as their drivers report them) and corner cases.
 */
class ErrorClassificationTest {
  private static DatabaseException translate(Vendor vendor, String message, String state, int code) {
    return ExceptionTranslator.translate(new SQLException(message, state, code), vendor, "INSERT INTO t VALUES (?)",
        List.of(List.of(Parameter.of("v", 1))), false);
  }

  @Test
  void mysqlIntegrityErrorsCarryConstraintNames() {
    UniqueViolationException unique = assertInstanceOf(UniqueViolationException.class,
        translate(Vendor.MYSQL, "Duplicate entry 'a@b' for key 'users.uq_email'", "23000", 1062));
    assertEquals("uq_email", unique.constraintName());
    assertEquals("users", unique.table());
    ForeignKeyViolationException fk = assertInstanceOf(ForeignKeyViolationException.class, translate(Vendor.MARIADB,
        "Cannot add or update a child row: a foreign key constraint fails (`shop`.`orders`, CONSTRAINT `fk_user`"
            + " FOREIGN KEY (`user_id`) REFERENCES `users` (`id`))", "23000", 1452));
    assertEquals("fk_user", fk.constraintName());
    assertEquals("orders", fk.table());
    assertEquals("user_id", fk.column());
    NotNullViolationException nn = assertInstanceOf(NotNullViolationException.class,
        translate(Vendor.MYSQL, "Column 'name' cannot be null", "23000", 1048));
    assertEquals("name", nn.column());
    CheckViolationException check = assertInstanceOf(CheckViolationException.class,
        translate(Vendor.MYSQL, "Check constraint 'age_pos' is violated.", "HY000", 3819));
    assertEquals("age_pos", check.constraintName());
    CheckViolationException mariaCheck = assertInstanceOf(CheckViolationException.class,
        translate(Vendor.MARIADB, "CONSTRAINT `age_pos` failed for `shop`.`users`", "23000", 4025));
    assertEquals("age_pos", mariaCheck.constraintName());
  }

  @Test
  void mysqlOtherErrors() {
    assertInstanceOf(ValueTooLongException.class, translate(Vendor.MYSQL, "Data too long for column 'n' at row 1", "22001", 1406));
    assertInstanceOf(DataException.class, translate(Vendor.MYSQL, "Incorrect integer value: 'x'", "HY000", 1366));
    assertInstanceOf(LockTimeoutException.class, translate(Vendor.MYSQL, "Lock wait timeout exceeded", "HY000", 1205));
    DatabaseException deadlock = translate(Vendor.MYSQL, "Deadlock found when trying to get lock", "40001", 1213);
    assertInstanceOf(DeadlockException.class, deadlock, "MySQL's deadlock SQLState is 40001: the code decides");
    assertTrue(deadlock.isRetryable());
    assertInstanceOf(QueryTimeoutException.class, translate(Vendor.MYSQL, "Query execution was interrupted", "HY000", 3024));
    assertInstanceOf(ConnectionLostException.class, translate(Vendor.MARIADB, "Server has gone away", "08S01", 2006));
    assertInstanceOf(ProgrammingException.class, translate(Vendor.MYSQL, "Table 'x' doesn't exist", "42S02", 1146));
  }

  @Test
  void standardSqlStatesForUnknownVendors() {
    assertInstanceOf(UniqueViolationException.class, translate(Vendor.OTHER, "dup", "23505", 0));
    assertInstanceOf(IntegrityViolationException.class, translate(Vendor.OTHER, "exclusion", "23P01", 0));
    assertInstanceOf(SerializationFailureException.class, translate(Vendor.OTHER, "conflict", "40001", 0));
    assertInstanceOf(DeadlockException.class, translate(Vendor.OTHER, "deadlock", "40P01", 0));
    assertInstanceOf(ConnectionLostException.class, translate(Vendor.OTHER, "gone", "08006", 0));
    assertInstanceOf(DataException.class, translate(Vendor.OTHER, "bad", "22P02", 0));
    assertInstanceOf(ProgrammingException.class, translate(Vendor.OTHER, "syntax", "42601", 0));
    DatabaseException plain = translate(Vendor.OTHER, "weird", "XX000", 0);
    assertEquals(DatabaseException.class, plain.getClass());
    assertInstanceOf(QueryTimeoutException.class, ExceptionTranslator.translate(new SQLTimeoutException("slow"),
        Vendor.OTHER, "SELECT 1", List.of(List.of()), false));
  }

  @Test
  void secretLookingNames() {
    for (String name : List.of("password", "user_password", "passwd", "clientSecret", "access_token", "api_key",
        "apiKey", "API-KEY", "credentials", "private_key", "privateKey")) {
      assertTrue(ParameterFormat.isSecret(name), name);
    }
    for (String name : List.of("name", "email", "pass", "key", "id")) {
      assertFalse(ParameterFormat.isSecret(name), name);
    }
    assertEquals("[name='ann', password=<elided>, age=3, NULL, data=<2 bytes>]", ParameterFormat.format(List.of(
        Parameter.of("name", "ann"), Parameter.of("password", "x"), Parameter.of("age", 3), Parameter.of(null, null),
        Parameter.of("data", new byte[2]))));
  }

  @Test
  void urlsLoseTheirPasswords() {
    assertEquals("jdbc:postgresql://h/db?user=app&password=<elided>&ssl=true",
        EmbeddedUrls.describe("jdbc:postgresql://h/db?user=app&password=s3cret&ssl=true"));
  }

  @Test
  void aBindParameterLimitIsAProgrammingErrorNamingTheLimit() {
    DatabaseException pg = translate(Vendor.POSTGRESQL, "PreparedStatement can have at most 65,535 parameters. Please"
        + " consider using arrays, or splitting the query in several ones, or using COPY. Given query has 100,000"
        + " parameters", "22023", 0);
    assertInstanceOf(ProgrammingException.class, pg, "pgjdbc says 22023 (a data error) for the statement's shape");
    assertTrue(pg.getMessage().contains("65,535"), pg.getMessage());
    assertInstanceOf(ProgrammingException.class, translate(Vendor.SQLITE,
        "[SQLITE_ERROR] SQL error or missing database (too many SQL variables)", null, 1));
    assertInstanceOf(ProgrammingException.class, translate(Vendor.MARIADB,
        "Prepared statement contains too many placeholders", "HY000", 1390));
  }
}
