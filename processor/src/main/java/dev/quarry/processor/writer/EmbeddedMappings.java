package dev.quarry.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.quarry.processor.model.EmbeddedModel;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Mapping code for embedded values. Their components are ordinary columns of the mapping; two
 * static helpers per value turn column values into the value and back: {@code homeAddressOf(...)}
 * builds it from its column values (null when all are NULL), {@code homeAddressWith(old, k, v)}
 * rebuilds it with one component replaced, which is how {@code set(entity, column, value)} writes a
 * single component of a record (and of a class, so no instance is shared with a snapshot).
 */
final class EmbeddedMappings {
  private EmbeddedMappings() {}

  static String ofMethod(EmbeddedModel m) {
    return m.name() + "Of";
  }

  static String withMethod(EmbeddedModel m) {
    return m.name() + "With";
  }

  /** The column properties of {@code m}, in component order. */
  static List<PropertyModel> columns(EntityModel e, EmbeddedModel m) {
    return m.components().stream().map(c -> e.columns().get(c.column())).toList();
  }

  /** {@code e.homeAddress == null ? null : e.homeAddress.city()}: the column value of a component. */
  static CodeBlock value(PropertyModel p, String target) {
    EmbeddedModel m = p.embedded().owner();
    CodeBlock owner = m.access().read(target);
    return CodeBlock.of("$L == null ? null : $L", owner,
        m.components().get(p.embedded().component()).access().read(owner.toString()));
  }

  /** Statement writing component {@code p} of the entity's value: the value rebuilt with it replaced. */
  static CodeBlock set(PropertyModel p, String value) {
    EmbeddedModel m = p.embedded().owner();
    return m.access().write("e", CodeBlock.of("$N($L, $L, $N)", withMethod(m), m.access().read("e"),
        p.embedded().component(), value));
  }

  /** Statement writing the whole value from column values held in {@code args}. */
  static CodeBlock assign(EmbeddedModel m, CodeBlock args) {
    return m.access().write("e", CodeBlock.of("$N($L)", ofMethod(m), args));
  }

  /** The helpers of every embedded value of the entity. */
  static List<MethodSpec> methods(EntityModel e) {
    List<MethodSpec> out = new ArrayList<>();
    for (EmbeddedModel m : e.embeddeds()) {
      out.add(of(e, m));
      out.add(with(e, m));
    }
    return out;
  }

  private static MethodSpec of(EntityModel e, EmbeddedModel m) {
    List<PropertyModel> columns = columns(e, m);
    MethodSpec.Builder b = MethodSpec.methodBuilder(ofMethod(m))
        .addJavadoc("{@code $L} from its column values; null when every column is NULL.\n", m.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(m.type());
    CodeBlock.Builder allNull = CodeBlock.builder();
    CodeBlock.Builder args = CodeBlock.builder();
    for (int k = 0; k < columns.size(); k++) {
      PropertyModel p = columns.get(k);
      String name = m.components().get(k).name();
      b.addParameter(p.valueType(), name);
      allNull.add(k == 0 ? "$N == null" : " && $N == null", name);
      args.add(k == 0 ? "$L" : ",$W$L", primitive(p, name));
    }
    b.beginControlFlow("if ($L)", allNull.build()).addStatement("return null").endControlFlow();
    if (m.record()) {
      return b.addStatement("return new $T($L)", m.type(), args.build()).build();
    }
    b.addStatement("$T value = new $T()", m.type(), m.type());
    for (int k = 0; k < columns.size(); k++) {
      EmbeddedModel.Component c = m.components().get(k);
      b.addStatement(c.access().write("value", primitive(columns.get(k), c.name())));
    }
    return b.addStatement("return value").build();
  }

  private static MethodSpec with(EntityModel e, EmbeddedModel m) {
    List<PropertyModel> columns = columns(e, m);
    CodeBlock.Builder args = CodeBlock.builder();
    for (int k = 0; k < columns.size(); k++) {
      PropertyModel p = columns.get(k);
      args.add(k == 0 ? "\n$L" : ",\n$L", CodeBlock.of("component == $L ? ($T) value : old == null ? null : $L", k,
          p.valueType(), m.components().get(k).access().read("old")));
    }
    return MethodSpec.methodBuilder(withMethod(m))
        .addJavadoc("{@code old} (a {@code $L} value) with component {@code component} replaced by {@code value}.\n",
            m.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(m.type(), "old")
        .addParameter(int.class, "component")
        .addParameter(Object.class, "value")
        .returns(m.type())
        .addStatement("return $N($>$L$<)", ofMethod(m), args.build())
        .build();
  }

  /** A boxed column value as the component's declared type: primitives get their zero for NULL. */
  private static CodeBlock primitive(PropertyModel p, String name) {
    if (!p.primitive()) {
      return CodeBlock.of("$N", name);
    }
    return CodeBlock.of("$N == null ? $L : $N", name, MappingWriter.zero(p.type()), name);
  }
}
