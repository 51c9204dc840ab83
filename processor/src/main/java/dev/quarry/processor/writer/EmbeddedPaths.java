package dev.quarry.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.quarry.processor.Naming;
import dev.quarry.processor.RuntimeNames;
import dev.quarry.processor.model.ComputedModel;
import dev.quarry.processor.model.EmbeddedModel;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import java.util.List;
import java.util.function.BiFunction;
import javax.lang.model.element.Modifier;

/**
 * Metamodel members for embedded values and computed properties: a small nested path class per
 * embedded value ({@code QUser.user.homeAddress.city}, {@code QUser.user.homeAddress.eq(address)}),
 * and one method per computed property ({@code QUser.user.fullName()}) bound to the table instance,
 * so an alias ({@code QUser.user.as("u2").fullName()}) uses the alias's columns.
 */
final class EmbeddedPaths {
  private EmbeddedPaths() {}

  /** The nested path class of an embedded value: {@code QUser.HomeAddressPath}. */
  static ClassName pathType(EntityModel e, EmbeddedModel m) {
    return e.metamodelType().nestedClass(Naming.capitalize(m.name()) + "Path");
  }

  /** Adds the path class and the field holding it; the field creates the columns, in column order. */
  static void addTo(TypeSpec.Builder type, EntityModel e, EmbeddedModel m,
      BiFunction<EntityModel, PropertyModel, CodeBlock> columnFactory) {
    ClassName path = pathType(e, m);
    List<PropertyModel> columns = m.components().stream().map(c -> e.columns().get(c.column())).toList();
    TypeSpec.Builder cls = TypeSpec.classBuilder(path)
        .addJavadoc("Columns of embedded {@code $L} ({@link $T})$L.\n", m.name(), m.type(),
            m.prefix().isEmpty() ? "" : ", prefixed {@code " + m.prefix() + "}")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    CodeBlock.Builder args = CodeBlock.builder();
    CodeBlock.Builder all = CodeBlock.builder();
    CodeBlock.Builder eq = CodeBlock.builder();
    CodeBlock.Builder isNull = CodeBlock.builder();
    for (int k = 0; k < columns.size(); k++) {
      PropertyModel p = columns.get(k);
      EmbeddedModel.Component c = m.components().get(k);
      TypeName columnType = TypeExpressions.columnType(p);
      cls.addField(FieldSpec.builder(columnType, c.name(), Modifier.PUBLIC, Modifier.FINAL)
          .addJavadoc("Column {@code $L} of {@code $L.$L}.\n", p.columnName(), m.name(), c.name()).build());
      ctor.addParameter(columnType, c.name()).addStatement("this.$N = $N", c.name(), c.name());
      String sep = k == 0 ? "" : ",";
      args.add(sep + "\n$L", columnFactory.apply(e, p));
      all.add(k == 0 ? "$N" : ", $N", c.name());
      CodeBlock read = c.access().read("value");
      CodeBlock test = p.primitive() ? CodeBlock.of("$N.eq($L)", c.name(), read)
          : CodeBlock.of(k == 0 ? "($L == null ? $N.isNull() : $N.eq($L))" : "$L == null ? $N.isNull() : $N.eq($L)",
              read, c.name(), c.name(), read);
      eq.add(k == 0 ? "$L" : "\n.and($L)", test);
      isNull.add(k == 0 ? "$N.isNull()" : ".and($N.isNull())", c.name());
    }
    cls.addMethod(ctor.build());
    cls.addMethod(MethodSpec.methodBuilder("columns")
        .addJavadoc("The columns, in table order.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class),
            ParameterizedTypeName.get(RuntimeNames.SQL_COLUMN, WildcardTypeName.subtypeOf(Object.class))))
        .addStatement("return $T.of($L)", List.class, all.build())
        .build());
    cls.addMethod(MethodSpec.methodBuilder("eq")
        .addJavadoc("Every column equal to {@code value}'s component ({@code IS NULL} for a null component); "
            + "all columns NULL for a null value.\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(m.type(), "value")
        .returns(RuntimeNames.SQL_PREDICATE)
        .beginControlFlow("if (value == null)")
        .addStatement("return isNull()")
        .endControlFlow()
        .addStatement("return $L", CodeBlock.builder().indent().add(eq.build()).unindent().build())
        .build());
    cls.addMethod(MethodSpec.methodBuilder("isNull")
        .addJavadoc("Every column NULL: the value is null.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeNames.SQL_PREDICATE)
        .addStatement("return $L", isNull.build())
        .build());
    cls.addMethod(MethodSpec.methodBuilder("isNotNull")
        .addJavadoc("Some column not NULL: the value is present.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeNames.SQL_PREDICATE)
        .addStatement("return isNull().not()")
        .build());
    type.addType(cls.build());
    type.addField(FieldSpec.builder(path, m.name(), Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L {@code $L} ({@link $T}): its columns and comparisons with a value.\n",
            m.id() ? "Embedded id" : "Embedded value", m.name(), m.type())
        .initializer("new $T($>$>$L$<$<)", path, args.build())
        .build());
  }

  /** One method per computed property, calling the entity's static expression method with this table. */
  static void addComputed(TypeSpec.Builder type, EntityModel e) {
    for (ComputedModel c : e.computeds()) {
      type.addMethod(MethodSpec.methodBuilder(c.name())
          .addJavadoc("Computed property {@code $L} as SQL over this table (or alias): "
              + "{@link $T#$N($T)}.\n", c.name(), e.type(), c.expressionMethod(), e.metamodelType())
          .addModifiers(Modifier.PUBLIC)
          .returns(c.expressionType())
          .addStatement("return $T.$N(this)", e.type(), c.expressionMethod())
          .build());
    }
  }
}
