package dev.quarry.processor.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Qualified Java type names as the checker compares them: boxing, numeric widening, collections. */
final class JavaTypes {
  private JavaTypes() {}

  static final String OBJECT = "java.lang.Object";
  static final String STRING = "java.lang.String";
  static final String BOOLEAN = "java.lang.Boolean";
  static final String INTEGER = "java.lang.Integer";
  static final String LONG = "java.lang.Long";
  static final String SHORT = "java.lang.Short";
  static final String BYTE = "java.lang.Byte";
  static final String FLOAT = "java.lang.Float";
  static final String DOUBLE = "java.lang.Double";
  static final String BIG_DECIMAL = "java.math.BigDecimal";
  static final String BIG_INTEGER = "java.math.BigInteger";
  static final String COLLECTION = "java.util.Collection";

  private static final Map<String, String> BOXES = Map.of("int", INTEGER, "long", LONG, "short", SHORT,
      "byte", BYTE, "float", FLOAT, "double", DOUBLE, "boolean", BOOLEAN, "char", "java.lang.Character");

  /** Integral and decimal types in widening order: a value converts to any type to its right. */
  private static final List<String> WIDENING = List.of(BYTE, SHORT, INTEGER, LONG, BIG_INTEGER, BIG_DECIMAL);
  private static final List<String> FLOATING = List.of(FLOAT, DOUBLE);

  private static final Set<String> COLLECTIONS = Set.of(COLLECTION, "java.util.List", "java.util.Set",
      "java.util.SortedSet", "java.util.NavigableSet", "java.util.SequencedCollection", "java.util.SequencedSet",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashSet", "java.util.LinkedHashSet",
      "java.util.TreeSet", "java.lang.Iterable");

  static String boxed(String type) {
    if (type == null) {
      return null;
    }
    String t = type.strip();
    return BOXES.getOrDefault(t, t);
  }

  static boolean isNumeric(String type) {
    return WIDENING.contains(type) || FLOATING.contains(type);
  }

  static boolean isIntegral(String type) {
    return List.of(BYTE, SHORT, INTEGER, LONG, BIG_INTEGER).contains(type);
  }

  static String collectionOf(String element) {
    return COLLECTION + "<" + element + ">";
  }

  /** The element type of a collection type ({@code java.util.List<java.lang.Long>}), or null. */
  static String elementOf(String type) {
    String t = type.strip();
    int lt = t.indexOf('<');
    if (lt < 0 || !t.endsWith(">")) {
      return null;
    }
    String raw = t.substring(0, lt).strip();
    if (!COLLECTIONS.contains(raw)) {
      return null;
    }
    String arg = t.substring(lt + 1, t.length() - 1).strip();
    if (arg.startsWith("? extends ")) {
      arg = arg.substring("? extends ".length()).strip();
    }
    return arg;
  }

  /** Whether a method parameter of type {@code declared} may be bound where the query expects {@code inferred}. */
  static boolean accepts(String declared, String inferred) {
    if (inferred == null || inferred.equals(OBJECT)) {
      return true;
    }
    String d = boxed(declared);
    String expectedElement = inferred.startsWith(COLLECTION + "<") ? elementOf(inferred) : null;
    String declaredElement = elementOf(d);
    if (expectedElement != null || declaredElement != null) {
      return expectedElement != null && declaredElement != null && accepts(declaredElement, expectedElement);
    }
    if (d.equals(inferred)) {
      return true;
    }
    int from = WIDENING.indexOf(d);
    int to = WIDENING.indexOf(inferred);
    if (from >= 0 && to >= 0) {
      return from <= to;
    }
    int ff = FLOATING.indexOf(d);
    int ft = FLOATING.indexOf(inferred);
    if (ft >= 0 && (ff >= 0 ? ff <= ft : (from >= 0 && from <= WIDENING.indexOf(LONG)))) {
      return true; // float -> double; integral -> floating, as Java widens
    }
    return false;
  }

  /** The type both numeric operands convert to (null when either is unknown or not numeric). */
  static String promote(String a, String b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (a.equals(b)) {
      return a;
    }
    if (!isNumeric(a) || !isNumeric(b)) {
      return a;
    }
    if (FLOATING.contains(a) || FLOATING.contains(b)) {
      return DOUBLE;
    }
    int ia = WIDENING.indexOf(a);
    int ib = WIDENING.indexOf(b);
    String wider = WIDENING.get(Math.max(ia, ib));
    return wider.equals(SHORT) || wider.equals(BYTE) ? INTEGER : wider;
  }

  /** The Java type of an SQL type name as written in CAST, or null when unknown. */
  static String ofSqlType(String sqlType) {
    String t = sqlType.toUpperCase(Locale.ROOT).replaceAll("\\s*\\(.*\\)\\s*", " ").replaceAll("\\s+", " ").strip();
    if (t.endsWith("[]")) {
      return null;
    }
    return switch (t) {
      case "INT", "INTEGER", "INT4", "MEDIUMINT", "SERIAL" -> INTEGER;
      case "BIGINT", "INT8", "BIGSERIAL", "SIGNED", "SIGNED INTEGER", "UNSIGNED", "UNSIGNED INTEGER" -> LONG;
      case "SMALLINT", "INT2", "TINYINT" -> SHORT;
      case "NUMERIC", "DECIMAL", "DEC", "NUMBER" -> BIG_DECIMAL;
      case "REAL", "FLOAT4" -> FLOAT;
      case "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8" -> DOUBLE;
      case "BOOLEAN", "BOOL", "BIT" -> BOOLEAN;
      case "VARCHAR", "CHAR", "CHARACTER", "CHARACTER VARYING", "TEXT", "NVARCHAR", "NCHAR", "CLOB",
          "VARCHAR_IGNORECASE", "STRING", "CHAR VARYING", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "JSON", "JSONB" ->
          STRING;
      case "DATE" -> "java.time.LocalDate";
      case "TIME", "TIME WITHOUT TIME ZONE" -> "java.time.LocalTime";
      case "TIMESTAMP", "DATETIME", "TIMESTAMP WITHOUT TIME ZONE" -> "java.time.LocalDateTime";
      case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> "java.time.OffsetDateTime";
      case "UUID" -> "java.util.UUID";
      case "BYTEA", "BLOB", "BINARY", "VARBINARY", "BINARY VARYING", "LONGBLOB" -> "byte[]";
      default -> null;
    };
  }

  /** The simple name for messages: {@code java.lang.Long} is {@code Long}, other packages stay. */
  static String display(String type) {
    if (type == null) {
      return "an unknown type";
    }
    return type;
  }
}
