package dev.quarry.migrate.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import java.time.Instant;

/**
 * A column type as the Java expression a revision writes ({@code SqlTypes.varchar(100)}). A revision
 * states the column's storage, not the entity's Java type: a converted type (an enum stored by name,
 * a user converter) is written as the type it stores, so the revision does not depend on the entity's
 * classes, which change after it is written. JSON columns need Jackson: the only type that does.
 */
final class TypeRenderer {
  static final ClassName SQL_TYPES = ClassName.get(SqlTypes.class);
  private static final ClassName JSON_TYPES = ClassName.get("dev.quarry.types", "JsonTypes");
  private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  private TypeRenderer() {}

  static CodeBlock render(SqlType<?> type) {
    return switch (type.kind()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, TEXT, DATE, TIME, TIMESTAMP, UUID ->
          constant(type.kind() == dev.quarry.types.TypeKind.UUID ? "UUID_TYPE" : type.kind().name());
      case TIMESTAMP_TZ -> constant(type.javaType() == Instant.class ? "INSTANT" : "TIMESTAMP_TZ");
      case DECIMAL -> type.precision() > 0
          ? CodeBlock.of("$T.decimal($L, $L)", SQL_TYPES, type.precision(), type.scale())
          : constant("DECIMAL");
      case VARCHAR -> type.length() == SqlTypes.DEFAULT_VARCHAR_LENGTH
          ? constant("VARCHAR")
          : CodeBlock.of("$T.varchar($L)", SQL_TYPES, type.length());
      case CHAR -> type.length() <= 1 ? constant("CHAR") : CodeBlock.of("$T.CHAR.withLength($L)", SQL_TYPES,
          type.length());
      case BINARY -> type.length() > 0 ? CodeBlock.of("$T.binary($L)", SQL_TYPES, type.length()) : constant("BINARY");
      case JSON -> CodeBlock.of("$T.of(Object.class, new $T() {})", JSON_TYPES,
          ParameterizedTypeName.get(TYPE_REFERENCE, ClassName.OBJECT));
    };
  }

  /** Why the written type differs from the model's, or null when it does not. */
  static String note(SqlType<?> type) {
    if (type.kind() == dev.quarry.types.TypeKind.JSON) {
      return "JSON column: JsonTypes needs jackson-databind on the class path the revisions run with";
    }
    SqlType<?> plain = SqlTypes.forClass(type.javaType());
    boolean builtIn = plain != null && plain.kind() == type.kind();
    return builtIn || type.javaType() == String.class || type.javaType() == Object.class ? null
        : "stored as " + type.describe() + " (the model's Java type is " + type.javaType().getSimpleName() + ")";
  }

  private static CodeBlock constant(String name) {
    return CodeBlock.of("$T.$N", SQL_TYPES, name);
  }
}
