package dev.quarry.engine;

import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of one result and the lookups rows share: by key, by label. Built once per result,
 * from the statement's declared columns or, where none are declared, the driver's metadata.
 */
final class ResultShape {
  private static final int AMBIGUOUS = -1;

  private final List<ResultColumn> columns;
  private final SqlType<?>[] readers;
  private final Map<Object, Integer> byKey = new HashMap<>();
  private final Map<String, Integer> byLabel = new HashMap<>();
  private final Map<String, Integer> byLowerLabel = new HashMap<>();
  private final Vendor vendor;
  private final String sql;

  private ResultShape(List<ResultColumn> columns, Vendor vendor, String sql) {
    this.columns = Collections.unmodifiableList(columns);
    this.vendor = vendor;
    this.sql = sql;
    this.readers = new SqlType<?>[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      ResultColumn c = columns.get(i);
      readers[i] = c.type();
      if (c.key() != null) {
        byKey.putIfAbsent(c.key(), i);
      }
      if (c.label() != null) {
        byLabel.merge(c.label(), i, (a, b) -> AMBIGUOUS);
        byLowerLabel.merge(c.label().toLowerCase(Locale.ROOT), i, (a, b) -> AMBIGUOUS);
      }
    }
  }

  /**
   * The shape of {@code rs}: {@code declared} columns where given (they must match the driver's
   * column count), else columns typed from the metadata. {@code labels} overrides labels (the
   * generated-key column names, which drivers label arbitrarily).
   */
  static ResultShape of(ResultSet rs, List<ResultColumn> declared, List<String> labels, Vendor vendor, String sql)
      throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    if (!declared.isEmpty() && declared.size() != count) {
      throw new IllegalStateException("the statement declares " + declared.size() + " result columns "
          + labelsOf(declared) + " but the database returned " + count + "; SQL: " + sql);
    }
    List<ResultColumn> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String label = labels.size() == count ? labels.get(i) : meta.getColumnLabel(i + 1);
      ResultColumn d = declared.isEmpty() ? null : declared.get(i);
      if (d != null && d.type() != null) {
        columns.add(d.label() == null ? new ResultColumn(d.key(), label, d.type()) : d);
      } else {
        SqlType<?> type = defaultType(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1), vendor);
        columns.add(new ResultColumn(d != null ? d.key() : label, d != null && d.label() != null ? d.label() : label,
            type));
      }
    }
    return new ResultShape(columns, vendor, sql);
  }

  private static List<String> labelsOf(List<ResultColumn> columns) {
    List<String> labels = new ArrayList<>();
    for (ResultColumn c : columns) {
      labels.add(c.label());
    }
    return labels;
  }

  /**
   * How to read an undeclared column: java.time for temporals, byte[] for binaries, String for
   * character LOBs; {@code getObject} otherwise. SQLite values are read as stored (its metadata
   * describes declarations, not values).
   */
  static SqlType<?> defaultType(int jdbcType, String typeName, Vendor vendor) {
    if (!Driver.of(vendor).metadataTypesDescribeValues()) {
      return SqlTypes.ANY;
    }
    switch (jdbcType) {
      case Types.DATE:
        return SqlTypes.DATE;
      case Types.TIME:
        return SqlTypes.TIME;
      case Types.TIMESTAMP:
        return "timestamptz".equalsIgnoreCase(typeName) ? SqlTypes.TIMESTAMP_TZ : SqlTypes.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return SqlTypes.TIMESTAMP_TZ;
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return SqlTypes.BINARY;
      case Types.CLOB:
      case Types.NCLOB:
        return SqlTypes.TEXT;
      default:
        return SqlTypes.ANY;
    }
  }

  Object[] read(ResultSet rs) throws SQLException {
    Object[] values = new Object[readers.length];
    for (int i = 0; i < readers.length; i++) {
      values[i] = readers[i].read(rs, i + 1, vendor);
    }
    return values;
  }

  List<ResultColumn> columns() {
    return columns;
  }

  int size() {
    return readers.length;
  }

  String sql() {
    return sql;
  }

  int indexOfKey(Object key) {
    Integer i = byKey.get(key);
    if (i == null) {
      throw new IllegalArgumentException("no column " + key + " in this result; columns: " + labelsOf(columns)
          + ". Select it, or read by label or index.");
    }
    return i;
  }

  int indexOfLabel(String label) {
    Integer i = byLabel.get(label);
    if (i == null) {
      i = byLowerLabel.get(label.toLowerCase(Locale.ROOT));
    }
    if (i == null) {
      throw new IllegalArgumentException("no column labelled '" + label + "' in this result; labels: "
          + labelsOf(columns));
    }
    if (i == AMBIGUOUS) {
      throw new IllegalArgumentException("several columns are labelled '" + label + "' in this result "
          + labelsOf(columns) + "; give them distinct labels or read by index");
    }
    return i;
  }

  void checkIndex(int index) {
    if (index < 0 || index >= readers.length) {
      throw new IndexOutOfBoundsException("column index " + index + " (0-based) out of range: the result has "
          + readers.length + " columns " + labelsOf(columns));
    }
  }
}
