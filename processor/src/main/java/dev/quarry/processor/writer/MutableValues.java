package dev.quarry.processor.writer;

import com.palantir.javapoet.CodeBlock;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;

/**
 * Snapshot and dirty-check code for values the user may change in place ({@code @Json} maps,
 * lists and objects): the snapshot holds the column type's deep copy, and a column is compared
 * with the type's {@code same} (equal JSON documents) instead of {@code equals}.
 */
final class MutableValues {
  private MutableValues() {}

  /** Whether column {@code p} holds such values. */
  static boolean mutable(PropertyModel p) {
    return p.kind() == ValueKind.JSON;
  }

  /** The snapshot copy of {@code value} (the column's current value): the type's deep copy. */
  static CodeBlock copy(MappingWriter w, PropertyModel p, CodeBlock value) {
    String type = w.typeConstant(p);
    return CodeBlock.of("$N.copy($N.cast($L))", type, type, value);
  }

  /** Whether {@code value} and {@code old} (the snapshot's value) are the same document. */
  static CodeBlock same(MappingWriter w, PropertyModel p, CodeBlock value, CodeBlock old) {
    String type = w.typeConstant(p);
    return CodeBlock.of("$N.same($N.cast($L), $N.cast($L))", type, type, value, type, old);
  }
}
