package dev.quarry.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Finds references to types that do not exist (yet). Such an entity is deferred to the next round,
 * because another processor may generate the missing type; only in the last round is it an error.
 */
final class MissingTypes {
  private MissingTypes() {}

  static boolean in(TypeElement type) {
    if (isMissing(type.getSuperclass()) || annotationsMissing(type)) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (annotationsMissing(member)) {
        return true;
      }
      if (member instanceof VariableElement v && isMissing(v.asType())) {
        return true;
      }
      if (member instanceof ExecutableElement m) {
        if (isMissing(m.getReturnType())) {
          return true;
        }
        for (VariableElement p : m.getParameters()) {
          if (isMissing(p.asType()) && !isOwnMetamodel(type, p.asType())) {
            return true;
          }
        }
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      if (annotationsMissing(nested)) {
        return true;
      }
    }
    return false;
  }

  private static boolean annotationsMissing(Element e) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (isMissing(m.getAnnotationType())) {
        return true;
      }
      for (AnnotationValue v : m.getElementValues().values()) {
        if (valueMissing(v.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean valueMissing(Object value) {
    if (value instanceof TypeMirror t) {
      return isMissing(t);
    }
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && valueMissing(av.getValue())) {
          return true;
        }
      }
    }
    if (value instanceof String s) {
      // javac reports an unresolvable class literal's value as the string "<error>"
      return s.equals("<error>");
    }
    return false;
  }

  /**
   * Whether a missing type is the entity's own metamodel ({@code QUser}), which this processor writes
   * in the round it parses the entity: a computed property's expression method takes it as parameter,
   * so waiting for it would defer the entity forever.
   */
  static boolean isOwnMetamodel(TypeElement entity, TypeMirror type) {
    if (type.getKind() != TypeKind.ERROR) {
      return false;
    }
    String expected = "Q" + String.join("_", com.palantir.javapoet.ClassName.get(entity).simpleNames());
    String name = type.toString();
    return name.equals(expected) || name.endsWith("." + expected);
  }

  static boolean isMissing(TypeMirror type) {
    if (type == null) {
      return false;
    }
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType a) {
      return isMissing(a.getComponentType());
    }
    if (type instanceof WildcardType w) {
      return isMissing(w.getExtendsBound()) || isMissing(w.getSuperBound());
    }
    if (type instanceof DeclaredType d) {
      for (TypeMirror arg : d.getTypeArguments()) {
        if (isMissing(arg)) {
          return true;
        }
      }
    }
    return false;
  }
}
