package dev.quarry.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link SqlType#fromObject}: values as drivers return them, converted to a type's Java type. */
class FromObjectTest {
  enum Color { RED, GREEN }

  @Test
  void numbersConvertExactlyOrFail() {
    assertEquals(7, SqlTypes.INTEGER.fromObject(7L));
    assertEquals(7L, SqlTypes.BIGINT.fromObject(new BigDecimal("7")));
    assertEquals((short) -3, SqlTypes.SMALLINT.fromObject("-3"));
    assertEquals(new BigInteger("123456789012345678901234567890"),
        SqlTypes.BIG_INTEGER.fromObject("123456789012345678901234567890"));
    assertEquals(new BigDecimal("0.1"), SqlTypes.DECIMAL.fromObject(0.1d), "from the double's shortest text, not its binary value");
    assertTrue(Double.isNaN(SqlTypes.DOUBLE.fromObject(Float.NaN)));
    IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
        () -> SqlTypes.INTEGER.fromObject(Long.MAX_VALUE));
    assertTrue(overflow.getMessage().contains("Integer"), overflow.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SqlTypes.BIGINT.fromObject(1.5d));
    assertThrows(IllegalArgumentException.class, () -> SqlTypes.INTEGER.fromObject("abc"));
  }

  @Test
  void booleansCharactersAndUuids() {
    assertEquals(true, SqlTypes.BOOLEAN.fromObject(1));
    assertEquals(false, SqlTypes.BOOLEAN.fromObject("false"));
    assertEquals('x', SqlTypes.CHAR.fromObject("x"));
    UUID id = UUID.randomUUID();
    assertEquals(id, SqlTypes.UUID_TYPE.fromObject(id.toString()));
    assertNull(SqlTypes.UUID_TYPE.fromObject(null));
    assertArrayEquals(new byte[] {1}, SqlTypes.BINARY.fromObject(new byte[] {1}));
    assertThrows(IllegalArgumentException.class, () -> SqlTypes.BINARY.fromObject("text"));
  }

  @Test
  void temporalsFromTextAndJavaSql() {
    assertEquals(LocalDate.of(2024, 2, 29), SqlTypes.DATE.fromObject("2024-02-29"));
    assertEquals(LocalDate.of(2024, 2, 29), SqlTypes.DATE.fromObject(java.sql.Date.valueOf("2024-02-29")));
    assertEquals(LocalTime.of(1, 2, 3, 456_000), SqlTypes.TIME.fromObject("01:02:03.000456"));
    LocalDateTime t = LocalDateTime.of(2024, 5, 1, 13, 45, 0, 123_456_000);
    assertEquals(t, SqlTypes.TIMESTAMP.fromObject(Timestamp.valueOf(t)));
    assertEquals(t, SqlTypes.TIMESTAMP.fromObject("2024-05-01 13:45:00.123456"));
    OffsetDateTime o = OffsetDateTime.of(t, ZoneOffset.ofHours(2));
    assertEquals(o.toInstant(), SqlTypes.INSTANT.fromObject(o));
    assertEquals(o.toInstant(), SqlTypes.TIMESTAMP_TZ.fromObject("2024-05-01T13:45:00.123456+02:00").toInstant());
    assertEquals(Instant.EPOCH.atOffset(ZoneOffset.UTC), SqlTypes.TIMESTAMP_TZ.fromObject(Instant.EPOCH));
    // a date-time without zone (MariaDB's DATETIME read undeclared) is the UTC that Quarry wrote
    assertEquals(t.atOffset(ZoneOffset.UTC), SqlTypes.TIMESTAMP_TZ.fromObject(t));
    assertEquals(t.toInstant(ZoneOffset.UTC), SqlTypes.INSTANT.fromObject(t));
  }

  @Test
  void convertedTypesConvertTheStoredValueThenApplyTheirConverter() {
    SqlType<Color> byOrdinal = SqlTypes.enumByOrdinal(Color.class, Color.values());
    assertEquals(Color.GREEN, byOrdinal.fromObject(1L));
    assertEquals(Color.GREEN, byOrdinal.fromObject(Color.GREEN));
    SqlType<Color> byName = SqlTypes.enumByName(Color.class, Color.values());
    assertEquals(Color.RED, byName.fromObject("RED"));
    assertThrows(IllegalStateException.class, () -> byName.fromObject("BLUE"));
  }
}
