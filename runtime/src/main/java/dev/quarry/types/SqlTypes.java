package dev.quarry.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The built-in column types. Each reads and binds with the JDBC calls its {@link Vendor} handles
 * natively; SQLite, which has no date, time or UUID storage, gets ISO-8601 text that sorts in
 * time order ({@link TemporalText}).
 */
public final class SqlTypes {
  private SqlTypes() {}

  /** Default VARCHAR length when none is declared. */
  public static final int DEFAULT_VARCHAR_LENGTH = 255;

  public static final SqlType<Boolean> BOOLEAN = new Simple<>(TypeKind.BOOLEAN, Boolean.class, Types.BOOLEAN,
      (rs, i, v) -> {
        boolean b = rs.getBoolean(i);
        return !b && rs.wasNull() ? null : b;
      },
      (ps, i, x, v) -> ps.setBoolean(i, x));

  public static final SqlType<Byte> TINYINT = new Simple<>(TypeKind.TINYINT, Byte.class, Types.TINYINT,
      (rs, i, v) -> {
        byte b = rs.getByte(i);
        return b == 0 && rs.wasNull() ? null : b;
      },
      (ps, i, x, v) -> ps.setByte(i, x));

  public static final SqlType<Short> SMALLINT = new Simple<>(TypeKind.SMALLINT, Short.class, Types.SMALLINT,
      (rs, i, v) -> {
        short s = rs.getShort(i);
        return s == 0 && rs.wasNull() ? null : s;
      },
      (ps, i, x, v) -> ps.setShort(i, x));

  public static final SqlType<Integer> INTEGER = new Simple<>(TypeKind.INTEGER, Integer.class, Types.INTEGER,
      (rs, i, v) -> {
        int n = rs.getInt(i);
        return n == 0 && rs.wasNull() ? null : n;
      },
      (ps, i, x, v) -> ps.setInt(i, x));

  public static final SqlType<Long> BIGINT = new Simple<>(TypeKind.BIGINT, Long.class, Types.BIGINT,
      (rs, i, v) -> {
        long n = rs.getLong(i);
        return n == 0 && rs.wasNull() ? null : n;
      },
      (ps, i, x, v) -> ps.setLong(i, x));

  public static final SqlType<Float> REAL = new Simple<>(TypeKind.REAL, Float.class, Types.REAL,
      (rs, i, v) -> {
        float f = rs.getFloat(i);
        return f == 0 && rs.wasNull() ? null : f;
      },
      (ps, i, x, v) -> {
        if (v == Vendor.MYSQL || v == Vendor.MARIADB) {
          // The drivers send a float as its shortest decimal text, which the server reads as a double:
          // Float.MAX_VALUE's "3.4028235E38" is then out of FLOAT's range. The exact double is not.
          ps.setDouble(i, requireFinite(x, v));
        } else {
          ps.setFloat(i, x);
        }
      });

  public static final SqlType<Double> DOUBLE = new Simple<>(TypeKind.DOUBLE, Double.class, Types.DOUBLE,
      (rs, i, v) -> {
        double d = rs.getDouble(i);
        return d == 0 && rs.wasNull() ? null : d;
      },
      (ps, i, x, v) -> ps.setDouble(i, v == Vendor.MYSQL || v == Vendor.MARIADB ? requireFinite(x, v) : x));

  /** DECIMAL without declared precision; use {@link #decimal(int, int)} for DDL with precision. */
  public static final SqlType<BigDecimal> DECIMAL = new Simple<>(TypeKind.DECIMAL, BigDecimal.class, Types.DECIMAL,
      (rs, i, v) -> readDecimal(rs, i, v),
      (ps, i, x, v) -> bindDecimal(ps, i, x, v));

  /** Arbitrary-size integers stored as NUMERIC(38,0) (TEXT-preserving on SQLite). */
  public static final SqlType<BigInteger> BIG_INTEGER = new Simple<>(TypeKind.DECIMAL, BigInteger.class, Types.NUMERIC,
      38, 0, 0,
      (rs, i, v) -> {
        BigDecimal d = readDecimal(rs, i, v);
        return d == null ? null : d.toBigIntegerExact();
      },
      (ps, i, x, v) -> bindDecimal(ps, i, new BigDecimal(x), v));

  /** VARCHAR(255); {@link #varchar(int)} for another length. */
  public static final SqlType<String> VARCHAR = new Simple<>(TypeKind.VARCHAR, String.class, Types.VARCHAR,
      DEFAULT_VARCHAR_LENGTH, 0, 0,
      (rs, i, v) -> rs.getString(i),
      (ps, i, x, v) -> ps.setString(i, x));

  /** Unbounded text (TEXT / CLOB). */
  public static final SqlType<String> TEXT = new Simple<>(TypeKind.TEXT, String.class, Types.VARCHAR,
      (rs, i, v) -> rs.getString(i),
      (ps, i, x, v) -> ps.setString(i, x));

  /** A single character stored as CHAR(1). */
  public static final SqlType<Character> CHAR = new Simple<>(TypeKind.CHAR, Character.class, Types.CHAR, 1, 0, 0,
      (rs, i, v) -> {
        String s = rs.getString(i);
        if (s == null) {
          return null;
        }
        if (s.isEmpty()) {
          // MySQL and MariaDB pad CHAR with spaces and strip them when read: a stored ' ' reads as "".
          return v == Vendor.MYSQL || v == Vendor.MARIADB ? Character.valueOf(' ') : null;
        }
        return s.charAt(0);
      },
      (ps, i, x, v) -> ps.setString(i, String.valueOf(x)));

  public static final SqlType<LocalDate> DATE = new Simple<>(TypeKind.DATE, LocalDate.class, Types.DATE,
      (rs, i, v) -> v == Vendor.SQLITE ? TemporalText.parseDate(rs.getString(i)) : rs.getObject(i, LocalDate.class),
      (ps, i, x, v) -> {
        if (v == Vendor.SQLITE) {
          ps.setString(i, TemporalText.format(x));
        } else {
          ps.setObject(i, x, Types.DATE);
        }
      });

  public static final SqlType<LocalTime> TIME = new Simple<>(TypeKind.TIME, LocalTime.class, Types.TIME,
      (rs, i, v) -> v == Vendor.SQLITE ? TemporalText.parseTime(rs.getString(i)) : rs.getObject(i, LocalTime.class),
      (ps, i, x, v) -> {
        if (v == Vendor.SQLITE) {
          ps.setString(i, TemporalText.format(x));
        } else {
          ps.setObject(i, x, Types.TIME);
        }
      });

  public static final SqlType<LocalDateTime> TIMESTAMP = new Simple<>(TypeKind.TIMESTAMP, LocalDateTime.class,
      Types.TIMESTAMP,
      (rs, i, v) -> v == Vendor.SQLITE
          ? TemporalText.parseDateTime(rs.getString(i))
          : rs.getObject(i, LocalDateTime.class),
      (ps, i, x, v) -> {
        if (v == Vendor.SQLITE) {
          ps.setString(i, TemporalText.format(x));
        } else {
          ps.setObject(i, x, Types.TIMESTAMP);
        }
      });

  /** Timestamp with time zone. PostgreSQL normalises to UTC, so the offset read back may differ; the instant does not. */
  public static final SqlType<OffsetDateTime> TIMESTAMP_TZ = new Simple<>(TypeKind.TIMESTAMP_TZ, OffsetDateTime.class,
      Types.TIMESTAMP_WITH_TIMEZONE,
      (rs, i, v) -> readOffsetDateTime(rs, i, v),
      (ps, i, x, v) -> bindOffsetDateTime(ps, i, x, v));

  /** An instant, stored as timestamp with time zone in UTC. */
  public static final SqlType<Instant> INSTANT = new Simple<>(TypeKind.TIMESTAMP_TZ, Instant.class,
      Types.TIMESTAMP_WITH_TIMEZONE,
      (rs, i, v) -> {
        OffsetDateTime t = readOffsetDateTime(rs, i, v);
        return t == null ? null : t.toInstant();
      },
      (ps, i, x, v) -> bindOffsetDateTime(ps, i, x == null ? null : x.atOffset(ZoneOffset.UTC), v));

  public static final SqlType<UUID> UUID_TYPE = new Simple<>(TypeKind.UUID, UUID.class, Types.OTHER,
      (rs, i, v) -> {
        switch (v) {
          case POSTGRESQL:
          case H2:
            return rs.getObject(i, UUID.class);
          default:
            String s = rs.getString(i);
            return s == null ? null : UUID.fromString(s);
        }
      },
      (ps, i, x, v) -> {
        switch (v) {
          case POSTGRESQL:
          case H2:
            if (x == null) {
              ps.setNull(i, Types.OTHER);
            } else {
              ps.setObject(i, x);
            }
            break;
          default:
            ps.setString(i, x == null ? null : x.toString());
        }
      });

  /** Binary data (BLOB / BYTEA / VARBINARY). */
  public static final SqlType<byte[]> BINARY = new Simple<>(TypeKind.BINARY, byte[].class, Types.VARBINARY,
      (rs, i, v) -> rs.getBytes(i),
      (ps, i, x, v) -> ps.setBytes(i, x)) {
    @Override
    public byte[] copy(byte[] value) {
      return value == null ? null : value.clone();
    }

    @Override
    public boolean same(byte[] a, byte[] b) {
      return Arrays.equals(a, b);
    }
  };

  /**
   * A time of day as SQLite stores it and SQL literals write it: {@code 13:45:00}, with a fraction
   * of a second only when it is not zero, trailing zeros trimmed ({@code 13:45:00.25}).
   */
  public static String timeText(LocalTime t) {
    return TemporalText.format(t);
  }

  /** VARCHAR of the given length. */
  public static SqlType<String> varchar(int length) {
    return VARCHAR.withLength(length);
  }

  /** DECIMAL(precision, scale). */
  public static SqlType<BigDecimal> decimal(int precision, int scale) {
    return DECIMAL.withPrecision(precision, scale);
  }

  /** Binary with a maximum length (VARBINARY(n)). */
  public static SqlType<byte[]> binary(int length) {
    return BINARY.withLength(length);
  }

  /**
   * An enum stored by {@code name()} in a VARCHAR column. {@code constants} is {@code E.values()},
   * passed by generated code so that no reflection is needed.
   */
  public static <E extends Enum<E>> SqlType<E> enumByName(Class<E> type, E[] constants) {
    Map<String, E> byName = new HashMap<>();
    int longest = 1;
    for (E e : constants) {
      byName.put(e.name(), e);
      longest = Math.max(longest, e.name().length());
    }
    return varchar(Math.max(longest, 32)).converted(new Converter<E, String>() {
      @Override
      public String toDatabase(E value) {
        return value.name();
      }

      @Override
      public E fromDatabase(String value) {
        E e = byName.get(value);
        if (e == null) {
          throw new IllegalStateException("no constant " + type.getName() + "." + value
              + " for a value stored in the database; known: " + byName.keySet());
        }
        return e;
      }
    }, type);
  }

  /** An enum stored by {@code ordinal()} in an INTEGER column. */
  public static <E extends Enum<E>> SqlType<E> enumByOrdinal(Class<E> type, E[] constants) {
    E[] copy = constants.clone();
    return INTEGER.converted(new Converter<E, Integer>() {
      @Override
      public Integer toDatabase(E value) {
        return value.ordinal();
      }

      @Override
      public E fromDatabase(Integer value) {
        if (value < 0 || value >= copy.length) {
          throw new IllegalStateException("no constant of " + type.getName() + " has ordinal " + value
              + " (stored in the database); it has " + copy.length + " constants");
        }
        return copy[value];
      }
    }, type);
  }

  /**
   * The type Quarry binds a value of this runtime class with, for parameters that carry no
   * declared type (raw SQL, literals); falls back to {@code setObject} for anything else.
   */
  @SuppressWarnings("unchecked")
  public static <T> SqlType<T> forValue(T value) {
    if (value == null) {
      return (SqlType<T>) ANY;
    }
    SqlType<?> t = BY_CLASS.get(value.getClass());
    if (t == null && value instanceof Enum<?>) {
      return (SqlType<T>) ENUM_NAME;
    }
    return (SqlType<T>) (t == null ? ANY : t);
  }

  /** The built-in type for a Java class, or null when there is none. */
  @SuppressWarnings("unchecked")
  public static <T> SqlType<T> forClass(Class<T> type) {
    return (SqlType<T>) BY_CLASS.get(type);
  }

  /** Untyped values: bound with {@code setObject}, read with {@code getObject}. */
  public static final SqlType<Object> ANY = new Simple<>(TypeKind.VARCHAR, Object.class, Types.OTHER,
      (rs, i, v) -> rs.getObject(i),
      (ps, i, x, v) -> {
        if (x == null) {
          ps.setNull(i, Types.NULL);
        } else {
          ps.setObject(i, x);
        }
      });

  /** Any enum bound by name, for untyped parameters; reads give the stored string. */
  private static final SqlType<Object> ENUM_NAME = new Simple<>(TypeKind.VARCHAR, Object.class, Types.VARCHAR,
      (rs, i, v) -> rs.getString(i),
      (ps, i, x, v) -> ps.setString(i, ((Enum<?>) x).name()));

  private static final Map<Class<?>, SqlType<?>> BY_CLASS = new HashMap<>();

  static {
    BY_CLASS.put(Boolean.class, BOOLEAN);
    BY_CLASS.put(Byte.class, TINYINT);
    BY_CLASS.put(Short.class, SMALLINT);
    BY_CLASS.put(Integer.class, INTEGER);
    BY_CLASS.put(Long.class, BIGINT);
    BY_CLASS.put(Float.class, REAL);
    BY_CLASS.put(Double.class, DOUBLE);
    BY_CLASS.put(BigDecimal.class, DECIMAL);
    BY_CLASS.put(BigInteger.class, BIG_INTEGER);
    BY_CLASS.put(String.class, VARCHAR);
    BY_CLASS.put(Character.class, CHAR);
    BY_CLASS.put(LocalDate.class, DATE);
    BY_CLASS.put(LocalTime.class, TIME);
    BY_CLASS.put(LocalDateTime.class, TIMESTAMP);
    BY_CLASS.put(OffsetDateTime.class, TIMESTAMP_TZ);
    BY_CLASS.put(Instant.class, INSTANT);
    BY_CLASS.put(UUID.class, UUID_TYPE);
    BY_CLASS.put(byte[].class, BINARY);
  }

  private static BigDecimal readDecimal(ResultSet rs, int i, Vendor v) throws SQLException {
    if (v == Vendor.SQLITE) {
      // SQLite keeps exact decimals that REAL cannot hold as TEXT; read the text, not a double.
      String s = rs.getString(i);
      return s == null ? null : new BigDecimal(s);
    }
    return rs.getBigDecimal(i);
  }

  private static void bindDecimal(PreparedStatement ps, int i, BigDecimal x, Vendor v) throws SQLException {
    if (v == Vendor.SQLITE && x != null) {
      bindSqliteDecimal(ps, i, x);
    } else {
      ps.setBigDecimal(i, x);
    }
  }

  /**
   * SQLite has no exact decimal storage: a NUMERIC column keeps integers as INTEGER and other
   * numbers as REAL when that loses nothing within 15 digits, else as TEXT. Binding the value
   * with the storage class the column would choose keeps comparisons numeric everywhere —
   * also against expressions without column affinity ({@code SUM(total) > ?}) — and only values
   * that REAL cannot hold travel as exact text.
   */
  private static void bindSqliteDecimal(PreparedStatement ps, int i, BigDecimal x) throws SQLException {
    BigDecimal stripped = x.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
      ps.setLong(i, stripped.longValueExact());
    } else if (stripped.precision() <= 15) {
      ps.setDouble(i, x.doubleValue());
    } else {
      ps.setString(i, x.toPlainString());
    }
  }

  /**
   * MySQL and MariaDB store finite numbers only, and their drivers would send NaN or Infinity as
   * a bare word that the server reads as a column name: refused here as the invalid value it is.
   */
  private static double requireFinite(double x, Vendor v) throws SQLException {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      throw new SQLDataException(v.displayName() + " cannot store " + x + ": FLOAT and DOUBLE hold finite numbers only",
          "22003");
    }
    return x;
  }

  private static OffsetDateTime readOffsetDateTime(ResultSet rs, int i, Vendor v) throws SQLException {
    switch (v) {
      case SQLITE:
        return TemporalText.parseOffsetDateTime(rs.getString(i));
      case MYSQL:
      case MARIADB:
        LocalDateTime utc = rs.getObject(i, LocalDateTime.class);
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
      default:
        return rs.getObject(i, OffsetDateTime.class);
    }
  }

  private static void bindOffsetDateTime(PreparedStatement ps, int i, OffsetDateTime x, Vendor v)
      throws SQLException {
    switch (v) {
      case SQLITE:
        ps.setString(i, x == null ? null : TemporalText.format(x));
        break;
      case MYSQL:
      case MARIADB:
        ps.setObject(i, x == null ? null : x.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), Types.TIMESTAMP);
        break;
      default:
        ps.setObject(i, x, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  /** Reads a value; may return null. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs, int index, Vendor vendor) throws SQLException;
  }

  /** Binds a non-null value. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement ps, int index, T value, Vendor vendor) throws SQLException;
  }

  /** A built-in type defined by a reader and a binder; nulls are bound with {@code setNull}. */
  static class Simple<T> extends SqlType<T> {
    private final int jdbcType;
    private final Reader<T> reader;
    private final Binder<T> binder;

    Simple(TypeKind kind, Class<T> javaType, int jdbcType, Reader<T> reader, Binder<T> binder) {
      this(kind, javaType, jdbcType, 0, 0, 0, reader, binder);
    }

    Simple(TypeKind kind, Class<T> javaType, int jdbcType, int length, int precision, int scale,
        Reader<T> reader, Binder<T> binder) {
      super(kind, javaType, length, precision, scale);
      this.jdbcType = jdbcType;
      this.reader = reader;
      this.binder = binder;
    }

    @Override
    public T read(ResultSet rs, int index, Vendor vendor) throws SQLException {
      return reader.read(rs, index, vendor);
    }

    @Override
    public void bind(PreparedStatement ps, int index, T value, Vendor vendor) throws SQLException {
      if (value == null && jdbcType != Types.OTHER) {
        ps.setNull(index, jdbcType);
      } else {
        binder.bind(ps, index, value, vendor);
      }
    }

    @Override
    public SqlType<T> withLength(int newLength) {
      if (kind() != TypeKind.VARCHAR && kind() != TypeKind.CHAR && kind() != TypeKind.BINARY) {
        return super.withLength(newLength);
      }
      return copyWith(newLength, precision(), scale());
    }

    @Override
    public SqlType<T> withStorageFormat(String pattern) {
      switch (kind()) {
        case DATE:
        case TIME:
        case TIMESTAMP:
        case TIMESTAMP_TZ:
          return new FormattedTemporalType<>(this, pattern);
        default:
          return super.withStorageFormat(pattern);
      }
    }

    @Override
    public SqlType<T> withPrecision(int newPrecision, int newScale) {
      if (kind() != TypeKind.DECIMAL) {
        return super.withPrecision(newPrecision, newScale);
      }
      return copyWith(length(), newPrecision, newScale);
    }

    private SqlType<T> copyWith(int newLength, int newPrecision, int newScale) {
      Simple<T> self = this;
      return new Simple<>(kind(), javaType(), jdbcType, newLength, newPrecision, newScale, reader, binder) {
        @Override
        public T copy(T value) {
          return self.copy(value);
        }

        @Override
        public boolean same(T a, T b) {
          return self.same(a, b);
        }
      };
    }
  }
}
