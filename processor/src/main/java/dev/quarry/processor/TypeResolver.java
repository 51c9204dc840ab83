package dev.quarry.processor;

import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.PropertyModel.Storage;
import dev.quarry.processor.model.ValueKind;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Decides how a property's Java type is stored: a native kind, an enum, or a converter. */
final class TypeResolver {
  /** A resolved value type. */
  record Resolved(ValueKind kind, Storage storage, TypeName valueType, boolean primitive) {}

  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;
  private final GlobalConverters globals;
  private final JsonResolver json;

  TypeResolver(Elements elements, Types types, Mirrors mirrors) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.globals = new GlobalConverters(elements, types, this);
    this.json = new JsonResolver(elements);
  }

  /** The compilation's global converters ({@code @AutoApply}, {@code @Converters}). */
  GlobalConverters globals() {
    return globals;
  }

  /** The natively supported kind of a type (no converter, no enum), or null. */
  ValueKind nativeKind(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return ValueKind.forTypeName(type.toString());
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? ValueKind.BYTES : null;
    }
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
      return ValueKind.forTypeName(e.getQualifiedName().toString());
    }
    return null;
  }

  /** Resolves the storage of {@code type}; reports an error on {@code element} and returns null when unsupported. */
  Resolved resolve(String property, Element element, TypeMirror type, Diagnostics diagnostics) {
    boolean primitive = type.getKind().isPrimitive();
    AnnotationMirror convert = Mirrors.find(element, RuntimeNames.CONVERT);
    AnnotationMirror jsonAnnotation = Mirrors.find(element, JsonResolver.JSON);
    AnnotationMirror enumerated = Mirrors.find(element, RuntimeNames.ENUMERATED);
    boolean isEnum = type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
    if (convert != null && jsonAnnotation != null) {
      diagnostics.error(element, jsonAnnotation, Errors.convertWithJson(property));
      return null;
    }
    if (enumerated != null && (convert != null || jsonAnnotation != null)) {
      diagnostics.error(element, enumerated, Errors.enumeratedWith(property, convert != null ? "@Convert" : "@Json"));
      return null;
    }
    if (enumerated != null && !isEnum) {
      diagnostics.error(element, enumerated, Errors.enumeratedNotEnum(property, display(type)));
      return null;
    }
    if (convert != null) {
      return converted(property, element, type, convert, diagnostics);
    }
    if (jsonAnnotation != null) {
      return json.resolve(property, element, type, jsonAnnotation, diagnostics);
    }
    ValueKind kind = nativeKind(type);
    if (kind != null) {
      return new Resolved(kind, null, boxedName(type), primitive);
    }
    GlobalConverters.Global global = enumerated == null ? globals.find(type) : null;
    if (global != null) {
      // Registered once for the type (@AutoApply / @Converters); @Enumerated on an enum opts out.
      return new Resolved(ValueKind.CONVERTED, new Storage(false, global.converter(), global.storedKind(),
          global.comparable()), TypeName.get(type), false);
    }
    if (isEnum) {
      boolean ordinal = enumerated != null && mirrors.enumConstant(enumerated, "value").equals("ORDINAL");
      return new Resolved(ValueKind.ENUM, new Storage(ordinal, null, null, true), TypeName.get(type), false);
    }
    diagnostics.error(element, Errors.unsupportedType(property, display(type)));
    return null;
  }

  private Resolved converted(String property, Element element, TypeMirror type, AnnotationMirror convert,
      Diagnostics diagnostics) {
    TypeMirror converter = mirrors.type(convert, "value");
    List<? extends TypeMirror> args = typeArgumentsOf(converter, RuntimeNames.CONVERTER);
    String converterName = display(converter);
    if (args == null || args.size() != 2) {
      diagnostics.error(element, convert, Errors.converterNotConverter(converterName));
      return null;
    }
    TypeMirror boxed = box(type);
    if (!types.isSameType(args.get(0), boxed)) {
      diagnostics.error(element, convert,
          Errors.converterPropertyType(converterName, display(args.get(0)), property, display(type)));
      return null;
    }
    if (boxed.getKind() == TypeKind.DECLARED && !((DeclaredType) boxed).getTypeArguments().isEmpty()) {
      diagnostics.error(element, Errors.converterGeneric(property, display(type)));
      return null;
    }
    ValueKind stored = nativeKind(args.get(1));
    if (stored == null || args.get(1).getKind().isPrimitive()) {
      diagnostics.error(element, convert, Errors.converterColumnType(converterName, display(args.get(1))));
      return null;
    }
    if (!instantiable(converter)) {
      diagnostics.error(element, convert, Errors.noPublicConstructor("@Convert", converterName));
      return null;
    }
    return new Resolved(ValueKind.CONVERTED, new Storage(false, TypeName.get(types.erasure(converter)), stored,
        isComparable(boxed)), TypeName.get(boxed), type.getKind().isPrimitive());
  }

  /** Whether values of the (boxed) type are {@code Comparable} to each other (the column class offers order). */
  boolean isComparable(TypeMirror boxed) {
    TypeElement comparable = elements.getTypeElement("java.lang.Comparable");
    return types.isAssignable(boxed, types.getDeclaredType(comparable, types.getWildcardType(null, boxed)));
  }

  /**
   * The type arguments with which {@code type} implements the generic interface or class
   * {@code qualifiedName} (e.g. {@code Converter<Money, String>}), or null when it does not.
   */
  List<? extends TypeMirror> typeArgumentsOf(TypeMirror type, String qualifiedName) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
    if (e.getQualifiedName().contentEquals(qualifiedName)) {
      return ((DeclaredType) type).getTypeArguments();
    }
    for (TypeMirror sup : types.directSupertypes(type)) {
      List<? extends TypeMirror> found = typeArgumentsOf(sup, qualifiedName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Whether generated code can write {@code new T()}: a public, non-abstract class with a public no-arg constructor. */
  boolean instantiable(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
    if (e.getKind() != ElementKind.CLASS || e.getModifiers().contains(Modifier.ABSTRACT)
        || !e.getModifiers().contains(Modifier.PUBLIC)
        || (e.getNestingKind() == NestingKind.MEMBER && !e.getModifiers().contains(Modifier.STATIC))) {
      return false;
    }
    for (ExecutableElement c : ElementFilter.constructorsIn(e.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  TypeMirror box(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
  }

  TypeName boxedName(TypeMirror type) {
    return TypeName.get(box(type));
  }

  /** A readable name for messages: simple names for java.lang, java.time, java.util, java.math. */
  static String display(TypeMirror type) {
    String s = type.toString();
    return s.replaceAll("\\bjava\\.(lang|time|util|math)\\.(?=[A-Z])", "");
  }
}
