package dev.quarry.sql.dialect;

import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;

/**
 * H2 2.x: standard paging ({@code OFFSET … ROWS FETCH FIRST … ROWS ONLY}), standard
 * {@code MERGE} for upserts, native ILIKE and UUID, no RETURNING (inserted keys come back through
 * JDBC generated keys).
 */
final class H2Dialect extends Dialect {
  static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {
    super(Vendor.H2);
  }

  @Override
  public String typeName(SqlType<?> type) {
    switch (type.kind()) {
      case TINYINT:
        return "TINYINT";
      case UUID:
        return "UUID";
      case TEXT:
      case JSON:
        return "CHARACTER LARGE OBJECT";
      case BINARY:
        return type.length() > 0 ? "VARBINARY(" + type.length() + ")" : "BINARY LARGE OBJECT";
      default:
        return super.typeName(type);
    }
  }

  @Override
  public void ilike(StringBuilder sql, Fragment value, Fragment pattern, Fragment escape, boolean negated) {
    value.writeTo(sql);
    sql.append(negated ? " NOT ILIKE " : " ILIKE ");
    pattern.writeTo(sql);
    if (escape != null) {
      sql.append(" ESCAPE ");
      escape.writeTo(sql);
    }
  }

  @Override
  public String randomFunction() {
    return "RAND()";
  }
}
