package dev.quarry.processor.writer;

import com.palantir.javapoet.CodeBlock;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;
import java.util.List;
import java.util.function.Function;

/**
 * Snapshot and dirty-check code for values the user may change in place ({@code @Json} maps,
 * lists and objects): the snapshot holds the column type's deep copy, and a column is compared
 * with the type's {@code same} (equal JSON documents) instead of {@code equals}.
 */
final class MutableValues {
  private MutableValues() {}

  private static List<PropertyModel> of(EntityModel e) {
    return e.columns().stream().filter(p -> p.kind() == ValueKind.JSON).toList();
  }

  /** Statements replacing {@code s[i]} by a deep copy for each such column; empty when there is none. */
  static CodeBlock snapshotCopies(EntityModel e, Function<PropertyModel, String> typeConstant) {
    CodeBlock.Builder b = CodeBlock.builder();
    List<PropertyModel> mutable = of(e);
    if (!mutable.isEmpty()) {
      b.add("// deep copies, so that changing a JSON map, list or object in place shows as a change\n");
    }
    for (PropertyModel p : mutable) {
      String type = typeConstant.apply(p);
      b.addStatement("s[$L] = $N.copy($N.cast(s[$L]))", p.index(), type, type, p.index());
    }
    return b.build();
  }

  /**
   * The statement {@code boolean same = ...} telling whether column {@code i}'s {@code value}
   * equals {@code snapshot[i]}: {@code plain} for ordinary columns, the type's {@code same} for
   * mutable ones.
   */
  static CodeBlock same(EntityModel e, Function<PropertyModel, String> typeConstant, CodeBlock plain) {
    List<PropertyModel> mutable = of(e);
    if (mutable.isEmpty()) {
      return CodeBlock.builder().addStatement("boolean same = $L", plain).build();
    }
    CodeBlock.Builder b = CodeBlock.builder().add("boolean same = switch (i) {\n").indent();
    for (PropertyModel p : mutable) {
      String type = typeConstant.apply(p);
      b.add("case $L -> $N.same($N.cast(value), $N.cast(snapshot[i]));\n", p.index(), type, type, type);
    }
    // The doubled indent only shows when the plain comparison wraps onto a second line.
    return b.add("default -> $>$>$L$<$<;\n", plain).unindent().add("};\n").build();
  }
}
