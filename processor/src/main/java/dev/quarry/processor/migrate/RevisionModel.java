package dev.quarry.processor.migrate;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Revision} class as read from its annotation: the values, and where each sits in the
 * source so that a graph error points at the entry to change.
 *
 * @param usable whether the class itself is fit to be listed (public, concrete, a Migration, ...)
 */
record RevisionModel(TypeElement element, AnnotationMirror mirror, ClassName type, Ref id, List<Ref> revises,
    List<Ref> branchLabels, List<Ref> dependsOn, String message, boolean usable) {

  /** A string of the annotation and its value, for errors placed on it (null value: on the annotation). */
  record Ref(String text, AnnotationValue value) {}

  String idText() {
    return id.text();
  }

  static List<String> texts(List<Ref> refs) {
    return refs.stream().map(Ref::text).toList();
  }
}
