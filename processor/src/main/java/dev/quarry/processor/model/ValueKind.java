package dev.quarry.processor.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The storage kinds the processor maps natively: which {@code SqlTypes} constant stores the value,
 * which {@code Table} factory makes its column, and how a primitive is read from JDBC.
 */
public enum ValueKind {
  BOOLEAN("java.lang.Boolean", "boolean", "BOOLEAN", "booleanColumn", "BooleanColumn", "getBoolean"),
  BYTE("java.lang.Byte", "byte", "TINYINT", "numberColumn", "NumberColumn", "getByte"),
  SHORT("java.lang.Short", "short", "SMALLINT", "numberColumn", "NumberColumn", "getShort"),
  INT("java.lang.Integer", "int", "INTEGER", "numberColumn", "NumberColumn", "getInt"),
  LONG("java.lang.Long", "long", "BIGINT", "numberColumn", "NumberColumn", "getLong"),
  FLOAT("java.lang.Float", "float", "REAL", "numberColumn", "NumberColumn", "getFloat"),
  DOUBLE("java.lang.Double", "double", "DOUBLE", "numberColumn", "NumberColumn", "getDouble"),
  CHAR("java.lang.Character", "char", "CHAR", "comparableColumn", "ComparableColumn", null),
  BIG_DECIMAL("java.math.BigDecimal", null, "DECIMAL", "numberColumn", "NumberColumn", null),
  BIG_INTEGER("java.math.BigInteger", null, "BIG_INTEGER", "numberColumn", "NumberColumn", null),
  STRING("java.lang.String", null, "VARCHAR", "stringColumn", "StringColumn", null),
  LOCAL_DATE("java.time.LocalDate", null, "DATE", "temporalColumn", "TemporalColumn", null),
  LOCAL_TIME("java.time.LocalTime", null, "TIME", "temporalColumn", "TemporalColumn", null),
  LOCAL_DATE_TIME("java.time.LocalDateTime", null, "TIMESTAMP", "temporalColumn", "TemporalColumn", null),
  OFFSET_DATE_TIME("java.time.OffsetDateTime", null, "TIMESTAMP_TZ", "temporalColumn", "TemporalColumn", null),
  INSTANT("java.time.Instant", null, "INSTANT", "temporalColumn", "TemporalColumn", null),
  UUID("java.util.UUID", null, "UUID_TYPE", "comparableColumn", "ComparableColumn", null),
  BYTES("byte[]", null, "BINARY", "objectColumn", "ObjectColumn", null),
  /** An enum stored by name or ordinal. */
  ENUM(null, null, null, "enumColumn", "EnumColumn", null),
  /** A type stored through a converter; the column kind depends on whether the type is comparable. */
  CONVERTED(null, null, null, null, null, null),
  /** A {@code @Json} document: any type Jackson reads and writes, with its full generic type. */
  JSON(null, null, null, "objectColumn", "ObjectColumn", null);

  private static final Map<String, ValueKind> BY_NAME = new HashMap<>();

  static {
    for (ValueKind k : values()) {
      if (k.boxed != null) {
        BY_NAME.put(k.boxed, k);
      }
      if (k.primitive != null) {
        BY_NAME.put(k.primitive, k);
      }
    }
  }

  private final String boxed;
  private final String primitive;
  private final String sqlTypesConstant;
  private final String factory;
  private final String columnClass;
  private final String primitiveGetter;

  ValueKind(String boxed, String primitive, String sqlTypesConstant, String factory, String columnClass,
      String primitiveGetter) {
    this.boxed = boxed;
    this.primitive = primitive;
    this.sqlTypesConstant = sqlTypesConstant;
    this.factory = factory;
    this.columnClass = columnClass;
    this.primitiveGetter = primitiveGetter;
  }

  /** The kind for a qualified type name or primitive keyword, or null when not natively supported. */
  public static ValueKind forTypeName(String name) {
    return BY_NAME.get(name);
  }

  /** Qualified name of the (boxed) Java type. */
  public String boxed() {
    return boxed;
  }

  /** Name of the constant in {@code SqlTypes}. */
  public String sqlTypesConstant() {
    return sqlTypesConstant;
  }

  /** The {@code Table} factory method that creates the column. */
  public String factory() {
    return factory;
  }

  /** Simple name of the column class in {@code dev.quarry.sql}. */
  public String columnClass() {
    return columnClass;
  }

  /** The {@code ResultSet} getter for the primitive, or null when read through the SqlType. */
  public String primitiveGetter() {
    return primitiveGetter;
  }

  /** Whether values are integral numbers usable as generated keys and versions. */
  public boolean isIntegral() {
    return this == SHORT || this == INT || this == LONG;
  }

  /** Whether the column class takes the Java type as a type argument. */
  public boolean isParameterized() {
    return this != BOOLEAN && this != STRING;
  }

  /** Whether the kind holds a date/time type. */
  public boolean isTemporal() {
    return this == LOCAL_DATE || this == LOCAL_TIME || this == LOCAL_DATE_TIME || this == OFFSET_DATE_TIME
        || this == INSTANT;
  }
}
