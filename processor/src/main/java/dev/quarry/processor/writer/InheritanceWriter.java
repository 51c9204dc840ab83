package dev.quarry.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.quarry.processor.RuntimeNames;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.InheritanceModel;
import dev.quarry.processor.model.PropertyModel;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The single-table inheritance parts of generated mappings and metamodels: the {@code Polymorphism}
 * descriptor (root, discriminator column and values, value-to-mapping switch) and the values of
 * synthetic columns (the discriminator constant; null for other classes' columns).
 */
final class InheritanceWriter {
  private InheritanceWriter() {}

  /** Adds {@code POLYMORPHISM}, {@code polymorphism()} and {@code mappingFor(String)} to a mapping. */
  static void addTo(TypeSpec.Builder type, List<MethodSpec> methods, EntityModel e) {
    InheritanceModel h = e.inheritance();
    ClassName mappingType = RuntimeNames.ENTITY_MAPPING;
    ParameterizedTypeName anyMapping = ParameterizedTypeName.get(mappingType, WildcardTypeName.subtypeOf(Object.class));
    type.addField(FieldSpec.builder(RuntimeNames.POLYMORPHISM, "POLYMORPHISM", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("Single-table inheritance: hierarchy of {@link $T}, discriminator column $L.\n", h.root(),
            h.discriminatorColumn())
        .initializer("new $T($T.class, $L, $S, $T.of($L), $T::mappingFor$L)", RuntimeNames.POLYMORPHISM, h.root(),
            h.discriminatorColumn(), h.value(), List.class,
            h.values().stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")), e.mappingType(),
            JoinedWriter.polymorphismArguments(e))
        .build());
    methods.add(MethodSpec.methodBuilder("polymorphism")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeNames.POLYMORPHISM)
        .addStatement("return POLYMORPHISM")
        .build());
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (value)");
    for (Map.Entry<String, ClassName> c : h.classes().entrySet()) {
      body.add("case $S:\n", c.getKey()).indent()
          .addStatement("return $T.INSTANCE", EntityModel.mappingType(c.getValue())).unindent();
    }
    body.add("default:\n").indent().addStatement("return null").unindent().endControlFlow();
    methods.add(MethodSpec.methodBuilder("mappingFor")
        .addJavadoc("The mapping of the hierarchy class whose discriminator value is {@code value}, or null.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(String.class, "value")
        .returns(anyMapping)
        .addCode(body.build())
        .build());
  }

  /** The value {@code get} returns for a synthetic column: the discriminator constant, else null. */
  static CodeBlock syntheticValue(EntityModel e, PropertyModel p) {
    return p.index() == e.inheritance().discriminatorColumn() ? CodeBlock.of("$S", e.inheritance().value())
        : CodeBlock.of("null");
  }

  /** Javadoc of a metamodel column that is not an ordinary property, or null. */
  static CodeBlock columnJavadoc(EntityModel e, PropertyModel p) {
    InheritanceModel h = e.inheritance();
    if (h == null) {
      return null;
    }
    if (p.index() == h.discriminatorColumn()) {
      return CodeBlock.of("Discriminator column {@code $L} of the hierarchy of {@link $T}, written by Quarry "
          + "({@code $L} for this class).\n", p.columnName(), h.root(), h.value());
    }
    if (h.absentColumns().contains(p.index())) {
      return CodeBlock.of("Column {@code $L} of another class of the hierarchy (a column of the shared table).\n",
          p.columnName());
    }
    return null;
  }

  /** Whether a column declared below the root must be nullable in the shared table. */
  static boolean sharedNullable(EntityModel e, PropertyModel p) {
    return e.inheritance() != null && e.inheritance().subclassColumns().contains(p.index());
  }

  /** Whether the entity is an abstract class of a hierarchy (it has no rows of its own). */
  static boolean isAbstract(EntityModel e) {
    return e.inheritance() != null && e.element().getModifiers().contains(Modifier.ABSTRACT);
  }

  /**
   * {@code newInstance()} of an abstract class: references to it hold their key in an instance
   * of the first concrete class of the hierarchy until the session replaces it with the loaded row.
   */
  static MethodSpec abstractNewInstance(EntityModel e) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("newInstance").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(e.type());
    // the first concrete class at or below this one (an abstract intermediate's placeholder must be one of its own)
    ClassName concrete = e.inheritance().values().isEmpty() ? null
        : e.inheritance().classes().get(e.inheritance().values().get(0));
    if (concrete == null) {
      return m.addStatement("throw new $T($S)", UnsupportedOperationException.class, e.entityName()
          + " is abstract and its hierarchy has no concrete class").build();
    }
    return m.addComment("$T is abstract: a key-holding placeholder is a $T until the row is loaded", e.type(),
            concrete)
        .addStatement("return $T.INSTANCE.newInstance()", EntityModel.mappingType(concrete)).build();
  }
}
