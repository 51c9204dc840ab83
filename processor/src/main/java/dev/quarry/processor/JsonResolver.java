package dev.quarry.processor;

import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.PropertyModel.Storage;
import dev.quarry.processor.model.ValueKind;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @Json} property: Jackson on the class path, a type known at compile time that
 * Jackson can create, no key. The generated column type carries the full generic type.
 */
final class JsonResolver {
  static final String JSON = RuntimeNames.ANNOTATION + "Json";
  private static final String TYPE_REFERENCE = "com.fasterxml.jackson.core.type.TypeReference";
  private static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation.";

  private final Elements elements;

  JsonResolver(Elements elements) {
    this.elements = elements;
  }

  /** The resolved JSON storage, or null after reporting an error on {@code element}. */
  TypeResolver.Resolved resolve(String property, Element element, TypeMirror type, AnnotationMirror json,
      Diagnostics diagnostics) {
    String shown = TypeResolver.display(type);
    if (type.getKind().isPrimitive()) {
      diagnostics.error(element, json, Errors.jsonPrimitive(property, shown));
      return null;
    }
    if (!concrete(type)) {
      diagnostics.error(element, json, Errors.jsonTypeVariable(property, shown));
      return null;
    }
    if (Mirrors.has(element, RuntimeNames.ID)) {
      diagnostics.error(element, json, Errors.jsonId(property));
      return null;
    }
    if (type.getKind() == TypeKind.DECLARED && uncreatable((TypeElement) ((DeclaredType) type).asElement())) {
      diagnostics.error(element, json, Errors.jsonAbstract(property, shown));
      return null;
    }
    if (elements.getTypeElement(TYPE_REFERENCE) == null) {
      diagnostics.error(element, json, Errors.jsonWithoutJackson(property));
      return null;
    }
    return new TypeResolver.Resolved(ValueKind.JSON, new Storage(false, null, null, false), TypeName.get(type), false);
  }

  /** Whether the type names no type variable (a generic mapped superclass's T), at any depth. */
  private static boolean concrete(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
          if (!concrete(arg)) {
            return false;
          }
        }
        return true;
      case ARRAY:
        return concrete(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType w = (WildcardType) type;
        return (w.getExtendsBound() == null || concrete(w.getExtendsBound()))
            && (w.getSuperBound() == null || concrete(w.getSuperBound()));
      default:
        return type.getKind().isPrimitive();
    }
  }

  /**
   * An interface or abstract class of the application that says nothing to Jackson about how to
   * create it: reading would fail on the first row. JDK collections and maps are fine (Jackson
   * picks ArrayList, LinkedHashMap, …), as are types with Jackson's polymorphism annotations.
   */
  private static boolean uncreatable(TypeElement t) {
    boolean isAbstract = t.getKind() == ElementKind.INTERFACE
        || (t.getKind() == ElementKind.CLASS && t.getModifiers().contains(Modifier.ABSTRACT));
    if (!isAbstract) {
      return false;
    }
    String name = t.getQualifiedName().toString();
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("com.fasterxml.")) {
      return false;
    }
    for (AnnotationMirror m : t.getAnnotationMirrors()) {
      String a = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (a.startsWith(JACKSON_ANNOTATION) || a.startsWith("com.fasterxml.jackson.databind.annotation.")) {
        return false;
      }
    }
    return true;
  }
}
