package dev.quarry.processor;

import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The global converters of the compilation: classes annotated {@code @AutoApply} and classes listed
 * in any {@code @Converters}, by the Java type they convert.
 *
 * <p>Collected at the start of every round, before that round's entities are parsed, from the
 * round's root elements in qualified-name order, so the outcome (including which of two
 * converters for one type is reported) does not depend on the order javac lists elements. An
 * entity sees the converters of its own round and of earlier rounds; converters compiled
 * elsewhere are seen only when a {@code @Converters} of this compilation lists them.
 */
final class GlobalConverters {
  /** A registered global converter. */
  record Global(TypeName converter, ValueKind storedKind, boolean comparable) {}

  private static final String AUTO_APPLY = RuntimeNames.ANNOTATION + "AutoApply";
  private static final String CONVERTERS = RuntimeNames.ANNOTATION + "Converters";

  private final Elements elements;
  private final Types types;
  private final TypeResolver resolver;
  private final Map<String, Global> byType = new HashMap<>();
  private final Map<String, String> converterOf = new HashMap<>();
  private final Set<String> registered = new HashSet<>();

  GlobalConverters(Elements elements, Types types, TypeResolver resolver) {
    this.elements = elements;
    this.types = types;
    this.resolver = resolver;
  }

  /** Registers the converters declared or listed in this round's sources. */
  void collect(RoundEnvironment round, Diagnostics diagnostics) {
    TypeElement autoApply = elements.getTypeElement(AUTO_APPLY);
    if (autoApply != null) {
      for (Element e : sorted(round.getElementsAnnotatedWith(autoApply))) {
        if (e instanceof TypeElement t) {
          register(t.asType(), t, Mirrors.find(t, AUTO_APPLY), null, "@AutoApply", diagnostics);
        }
      }
    }
    TypeElement converters = elements.getTypeElement(CONVERTERS);
    if (converters != null) {
      for (Element e : sorted(round.getElementsAnnotatedWith(converters))) {
        AnnotationMirror m = Mirrors.find(e, CONVERTERS);
        Object listed = m == null ? null : explicit(m);
        if (!(listed instanceof List<?> values)) {
          continue;
        }
        for (Object v : values) {
          AnnotationValue value = (AnnotationValue) v;
          if (value.getValue() instanceof TypeMirror type) {
            register(type, e, m, value, "@Converters", diagnostics);
          }
        }
      }
    }
  }

  /** The global converter for a (boxed) property type, or null. */
  Global find(TypeMirror boxed) {
    if (boxed.getKind() != TypeKind.DECLARED || !((DeclaredType) boxed).getTypeArguments().isEmpty()) {
      return null;
    }
    return byType.get(((TypeElement) ((DeclaredType) boxed).asElement()).getQualifiedName().toString());
  }

  private static Object explicit(AnnotationMirror m) {
    AnnotationValue v = Mirrors.explicitValue(m, "value");
    return v == null ? null : v.getValue();
  }

  private void register(TypeMirror converter, Element element, AnnotationMirror mirror, AnnotationValue value,
      String annotation, Diagnostics diagnostics) {
    String name = TypeResolver.display(types.erasure(converter));
    if (converter.getKind() != TypeKind.DECLARED || !registered.add(name)) {
      return;
    }
    List<? extends TypeMirror> args = resolver.typeArgumentsOf(converter, RuntimeNames.CONVERTER);
    if (args == null || args.size() != 2) {
      diagnostics.error(element, mirror, value, Errors.globalNotConverter(annotation, name));
      return;
    }
    TypeMirror javaType = args.get(0);
    if (javaType.getKind() != TypeKind.DECLARED || !((DeclaredType) javaType).getTypeArguments().isEmpty()) {
      diagnostics.error(element, mirror, value,
          Errors.globalNotConcrete(annotation, name, TypeResolver.display(javaType)));
      return;
    }
    String javaName = ((TypeElement) ((DeclaredType) javaType).asElement()).getQualifiedName().toString();
    if (resolver.nativeKind(javaType) != null) {
      diagnostics.error(element, mirror, value,
          Errors.globalForNativeType(annotation, name, TypeResolver.display(javaType)));
      return;
    }
    ValueKind stored = resolver.nativeKind(args.get(1));
    if (stored == null) {
      diagnostics.error(element, mirror, value, Errors.converterColumnType(name, TypeResolver.display(args.get(1))));
      return;
    }
    if (!resolver.instantiable(converter)) {
      diagnostics.error(element, mirror, value, Errors.noPublicConstructor(annotation, name));
      return;
    }
    String first = converterOf.putIfAbsent(javaName, name);
    if (first != null) {
      diagnostics.error(element, mirror, value,
          Errors.duplicateGlobalConverter(TypeResolver.display(javaType), first, name));
      return;
    }
    byType.put(javaName, new Global(TypeName.get(types.erasure(converter)), stored,
        resolver.isComparable(javaType)));
  }

  private static List<Element> sorted(Set<? extends Element> elements) {
    List<Element> out = new ArrayList<>(elements);
    out.sort(Comparator.comparing(GlobalConverters::sortKey));
    return out;
  }

  /** Packages and classes by qualified name; packages first, so a package's list precedes its classes. */
  private static String sortKey(Element e) {
    String name = e instanceof QualifiedNameable q ? q.getQualifiedName().toString() : e.toString();
    return (e.getKind() == ElementKind.PACKAGE ? "0:" : "1:") + name;
  }
}
