package dev.quarry.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.RuntimeNames;
import dev.quarry.processor.model.ColumnModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;

/** Code for a property's {@code SqlType}, column class and column factory. */
final class TypeExpressions {
  private TypeExpressions() {}

  /** The {@code SqlType} expression, e.g. {@code SqlTypes.varchar(100)} or an enum/converter type. */
  static CodeBlock sqlType(PropertyModel p) {
    ColumnModel c = p.column();
    return switch (p.kind()) {
      case ENUM -> CodeBlock.of("$T.$N($T.class, $T.values())", RuntimeNames.SQL_TYPES,
          p.storage().enumOrdinal() ? "enumByOrdinal" : "enumByName", p.valueType(), p.valueType());
      case CONVERTED -> CodeBlock.of("$L.converted(new $T(), $T.class)", base(p.storage().storedKind(), c),
          p.storage().converter(), p.valueType());
      // The anonymous TypeReference keeps the full generic type (Map<String, Object>, List<Tag>) for Jackson.
      case JSON -> CodeBlock.of("$T.of($T.class, new $T<$T>() {})", JSON_TYPES, raw(p.valueType()),
          TYPE_REFERENCE, p.valueType());
      default -> base(p.kind(), c);
    };
  }

  private static final ClassName JSON_TYPES = ClassName.get("dev.quarry.types", "JsonTypes");
  private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  /** The erasure of a type name, for a class literal. */
  private static TypeName raw(TypeName type) {
    if (type instanceof ParameterizedTypeName p) {
      return p.rawType();
    }
    if (type instanceof com.palantir.javapoet.ArrayTypeName a) {
      return com.palantir.javapoet.ArrayTypeName.of(raw(a.componentType()));
    }
    return type.withoutAnnotations();
  }

  private static CodeBlock base(ValueKind kind, ColumnModel c) {
    if (kind.isTemporal() && c.storageFormat() != null) {
      return CodeBlock.of("$T.$N.withStorageFormat($S)", RuntimeNames.SQL_TYPES, kind.sqlTypesConstant(),
          c.storageFormat());
    }
    if (kind == ValueKind.STRING && c.length() > 0) {
      return CodeBlock.of("$T.varchar($L)", RuntimeNames.SQL_TYPES, c.length());
    }
    if (kind == ValueKind.BYTES && c.length() > 0) {
      return CodeBlock.of("$T.binary($L)", RuntimeNames.SQL_TYPES, c.length());
    }
    if (kind == ValueKind.BIG_DECIMAL && c.precision() > 0) {
      return CodeBlock.of("$T.decimal($L, $L)", RuntimeNames.SQL_TYPES, c.precision(), c.scale());
    }
    return CodeBlock.of("$T.$N", RuntimeNames.SQL_TYPES, kind.sqlTypesConstant());
  }

  /** The column field's type, e.g. {@code NumberColumn<Integer>}. */
  static TypeName columnType(PropertyModel p) {
    if (p.kind() == ValueKind.CONVERTED) {
      return ParameterizedTypeName.get(
          RuntimeNames.sqlColumnClass(p.storage().comparable() ? "ComparableColumn" : "ObjectColumn"), p.valueType());
    }
    ClassName raw = RuntimeNames.sqlColumnClass(p.kind().columnClass());
    return p.kind().isParameterized() ? ParameterizedTypeName.get(raw, p.valueType()) : raw;
  }

  /** The {@code Table} factory creating the column. */
  static String factory(PropertyModel p) {
    if (p.kind() == ValueKind.CONVERTED) {
      return p.storage().comparable() ? "comparableColumn" : "objectColumn";
    }
    return p.kind().factory();
  }

  /** {@code SqlType<T>} for the property's values. */
  static TypeName sqlTypeOf(PropertyModel p) {
    return ParameterizedTypeName.get(RuntimeNames.SQL_TYPE, p.valueType());
  }
}
