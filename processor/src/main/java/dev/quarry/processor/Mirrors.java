package dev.quarry.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reads annotations as mirrors, by qualified name, so the processor never loads runtime classes. */
public final class Mirrors {
  private final Elements elements;

  public Mirrors(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of that qualified name on {@code element}, or null. */
  public static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return m;
      }
    }
    return null;
  }

  /** Whether {@code element} carries the annotation. */
  public static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName) != null;
  }

  /** The value (explicit or default) of an annotation member. */
  public AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("annotation " + mirror.getAnnotationType() + " has no member " + member);
  }

  /** The explicitly written value of a member, or null (for error positions). */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

  public String string(AnnotationMirror mirror, String member) {
    return (String) value(mirror, member).getValue();
  }

  public boolean bool(AnnotationMirror mirror, String member) {
    return (Boolean) value(mirror, member).getValue();
  }

  public int integer(AnnotationMirror mirror, String member) {
    return (Integer) value(mirror, member).getValue();
  }

  /** The simple name of an enum constant value. */
  public String enumConstant(AnnotationMirror mirror, String member) {
    return ((VariableElement) value(mirror, member).getValue()).getSimpleName().toString();
  }

  /** A {@code Class} value as a type mirror. */
  public TypeMirror type(AnnotationMirror mirror, String member) {
    return (TypeMirror) value(mirror, member).getValue();
  }

  /** A {@code String[]} value. */
  public List<String> strings(AnnotationMirror mirror, String member) {
    List<String> out = new ArrayList<>();
    for (Object v : list(mirror, member)) {
      out.add((String) ((AnnotationValue) v).getValue());
    }
    return out;
  }

  /** An array of nested annotations. */
  public List<AnnotationMirror> annotations(AnnotationMirror mirror, String member) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (Object v : list(mirror, member)) {
      out.add((AnnotationMirror) ((AnnotationValue) v).getValue());
    }
    return out;
  }

  private List<?> list(AnnotationMirror mirror, String member) {
    Object v = value(mirror, member).getValue();
    return v instanceof List<?> l ? l : List.of();
  }
}
