package dev.quarry.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
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

  private RelationAccessorWriter() {}

  /** The RELATIONS constant. */
  static FieldSpec relationsField(EntityModel e) {
    CodeBlock.Builder init = CodeBlock.builder().add("{\n").indent();
    for (int r = 0; r < e.relations().size(); r++) {
      RelationModel rel = e.relations().get(r);
      int fkColumn = -1;
      if (rel.foreignKey() != null) {
        for (PropertyModel p : e.columns()) {
          if (p.reference() == rel) {
            fkColumn = p.index();
          }
        }
      }
      init.add("new $T($S, $T.Kind.$N, $T.class, $T.$N, $S, $L, $L, $S, $L, $L, $L, $L)$L\n", RELATION_INFO, rel.name(),
          RELATION_INFO, rel.kind().name(), rel.target(), FETCH_TYPE, rel.fetch(), rel.mappedBy(), fkColumn,
          rel.collectionIsSet(), rel.orderBy(), rel.cascade().contains("SAVE_UPDATE"), rel.cascade().contains("DELETE"),
          rel.cascade().contains("DELETE_ORPHAN"), rel.joinTable() == null ? CodeBlock.of("null")
              : CodeBlock.of("$T.$N", e.metamodelType(), MetamodelWriter.joinTableField(rel)),
          r + 1 < e.relations().size() ? "," : "");
    }
    init.unindent().add("}");
    return FieldSpec.builder(ArrayTypeName.of(RELATION_INFO), "RELATIONS", Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).initializer(init.build()).build();
  }

  /** relationCount, relation, getRelation, setRelation; {@code guarded} switches interception off. */
  static List<MethodSpec> methods(EntityModel e, UnaryOperator<CodeBlock> guarded) {
    List<MethodSpec> out = new ArrayList<>();
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
    out.add(MethodSpec.methodBuilder("setRelation").addAnnotation(Override.class)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .addModifiers(Modifier.PUBLIC).addParameter(e.type(), "e").addParameter(int.class, "r")
        .addParameter(Object.class, "value").addCode(guarded.apply(set.build())).build());
    return out;
  }
}
