package dev.quarry.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.RelationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * The relationship half of {@code User_Mapping}: a {@code RelationInfo} per relationship and
 * direct get/set calls for each, so the session loads and links related objects without reflection.
 */
final class RelationAccessorWriter {
  static final ClassName RELATION_INFO = ClassName.get("dev.quarry.spi", "RelationInfo");
  static final ClassName FETCH_TYPE = ClassName.get("dev.quarry.annotation", "FetchType");
  static final ClassName CASCADE_TYPE = ClassName.get("dev.quarry.annotation", "CascadeType");
  /** The cascades the session acts on, in the order {@code RelationInfo.cascade} takes them. */
  private static final List<String> CASCADES = List.of("SAVE_UPDATE", "DELETE", "DELETE_ORPHAN");
  private static final java.util.Map<RelationModel.Kind, String> FACTORIES = java.util.Map.of(
      RelationModel.Kind.MANY_TO_ONE, "manyToOne", RelationModel.Kind.ONE_TO_ONE, "oneToOne",
      RelationModel.Kind.ONE_TO_MANY, "oneToMany", RelationModel.Kind.MANY_TO_MANY, "manyToMany");

  private RelationAccessorWriter() {}

  /** The RELATIONS constant: a named factory per relationship, then only what differs from its annotation's defaults. */
  static FieldSpec relationsField(EntityModel e) {
    CodeBlock.Builder init = CodeBlock.builder().add("{\n").indent();
    for (int r = 0; r < e.relations().size(); r++) {
      RelationModel rel = e.relations().get(r);
      init.add("$T.$N($S, $T.class)", RELATION_INFO, FACTORIES.get(rel.kind()), rel.name(), rel.target());
      if (!rel.fetch().equals("LAZY")) {
        init.add(".fetch($T.$N)", FETCH_TYPE, rel.fetch());
      }
      if (!rel.mappedBy().isEmpty()) {
        init.add(".mappedBy($S)", rel.mappedBy());
      }
      if (rel.foreignKey() != null) {
        for (PropertyModel p : e.columns()) {
          if (p.reference() == rel) {
            init.add(".foreignKey($L)", p.index());
          }
        }
      }
      if (rel.collectionIsSet()) {
        init.add(".asSet()");
      }
      if (!rel.orderBy().isEmpty()) {
        init.add(".orderBy($S)", rel.orderBy());
      }
      if (rel.cacheRegion() != null) {
        init.add(".cached($S)", rel.cacheRegion());
      }
      List<String> cascade = CASCADES.stream().filter(rel.cascade()::contains).toList();
      if (!cascade.equals(List.of("SAVE_UPDATE"))) {
        init.add(".cascade($L)", cascade.stream().map(c -> CodeBlock.of("$T.$N", CASCADE_TYPE, c))
            .collect(CodeBlock.joining(", ")));
      }
      if (rel.joinTable() != null) {
        init.add(".joinTable($T.$N)", e.metamodelType(), MetamodelWriter.joinTableField(rel));
      }
      init.add(r + 1 < e.relations().size() ? ",\n" : "\n");
    }
    init.unindent().add("}");
    return FieldSpec.builder(ArrayTypeName.of(RELATION_INFO), "RELATIONS", Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).initializer(init.build()).build();
  }

  /** relationCount, relation, getRelation, setRelation; {@code guarded} switches interception off. */
  static List<MethodSpec> methods(EntityModel e, UnaryOperator<CodeBlock> guarded) {
    List<MethodSpec> out = new ArrayList<>();
    if (e.relations().isEmpty()) {
      return none(e);
    }
    out.add(MethodSpec.methodBuilder("relationCount").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT).addStatement("return $L", e.relations().size()).build());
    out.add(MethodSpec.methodBuilder("relation").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(RELATION_INFO).addParameter(int.class, "r").addStatement("return RELATIONS[r]").build());
    CodeBlock.Builder get = CodeBlock.builder().beginControlFlow("switch (r)");
    CodeBlock.Builder set = CodeBlock.builder().beginControlFlow("switch (r)");
    for (int r = 0; r < e.relations().size(); r++) {
      RelationModel rel = e.relations().get(r);
      get.add("case $L:\n", r).indent().addStatement("return $L", rel.access().read("e")).unindent();
      set.add("case $L:\n", r).indent()
          .addStatement(rel.access().write("e", CodeBlock.of("($T) value", rel.type())))
          .addStatement("return").unindent();
    }
    for (CodeBlock.Builder b : List.of(get, set)) {
      b.add("default:\n").indent()
          .addStatement("throw new $T($S + r)", IndexOutOfBoundsException.class, e.entityName() + " has no relationship ")
          .unindent().endControlFlow();
    }
    out.add(MethodSpec.methodBuilder("getRelation").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(Object.class).addParameter(e.type(), "e").addParameter(int.class, "r")
        .addCode(guarded.apply(get.build())).build());
    MethodSpec.Builder setRelation = MethodSpec.methodBuilder("setRelation").addAnnotation(Override.class);
    if (e.relations().stream().anyMatch(rel -> rel.type() instanceof ParameterizedTypeName)) {
      // casting to the declared collection type is unchecked (and only then: ecj reports unneeded suppressions)
      setRelation.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked")
          .build());
    }
    out.add(setRelation.addModifiers(Modifier.PUBLIC).addParameter(e.type(), "e").addParameter(int.class, "r")
        .addParameter(Object.class, "value").addCode(guarded.apply(set.build())).build());
    return out;
  }

  /** The four methods of an entity without relationships. */
  private static List<MethodSpec> none(EntityModel e) {
    CodeBlock none = CodeBlock.of("throw new $T($S + r)", IndexOutOfBoundsException.class,
        e.entityName() + " has no relationship ");
    return List.of(
        MethodSpec.methodBuilder("relationCount").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT).addStatement("return 0").build(),
        MethodSpec.methodBuilder("relation").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(RELATION_INFO).addParameter(int.class, "r").addStatement(none).build(),
        MethodSpec.methodBuilder("getRelation").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(Object.class).addParameter(e.type(), "e").addParameter(int.class, "r").addStatement(none).build(),
        MethodSpec.methodBuilder("setRelation").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(e.type(), "e").addParameter(int.class, "r").addParameter(Object.class, "value")
            .addStatement(none).build());
  }
}
