package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Every supported type survives insert and reload: extremes, nulls, unicode and time zones.
 *
 * <p>SQLite keeps DECIMAL/NUMERIC columns with NUMERIC affinity, i.e. as 64-bit integers or
 * doubles: exact up to 15 significant digits (integers up to 64 bits), so its decimal extremes are
 * those; PostgreSQL and H2 get 38 digits.
 */
class RoundTripTest {
  private static final BigDecimal SQLITE_DECIMAL = new BigDecimal("12345.6789012345");

  @AllDatabases
  void largestValuesRoundTrip(TestDatabase db) {
    roundTrip(db, largest(db.vendor()));
  }

  @AllDatabases
  void smallestValuesRoundTrip(TestDatabase db) {
    roundTrip(db, smallest(db.vendor()));
  }

  @AllDatabases
  void nullsRoundTripAndPrimitivesKeepTheirZeroes(TestDatabase db) {
    AllTypes nulls = new AllTypes();
    nulls.primitiveChar = ' '; // PostgreSQL text cannot hold U+0000, the default of a char
    AllTypes loaded = roundTrip(db, nulls);
    assertNull(loaded.boxedInt);
    assertNull(loaded.text);
    assertNull(loaded.bytes);
    assertNull(loaded.price);
    assertEquals(0L, loaded.primitiveLong);
    assertEquals(' ', loaded.primitiveChar);
  }

  @AllDatabases
  void boxedZeroesAndFalseReadBackAsValuesNotNull(TestDatabase db) {
    AllTypes zeroes = new AllTypes();
    zeroes.primitiveChar = ' ';
    zeroes.boxedBoolean = false;
    zeroes.boxedByte = 0;
    zeroes.boxedShort = 0;
    zeroes.boxedInt = 0;
    zeroes.boxedLong = 0L;
    zeroes.boxedFloat = 0f;
    zeroes.boxedDouble = 0d;
    zeroes.text = "";
    AllTypes loaded = roundTrip(db, zeroes);
    assertEquals(Boolean.FALSE, loaded.boxedBoolean);
    assertEquals(Byte.valueOf((byte) 0), loaded.boxedByte);
    assertEquals(Short.valueOf((short) 0), loaded.boxedShort);
    assertEquals(Integer.valueOf(0), loaded.boxedInt);
    assertEquals(Long.valueOf(0L), loaded.boxedLong);
    assertEquals(Float.valueOf(0f), loaded.boxedFloat);
    assertEquals(Double.valueOf(0d), loaded.boxedDouble);
    assertEquals("", loaded.text);
  }

  private static AllTypes roundTrip(TestDatabase db, AllTypes original) {
    Engine engine = Databases.create(db, QAllTypes.allTypes);
    AllTypesDao dao = new AllTypesDao(engine);
    dao.insert(original);
    assertNotNull(original.id, "identity key read back");
    AllTypes loaded = dao.findById(original.id).orElseThrow();
    assertSame(original, loaded);
    return loaded;
  }

  static AllTypes largest(Vendor vendor) {
    AllTypes t = new AllTypes();
    t.primitiveBoolean = true;
    t.primitiveByte = Byte.MAX_VALUE;
    t.primitiveShort = Short.MAX_VALUE;
    t.primitiveInt = Integer.MAX_VALUE;
    t.primitiveLong = Long.MAX_VALUE;
    t.primitiveFloat = Float.MAX_VALUE;
    t.primitiveDouble = Double.MAX_VALUE;
    t.primitiveChar = 'ü';
    t.boxedBoolean = true;
    t.boxedByte = Byte.MAX_VALUE;
    t.boxedShort = Short.MAX_VALUE;
    t.boxedInt = Integer.MAX_VALUE;
    t.boxedLong = Long.MAX_VALUE;
    t.boxedFloat = Float.MAX_VALUE;
    t.boxedDouble = Double.MAX_VALUE;
    t.boxedChar = '€';
    t.text = "Grüße — 世界 🚀 'single' \"double\" \\ back; DROP TABLE all_types; -- %_";
    t.decimal = vendor == Vendor.SQLITE ? SQLITE_DECIMAL : new BigDecimal("9999999999999999999999999999.9999999999");
    t.bigInteger = vendor == Vendor.SQLITE ? BigInteger.valueOf(Long.MAX_VALUE) : BigInteger.TEN.pow(37);
    t.localDate = LocalDate.of(9999, 12, 31);
    t.localTime = LocalTime.of(23, 59, 59, 999_999_000);
    t.localDateTime = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
    t.offsetDateTime = OffsetDateTime.parse("2024-02-29T23:59:59.123456+14:00");
    t.instant = Instant.parse("2038-01-19T03:14:08.000001Z");
    t.uuid = new UUID(-1L, -1L);
    t.bytes = new byte[256];
    for (int i = 0; i < 256; i++) {
      t.bytes[i] = (byte) i;
    }
    t.moodByName = Mood.ÜBERMÜTIG;
    t.moodByOrdinal = Mood.ÜBERMÜTIG;
    t.price = new Money("EUR", new BigDecimal("12.50"));
    return t;
  }

  static AllTypes smallest(Vendor vendor) {
    AllTypes t = new AllTypes();
    t.primitiveByte = Byte.MIN_VALUE;
    t.primitiveShort = Short.MIN_VALUE;
    t.primitiveInt = Integer.MIN_VALUE;
    t.primitiveLong = Long.MIN_VALUE;
    t.primitiveFloat = -Float.MAX_VALUE;
    t.primitiveDouble = -Double.MAX_VALUE;
    t.primitiveChar = 'A';
    t.boxedBoolean = false;
    t.boxedByte = Byte.MIN_VALUE;
    t.boxedShort = Short.MIN_VALUE;
    t.boxedInt = Integer.MIN_VALUE;
    t.boxedLong = Long.MIN_VALUE;
    t.boxedFloat = Float.MIN_NORMAL;
    t.boxedDouble = Double.MIN_NORMAL;
    t.boxedChar = '0';
    t.text = "";
    t.decimal = vendor == Vendor.SQLITE ? SQLITE_DECIMAL.negate()
        : new BigDecimal("-9999999999999999999999999999.9999999999");
    t.bigInteger = vendor == Vendor.SQLITE ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.TEN.pow(37).negate();
    t.localDate = LocalDate.of(1, 1, 1);
    t.localTime = LocalTime.MIDNIGHT;
    t.localDateTime = LocalDateTime.of(1970, 1, 1, 0, 0);
    t.offsetDateTime = OffsetDateTime.parse("1969-12-31T23:59:59.999999-12:00");
    t.instant = Instant.parse("1901-12-13T20:45:52Z");
    t.uuid = new UUID(0L, 0L);
    t.bytes = new byte[] {0};
    t.moodByName = Mood.CALM;
    t.moodByOrdinal = Mood.CALM;
    t.price = new Money("USD", new BigDecimal("-0.01"));
    return t;
  }

  static void assertSame(AllTypes e, AllTypes a) {
    assertEquals(e.id, a.id);
    assertEquals(e.primitiveBoolean, a.primitiveBoolean);
    assertEquals(e.primitiveByte, a.primitiveByte);
    assertEquals(e.primitiveShort, a.primitiveShort);
    assertEquals(e.primitiveInt, a.primitiveInt);
    assertEquals(e.primitiveLong, a.primitiveLong);
    assertEquals(e.primitiveFloat, a.primitiveFloat);
    assertEquals(e.primitiveDouble, a.primitiveDouble);
    assertEquals(e.primitiveChar, a.primitiveChar);
    assertEquals(e.boxedBoolean, a.boxedBoolean);
    assertEquals(e.boxedByte, a.boxedByte);
    assertEquals(e.boxedShort, a.boxedShort);
    assertEquals(e.boxedInt, a.boxedInt);
    assertEquals(e.boxedLong, a.boxedLong);
    assertEquals(e.boxedFloat, a.boxedFloat);
    assertEquals(e.boxedDouble, a.boxedDouble);
    assertEquals(e.boxedChar, a.boxedChar);
    assertEquals(e.text, a.text);
    assertNumericallyEqual(e.decimal, a.decimal);
    assertEquals(e.bigInteger, a.bigInteger);
    assertEquals(e.localDate, a.localDate);
    assertEquals(e.localTime, a.localTime);
    assertEquals(e.localDateTime, a.localDateTime);
    if (e.offsetDateTime == null) {
      assertNull(a.offsetDateTime);
    } else {
      // PostgreSQL normalises to UTC: the instant is kept, the offset may not be.
      assertTrue(e.offsetDateTime.isEqual(a.offsetDateTime), e.offsetDateTime + " vs " + a.offsetDateTime);
    }
    assertEquals(e.instant, a.instant);
    assertEquals(e.uuid, a.uuid);
    assertArrayEquals(e.bytes, a.bytes);
    assertEquals(e.moodByName, a.moodByName);
    assertEquals(e.moodByOrdinal, a.moodByOrdinal);
    assertEquals(e.price, a.price);
  }

  private static void assertNumericallyEqual(BigDecimal expected, BigDecimal actual) {
    if (expected == null) {
      assertNull(actual);
    } else {
      assertNotNull(actual);
      assertEquals(0, expected.compareTo(actual), expected + " vs " + actual);
    }
  }
}
