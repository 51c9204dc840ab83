package dev.quarry.engine;

import dev.quarry.engine.ExceptionTranslator.Kind;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads constraint, table and column names out of drivers' integrity-violation messages. */
final class ConstraintParser {
  private ConstraintParser() {}

  // PostgreSQL
  private static final Pattern PG_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
  private static final Pattern PG_TABLE = Pattern.compile("(?:relation|table) \"([^\"]+)\"");
  private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]*)\\)=");
  private static final Pattern PG_COLUMN = Pattern.compile("column \"([^\"]+)\"");
  // H2
  private static final Pattern H2_UNIQUE = Pattern.compile(
      "\"(?:[^\".\\s]+\\.)?(.+?) ON (?:[^\".(\\s]+\\.)?([^(\\s]+)\\(([^)]*)\\)");
  private static final Pattern H2_NAMED = Pattern.compile("\"([^\":]+): (?:[^.\\s]+\\.)?(\\S+) FOREIGN KEY\\(([^)]*)\\)");
  private static final Pattern H2_CHECK = Pattern.compile("\"([^\":]+):");
  private static final Pattern H2_COLUMN = Pattern.compile("column \"([^\"\\s]+)");
  // SQLite
  private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: (.+?)\\)?$");
  // MySQL / MariaDB
  private static final Pattern MY_DUP_KEY = Pattern.compile("for key '([^']+)'");
  private static final Pattern MY_FK = Pattern.compile(
      "\\((?:`[^`]+`\\.)?`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \\(([^)]*)\\)");
  /** "Column 'x' cannot be null", "Data too long for column 'x'", "Field 'x' doesn't have a default value". */
  private static final Pattern MY_COLUMN = Pattern.compile("(?:[Cc]olumn|Field) '([^']+)'");
  private static final Pattern MY_CHECK = Pattern.compile("(?:Check constraint '([^']+)'|CONSTRAINT `([^`]+)`)");

  static ConstraintInfo parse(Vendor vendor, Kind kind, String message) {
    switch (vendor) {
      case SQLITE:
        return sqlite(kind, message);
      case H2:
        return h2Names(h2(kind, message));
      case MYSQL:
      case MARIADB:
        return mysql(kind, message);
      default:
        return postgres(message);
    }
  }

  private static ConstraintInfo postgres(String message) {
    String constraint = group(PG_CONSTRAINT, message, 1);
    String table = group(PG_TABLE, message, 1);
    String keys = group(PG_KEY, message, 1);
    List<String> columns = keys != null ? split(keys, ",") : listOf(group(PG_COLUMN, message, 1));
    return new ConstraintInfo(constraint, table, columns);
  }

  private static ConstraintInfo h2(Kind kind, String message) {
    switch (kind) {
      case UNIQUE: {
        Matcher m = H2_UNIQUE.matcher(message);
        if (!m.find()) {
          return ConstraintInfo.UNKNOWN;
        }
        String index = m.group(1);
        List<String> columns = new ArrayList<>();
        for (String c : split(m.group(3), ",")) {
          columns.add(c.replaceAll(" (NULLS FIRST|NULLS LAST|ASC|DESC)", "").trim());
        }
        return new ConstraintInfo(h2ConstraintOfIndex(index), m.group(2), columns);
      }
      case FOREIGN_KEY: {
        Matcher m = H2_NAMED.matcher(message);
        return m.find() ? new ConstraintInfo(m.group(1), m.group(2), split(m.group(3), ",")) : ConstraintInfo.UNKNOWN;
      }
      case CHECK:
        return new ConstraintInfo(group(H2_CHECK, message, 1), null, List.of());
      default:
        return new ConstraintInfo(null, null, listOf(group(H2_COLUMN, message, 1)));
    }
  }

  /**
   * H2 stores unquoted names upper-cased; Quarry writes plain lower-case names unquoted, so an
   * all-upper-case name is reported in lower case (SQLAlchemy normalises such names the same way).
   */
  private static ConstraintInfo h2Names(ConstraintInfo info) {
    if (info == ConstraintInfo.UNKNOWN) {
      return info;
    }
    List<String> columns = new ArrayList<>();
    for (String c : info.columns()) {
      columns.add(h2Name(c));
    }
    return new ConstraintInfo(h2Name(info.constraint()), h2Name(info.table()), columns);
  }

  private static String h2Name(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(name.length());
    for (String part : name.split("\\.", -1)) {
      String lower = part.toLowerCase(java.util.Locale.ROOT);
      out.append(out.length() > 0 ? "." : "")
          .append(part.equals(lower.toUpperCase(java.util.Locale.ROOT)) && lower.matches("[a-z_][a-z0-9_]*") ? lower : part);
    }
    return out.toString();
  }

  /** H2 backs constraint {@code X} with index {@code X_INDEX_n} ({@code CONSTRAINT_INDEX_n} for unnamed ones). */
  private static String h2ConstraintOfIndex(String index) {
    if (index.startsWith("PRIMARY KEY")) {
      return null;
    }
    if (index.matches("CONSTRAINT_INDEX_\\w+")) {
      return "CONSTRAINT_" + index.substring("CONSTRAINT_INDEX_".length());
    }
    return index.replaceFirst("_INDEX_\\w+$", "");
  }

  private static ConstraintInfo sqlite(Kind kind, String message) {
    String detail = group(SQLITE_COLUMNS, message, 1);
    if (detail == null) {
      return ConstraintInfo.UNKNOWN;
    }
    if (kind == Kind.CHECK) {
      return new ConstraintInfo(detail.trim(), null, List.of());
    }
    // "t.email, t.name"
    String table = null;
    List<String> columns = new ArrayList<>();
    for (String qualified : split(detail, ",")) {
      int dot = qualified.indexOf('.');
      if (dot > 0) {
        table = qualified.substring(0, dot);
        columns.add(qualified.substring(dot + 1));
      } else {
        columns.add(qualified);
      }
    }
    return new ConstraintInfo(null, table, columns);
  }

  private static ConstraintInfo mysql(Kind kind, String message) {
    switch (kind) {
      case UNIQUE: {
        String key = group(MY_DUP_KEY, message, 1);
        if (key == null) {
          return ConstraintInfo.UNKNOWN;
        }
        int dot = key.lastIndexOf('.');
        return dot > 0 ? new ConstraintInfo(key.substring(dot + 1), key.substring(0, dot), List.of())
            : new ConstraintInfo(key, null, List.of());
      }
      case FOREIGN_KEY: {
        Matcher m = MY_FK.matcher(message);
        return m.find() ? new ConstraintInfo(m.group(2), m.group(1), split(m.group(3).replace("`", ""), ","))
            : ConstraintInfo.UNKNOWN;
      }
      case CHECK: {
        Matcher m = MY_CHECK.matcher(message);
        return m.find() ? new ConstraintInfo(m.group(1) != null ? m.group(1) : m.group(2), null, List.of())
            : ConstraintInfo.UNKNOWN;
      }
      default:
        return new ConstraintInfo(null, null, listOf(group(MY_COLUMN, message, 1)));
    }
  }

  private static String group(Pattern p, String s, int group) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(group) : null;
  }

  private static List<String> split(String s, String separator) {
    List<String> out = new ArrayList<>();
    for (String part : s.split(separator)) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  private static List<String> listOf(String s) {
    return s == null ? List.of() : List.of(s);
  }
}
