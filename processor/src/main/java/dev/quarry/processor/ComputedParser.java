package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.ComputedModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.RelationModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Parses {@code @Computed} getters and finds the static method giving each one's SQL expression:
 * {@code static StringExpression fullName(QUser u)}. The parameter names the metamodel generated in
 * this same round, so while the entity is parsed it is usually an error type; it is recognised by
 * name (see {@link MissingTypes#isOwnMetamodel}).
 */
final class ComputedParser {
  /** Methods of the generated table ({@code Table}, {@code EntityTable}, {@code Object}) a computed property would hide. */
  private static final Set<String> TABLE_METHODS = Set.of("schema", "name", "alias", "displayName", "qualifiedName",
      "columns", "column", "hasColumn", "primaryKey", "foreignKeys", "indexes", "uniqueConstraints", "checks",
      "sequences", "as", "sameTableAs", "toString", "entityType", "hashCode", "getClass", "notify", "notifyAll",
      "wait", "clone", "finalize", "columnList");

  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;
  private final TypeResolver resolver;

  ComputedParser(Elements elements, Types types, Mirrors mirrors, TypeResolver resolver) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.resolver = resolver;
  }

  List<ComputedModel> parse(TypeElement entity, List<PropertyModel> columns, List<RelationModel> relations,
      Diagnostics diagnostics) {
    List<ComputedModel> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    columns.forEach(p -> taken.add(p.embedded() != null ? p.embedded().owner().name() : p.name()));
    relations.forEach(r -> taken.add(r.name()));
    String metamodel = "Q" + String.join("_", ClassName.get(entity).simpleNames());
    List<ExecutableElement> methods = ElementFilter.methodsIn(entity.getEnclosedElements());
    for (ExecutableElement getter : methods) {
      AnnotationMirror computed = Mirrors.find(getter, RuntimeNames.COMPUTED);
      if (computed == null) {
        continue;
      }
      String property = propertyName(getter);
      if (property == null) {
        diagnostics.error(getter, computed, Errors.computedNotGetter(getter.getSimpleName().toString()));
        continue;
      }
      if (taken.contains(property)) {
        diagnostics.error(getter, computed, Errors.computedClash(property, "a persistent property of that name"));
        continue;
      }
      if (TABLE_METHODS.contains(property)) {
        diagnostics.error(getter, computed, Errors.computedClash(property, "the method " + property
            + "() every generated table has"));
        continue;
      }
      String named = mirrors.string(computed, "expression");
      String methodName = named.isEmpty() ? property : named;
      TypeMirror boxed = resolver.box(getter.getReturnType());
      String suggestion = expressionType(boxed);
      String wanted = "static " + suggestion + " " + methodName + "(" + metamodel + " t)";
      List<ExecutableElement> candidates = methods.stream()
          .filter(m -> m.getSimpleName().contentEquals(methodName) && m.getModifiers().contains(Modifier.STATIC))
          .toList();
      if (candidates.isEmpty()) {
        diagnostics.error(getter, computed, Errors.computedWithoutExpression(property, methodName + "(" + metamodel
            + ")", wanted + " { return ...; }"));
        continue;
      }
      ExecutableElement method = candidates.get(0);
      String display = methodName + "(" + String.join(", ", method.getParameters().stream()
          .map(v -> simple(v.asType())).toList()) + ")";
      if (method.getModifiers().contains(Modifier.PRIVATE) || method.getParameters().size() != 1
          || !isMetamodel(method.getParameters().get(0).asType(), entity, metamodel)) {
        diagnostics.error(method, Errors.computedExpressionSignature(property, display,
            "non-private, static and take the metamodel: " + wanted));
        continue;
      }
      TypeMirror returned = method.getReturnType();
      TypeElement expression = elements.getTypeElement(RuntimeNames.SQL_EXPRESSION.canonicalName());
      if (expression == null || returned.getKind() != TypeKind.DECLARED
          || !types.isAssignable(returned, types.getDeclaredType(expression, boxed))) {
        diagnostics.error(method, Errors.computedExpressionType(property, display, simple(returned),
            TypeResolver.display(getter.getReturnType()), suggestion));
        continue;
      }
      taken.add(property);
      out.add(new ComputedModel(property, methodName, TypeName.get(returned)));
    }
    return out;
  }

  /** The metamodel type: generated later this round (an error type named like it) or from an earlier build. */
  private static boolean isMetamodel(TypeMirror type, TypeElement entity, String metamodel) {
    if (type.getKind() == TypeKind.ERROR) {
      return MissingTypes.isOwnMetamodel(entity, type);
    }
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getSimpleName()
        .contentEquals(metamodel);
  }

  /** A type without package names, for messages: {@code NumberExpression<Integer>}. */
  private static String simple(TypeMirror type) {
    return type.toString().replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
  }

  /** The natural expression type for a getter's (boxed) type, for fix hints. */
  private static String expressionType(TypeMirror boxed) {
    String name = boxed.toString();
    return switch (name) {
      case "java.lang.String" -> "StringExpression";
      case "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Double", "java.lang.Float",
          "java.math.BigDecimal", "java.math.BigInteger" ->
          "NumberExpression<" + name.substring(name.lastIndexOf('.') + 1) + ">";
      case "java.lang.Boolean" -> "Predicate";
      default -> "Expression<" + TypeResolver.display(boxed) + ">";
    };
  }

  private static String propertyName(ExecutableElement m) {
    return PropertyCollector.propertyNameOfGetter(m);
  }
}
