package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import dev.quarry.processor.model.EmbeddedModel;
import dev.quarry.processor.model.PropertyModel;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/** Validates an {@code @EmbeddedId}: the one key of the entity, its components the key columns. */
final class EmbeddedIds {
  private EmbeddedIds() {}

  /** Key columns (in component order) and key type. */
  record Key(List<Integer> columns, ClassName type) {}

  /** Whether a key class declares equals(Object) and hashCode(): the identity map compares keys by value. */
  private static boolean valueEquality(EmbeddedModel id) {
    TypeElement type = (TypeElement) ((DeclaredType) PropertyCollector.typeOf(id.element())).asElement();
    boolean equals = false;
    boolean hashCode = false;
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      equals |= m.getSimpleName().contentEquals("equals") && m.getParameters().size() == 1
          && m.getParameters().get(0).asType().toString().equals("java.lang.Object");
      hashCode |= m.getSimpleName().contentEquals("hashCode") && m.getParameters().isEmpty();
    }
    return equals && hashCode;
  }

  /** The key, or null after reporting why the entity's key declarations conflict. */
  static Key key(TypeElement entity, List<EmbeddedModel> embeddedIds, List<PropertyModel> ids,
      AnnotationMirror idClass, Diagnostics diagnostics) {
    EmbeddedModel id = embeddedIds.get(0);
    if (embeddedIds.size() > 1) {
      EmbeddedModel second = embeddedIds.get(1);
      diagnostics.error(second.element(), Errors.severalEmbeddedIds(second.name()));
      return null;
    }
    if (idClass != null) {
      diagnostics.error(entity, idClass, Errors.embeddedIdWithIdClass(id.name()));
      return null;
    }
    List<PropertyModel> others = ids.stream().filter(p -> p.embedded() == null || p.embedded().owner() != id)
        .toList();
    if (!others.isEmpty()) {
      diagnostics.error(others.get(0).element(), Mirrors.find(others.get(0).element(), RuntimeNames.ID),
          Errors.embeddedIdWithIds(id.name(), others.stream().map(PropertyModel::name).toList()));
      return null;
    }
    if (!id.record() && !valueEquality(id)) {
      diagnostics.error(id.element(), Mirrors.find(id.element(), RuntimeNames.EMBEDDED_ID),
          Errors.embeddedIdEquality(id.name(), id.type().simpleName()));
      return null;
    }
    return new Key(id.components().stream().map(EmbeddedModel.Component::column).toList(), id.type());
  }
}
