package dev.quarry.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.RuntimeNames;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.JoinedModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The joined-inheritance parts of generated metamodels and mappings: the root's metamodel builds
 * the hierarchy's stored tables ({@code JOINED}); every class's metamodel reads as the join of its
 * tables ({@code source()}) and creates the stored tables ({@code storedTables()}); its mapping's
 * {@code Polymorphism} names its tables (the unit of work writes them in that order).
 */
final class JoinedWriter {
  private JoinedWriter() {}

  /** Adds {@code JOINED} (root only), {@code source()} and {@code storedTables()} to a metamodel. */
  static void addToMetamodel(TypeSpec.Builder type, EntityModel e, String instance) {
    JoinedModel j = e.inheritance().joined();
    if (e.inheritance().isRoot()) {
      type.addField(FieldSpec.builder(RuntimeNames.JOINED_TABLES, "JOINED", Modifier.PUBLIC, Modifier.STATIC,
              Modifier.FINAL)
          .addJavadoc("Joined inheritance: the stored tables of the hierarchy of {@link $T} ($L).\n", e.type(),
              String.join(", ", j.tables()))
          .initializer("$T.of($N,$Wnew String[] {$L},$Wnew int[] {$L},$Wnew int[] {$L})", RuntimeNames.JOINED_TABLES,
              instance, j.tables().stream().map(t -> CodeBlock.of("$S", t)).collect(CodeBlock.joining(", ")),
              ints(j.parents()), ints(j.columnTables()))
          .build());
    }
    ClassName rootQ = EntityModel.metamodelType(e.inheritance().root());
    type.addMethod(MethodSpec.methodBuilder("source")
        .addAnnotation(Override.class)
        .addJavadoc("Reads as the join of the tables of $T ($L) and the LEFT OUTER JOIN of the hierarchy's others.\n",
            e.type(), j.path().stream().map(j.tables()::get).collect(java.util.stream.Collectors.joining(", ")))
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeNames.SQL_SELECT)
        .addStatement("return $T.JOINED.source($L)", rootQ, ints(j.path()))
        .build());
    type.addMethod(MethodSpec.methodBuilder("storedTables")
        .addAnnotation(Override.class)
        .addJavadoc("The stored tables of the hierarchy, parents first (for DDL).\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeNames.SQL_TABLE))
        .addStatement("return $T.JOINED.tables()", rootQ)
        .build());
  }

  /** The extra {@code Polymorphism} constructor arguments of a joined class; empty for single-table. */
  static CodeBlock polymorphismArguments(EntityModel e) {
    JoinedModel j = e.inheritance().joined();
    if (j == null) {
      return CodeBlock.of("");
    }
    return CodeBlock.of(", $T.JOINED, new int[] {$L}", EntityModel.metamodelType(e.inheritance().root()),
        ints(j.path()));
  }

  private static String ints(List<Integer> values) {
    return String.join(", ", values.stream().map(String::valueOf).toList());
  }
}
