package dev.quarry.processor.dao;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.Diagnostics;
import dev.quarry.processor.Errors;
import dev.quarry.processor.Mirrors;
import dev.quarry.processor.Naming;
import dev.quarry.processor.dao.DaoModel.Criterion;
import dev.quarry.processor.dao.DaoModel.Derived;
import dev.quarry.processor.dao.DaoModel.Method;
import dev.quarry.processor.dao.DaoModel.Operator;
import dev.quarry.processor.dao.DaoModel.Order;
import dev.quarry.processor.dao.DaoModel.Param;
import dev.quarry.processor.dao.DaoModel.Subject;
import dev.quarry.processor.dao.DaoModel.Wrap;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a {@code @Dao} interface or abstract class into a {@link DaoModel}: checks the type, then
 * each abstract method, a derived finder (its name resolved against the entity) or a {@code @Query}
 * (see {@link QueryParser}). Every error is reported on the method (or annotation) to change.
 */
final class DaoParser {
  static final String DAO = "dev.quarry.annotation.Dao";
  static final String QUERY = "dev.quarry.annotation.Query";
  static final String DROP_IF_NULL = "dev.quarry.annotation.DropIfNull";
  static final String PAGE = "dev.quarry.orm.Page";

  private final Elements elements;
  private final Types types;
  private final QueryParser queries;
  private final ExternalEntities external;

  DaoParser(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.queries = new QueryParser(env);
    this.external = new ExternalEntities(elements, types);
  }

  /**
   * The entity {@code type} names: one of this compilation, else one compiled elsewhere read from
   * its Q-class on the class path; null when neither. {@code missingMetamodel[0]} is set when it is
   * an {@code @Entity} whose Q-class is not on the class path.
   */
  private EntityModel entity(TypeMirror type, Map<String, EntityModel> entities, boolean[] missingMetamodel) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement te = (TypeElement) types.asElement(type);
    EntityModel local = entities.get(te.getQualifiedName().toString());
    if (local != null || !ExternalEntities.isEntity(te)) {
      return local;
    }
    EntityModel found = external.of(te).orElse(null);
    missingMetamodel[0] = found == null;
    return found;
  }

  Optional<DaoModel> parse(TypeElement dao, Map<String, EntityModel> entities, List<EntityModel> models,
      Diagnostics diagnostics) {
    int errors = diagnostics.errorCount();
    String name = dao.getSimpleName().toString();
    boolean isInterface = dao.getKind() == ElementKind.INTERFACE;
    if (!isInterface && !(dao.getKind() == ElementKind.CLASS && dao.getModifiers().contains(Modifier.ABSTRACT))) {
      diagnostics.error(dao, Errors.daoNotAbstract(name));
      return Optional.empty();
    }
    if (!dao.getTypeParameters().isEmpty()) {
      diagnostics.error(dao, Errors.daoGeneric(name));
      return Optional.empty();
    }
    if (dao.getModifiers().contains(Modifier.PRIVATE)
        || dao.getNestingKind() == NestingKind.MEMBER && !isInterface && !dao.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(dao, Errors.daoPrivate(name));
      return Optional.empty();
    }
    if (!isInterface) {
      boolean constructor = false;
      for (ExecutableElement c : ElementFilter.constructorsIn(dao.getEnclosedElements())) {
        constructor |= c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE);
      }
      if (!constructor) {
        diagnostics.error(dao, Errors.daoNoConstructor(name));
        return Optional.empty();
      }
    }
    EntityModel declared = declaredEntity(dao, entities, diagnostics);
    List<Method> methods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(dao))) {
      if (!m.getModifiers().contains(Modifier.ABSTRACT) || m.getEnclosingElement().getKind() == ElementKind.CLASS
          && ((TypeElement) m.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      String method = name + "." + m.getSimpleName();
      if (!m.getTypeParameters().isEmpty()) {
        diagnostics.error(m, Errors.daoGenericMethod(method));
        continue;
      }
      List<Param> params = params(m);
      AnnotationMirror query = Mirrors.find(m, QUERY);
      if (query != null) {
        queries.parse(dao, m, method, query, params, entities, models, diagnostics).ifPresent(methods::add);
      } else {
        derived(m, method, params, declared, entities, dao, diagnostics).ifPresent(methods::add);
      }
    }
    if (diagnostics.errorCount() > errors) {
      return Optional.empty();
    }
    ClassName type = ClassName.get(dao);
    ClassName impl = ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_Impl");
    return Optional.of(new DaoModel(dao, type, impl, isInterface, methods));
  }

  private List<Param> params(ExecutableElement m) {
    List<Param> out = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      out.add(new Param(p.getSimpleName().toString(), TypeName.get(p.asType()), Mirrors.has(p, DROP_IF_NULL)));
    }
    return out;
  }

  private EntityModel declaredEntity(TypeElement dao, Map<String, EntityModel> entities, Diagnostics diagnostics) {
    AnnotationMirror mirror = Mirrors.find(dao, DAO);
    AnnotationValue value = mirror == null ? null : Mirrors.explicitValue(mirror, "entity");
    if (value != null && value.getValue() instanceof TypeMirror t && t.getKind() == TypeKind.DECLARED) {
      boolean[] noMetamodel = new boolean[1];
      EntityModel e = entity(t, entities, noMetamodel);
      if (noMetamodel[0]) {
        diagnostics.error(dao, mirror, value, Errors.daoNoMetamodel("@Dao(entity) of " + dao.getSimpleName(),
            t.toString(), EntityModel.metamodelType(ClassName.get((TypeElement) types.asElement(t))).canonicalName()));
      }
      return e;
    }
    return null;
  }

  // --- derived finders ------------------------------------------------------------------------------

  private Optional<Method> derived(ExecutableElement m, String method, List<Param> params, EntityModel declared,
      Map<String, EntityModel> entities, TypeElement dao, Diagnostics diagnostics) {
    String[] unsupported = new String[1];
    FinderNames.Split split = FinderNames.split(m.getSimpleName().toString(), unsupported);
    if (split == null) {
      diagnostics.error(m, unsupported[0] != null ? Errors.daoUnsupportedPrefix(method, unsupported[0])
          : Errors.daoNotAQuery(method));
      return Optional.empty();
    }
    if (split.limit() < 0) {
      diagnostics.error(m, Errors.daoBadLimit(method));
      return Optional.empty();
    }
    Subject subject = Subject.valueOf(split.verb().toUpperCase(java.util.Locale.ROOT));
    TypeMirror returns = m.getReturnType();
    Wrap wrap;
    EntityModel entity;
    if (subject == Subject.FIND) {
      wrap = wrapOf(returns);
      TypeMirror element = wrap == Wrap.ONE ? returns : firstTypeArgument(returns);
      boolean[] noMetamodel = new boolean[1];
      entity = entity(element, entities, noMetamodel);
      if (entity == null) {
        diagnostics.error(m, noMetamodel[0] ? Errors.daoNoMetamodel(method, element.toString(),
            EntityModel.metamodelType(ClassName.get((TypeElement) types.asElement(element))).canonicalName())
            : Errors.daoNotAnEntity(method, returns.toString()));
        return Optional.empty();
      }
      boolean many = split.modifier().equals("All") || split.limit() > 1;
      boolean single = split.modifier().equals("First") && split.limit() == 1;
      if (wrap == Wrap.PAGE && split.limit() > 0) {
        diagnostics.error(m, Errors.daoPageWithLimit(method, split.modifier() + (split.limit() > 1 ? split.limit()
            : "")));
        return Optional.empty();
      }
      if (wrap == Wrap.PAGE && !pageParameters(m, method, returns, diagnostics)) {
        return Optional.empty();
      }
      if (many && wrap != Wrap.LIST && wrap != Wrap.STREAM && wrap != Wrap.PAGE) {
        diagnostics.error(m, Errors.daoReturnType(method, "a finder of several rows", "List<"
            + entity.type().simpleName() + "> or Stream<" + entity.type().simpleName() + ">"));
        return Optional.empty();
      }
      if (single && wrap == Wrap.STREAM) {
        diagnostics.error(m, Errors.daoReturnType(method, "a finder of the first row", entity.type().simpleName()
            + ", Optional<" + entity.type().simpleName() + "> or List<" + entity.type().simpleName() + ">"));
        return Optional.empty();
      }
    } else {
      entity = declared;
      if (entity == null) {
        diagnostics.error(m, Errors.daoNoEntity(method, dao.getSimpleName().toString()));
        return Optional.empty();
      }
      String r = returns.toString();
      wrap = switch (subject) {
        case COUNT -> r.equals("long") || r.equals("java.lang.Long") ? Wrap.LONG
            : r.equals("int") || r.equals("java.lang.Integer") ? Wrap.INT : null;
        case EXISTS -> r.equals("boolean") || r.equals("java.lang.Boolean") ? Wrap.BOOLEAN : null;
        default -> r.equals("long") ? Wrap.LONG : r.equals("int") ? Wrap.INT : r.equals("void") ? Wrap.VOID : null;
      };
      if (wrap == null) {
        diagnostics.error(m, Errors.daoReturnType(method, subject.name().toLowerCase(java.util.Locale.ROOT),
            subject == Subject.COUNT ? "long or int" : subject == Subject.EXISTS ? "boolean" : "long, int or void"));
        return Optional.empty();
      }
      if (split.order() != null) {
        diagnostics.error(m, Errors.daoOrderInCountOrDelete(method));
        return Optional.empty();
      }
    }
    Map<String, PropertyModel> properties = properties(entity);
    int errors = diagnostics.errorCount();
    List<List<Criterion>> conditions = new ArrayList<>();
    int next = 0;
    List<Param> all = params;
    if (wrap == Wrap.PAGE) {
      params = params.subList(0, params.size() - 2); // the conditions' values; page and size follow
    }
    for (List<String> group : split.conditions()) {
      List<Criterion> and = new ArrayList<>();
      for (String word : group) {
        if (word.isEmpty() || word.matches("(And|Or)\\p{Lu}.*")) {
          diagnostics.error(m, Errors.daoEmptyCondition(method));
          return Optional.empty();
        }
        Criterion c = criterion(m, method, word, entity, properties, diagnostics);
        if (c == null) {
          return Optional.empty();
        }
        List<Param> used = new ArrayList<>();
        for (int i = 0; i < c.operator().arity(); i++) {
          if (next >= params.size()) {
            diagnostics.error(m, Errors.daoMissingParameter(method, c.path(), keyword(c),
                expectedType(c).toString()));
            return Optional.empty();
          }
          VariableElement pe = m.getParameters().get(next);
          Param p = params.get(next++);
          if (!compatible(pe.asType(), c)) {
            diagnostics.error(pe, Errors.daoParameterType(method, p.name(), pe.asType().toString(), c.path(),
                expectedType(c).toString()));
          }
          if (p.dropIfNull()) {
            if (pe.asType().getKind().isPrimitive()) {
              diagnostics.error(pe, Errors.daoDropIfNullPrimitive(method, p.name(), pe.asType().toString()));
            } else if (c.operator().arity() != 1) {
              diagnostics.error(pe, Errors.daoDropIfNullNotHere(method, p.name(),
                  "Between takes two values; drop the whole condition with @Query and two optional conditions"));
            } else if (subject == Subject.DELETE) {
              diagnostics.error(pe, Errors.daoDropIfNullNotHere(method, p.name(),
                  "a delete whose conditions were all dropped would delete every row; declare a method per case"));
            }
          }
          used.add(p);
        }
        and.add(new Criterion(c.property(), c.path(), c.operator(), c.ignoreCase(), used));
      }
      conditions.add(and);
    }
    if (next < params.size()) {
      diagnostics.error(m.getParameters().get(next), Errors.daoExtraParameter(method, params.get(next).name()));
      return Optional.empty();
    }
    List<Order> orders = new ArrayList<>();
    if (split.order() != null) {
      for (String[] key : FinderNames.orderKeys(split.order())) {
        PropertyModel p = properties.get(key[0]);
        if (p == null) {
          diagnostics.error(m, Errors.daoUnknownOrderProperty(method, Naming.lowerCamel(key[0]), entity.entityName(),
              suggestion(key[0], properties)));
          return Optional.empty();
        }
        orders.add(new Order(p, key[1].equals("Desc")));
      }
    }
    if (diagnostics.errorCount() > errors) {
      return Optional.empty();
    }
    return Optional.of(new Derived(m, all, TypeName.get(returns), wrap, subject, split.limit(), entity, conditions,
        orders));
  }

  /**
   * Whether a method returning {@code Page<E>} ends with the two {@code int} parameters page and
   * size; reports the error otherwise.
   */
  static boolean pageParameters(ExecutableElement m, String method, TypeMirror returns, Diagnostics diagnostics) {
    List<? extends VariableElement> ps = m.getParameters();
    int n = ps.size();
    boolean ok = n >= 2 && ps.get(n - 2).asType().getKind() == TypeKind.INT
        && ps.get(n - 1).asType().getKind() == TypeKind.INT;
    if (!ok) {
      String last = n == 0 ? "no parameters" : n == 1 ? "only '" + ps.get(0).asType() + " "
          + ps.get(0).getSimpleName() + "'" : "'" + ps.get(n - 2).asType() + " " + ps.get(n - 2)
          .getSimpleName() + ", " + ps.get(n - 1).asType() + " " + ps.get(n - 1).getSimpleName() + "' last";
      diagnostics.error(n == 0 ? m : ps.get(n - 1), Errors.daoPageParameters(method, returns.toString(), last));
      return false;
    }
    for (int i = n - 2; i < n; i++) {
      if (Mirrors.has(ps.get(i), DROP_IF_NULL)) {
        diagnostics.error(ps.get(i), Errors.daoDropIfNullPrimitive(method, ps.get(i).getSimpleName().toString(),
            "int"));
        return false;
      }
    }
    return true;
  }

  /** The entity's properties by capitalized path: {@code Name}, {@code HomeAddressCity}. */
  static Map<String, PropertyModel> properties(EntityModel entity) {
    Map<String, PropertyModel> out = new LinkedHashMap<>();
    for (PropertyModel p : entity.columns()) {
      String path = p.embedded() != null ? p.embedded().owner().name()
          + Naming.capitalize(p.embedded().owner().components().get(p.embedded().component()).name()) : p.name();
      out.put(Naming.capitalize(path), p);
    }
    return out;
  }

  private static String suggestion(String word, Map<String, PropertyModel> properties) {
    String s = FinderNames.closest(word, properties.keySet());
    return s == null ? null : Naming.lowerCamel(s);
  }

  private Criterion criterion(ExecutableElement m, String method, String word, EntityModel entity,
      Map<String, PropertyModel> properties, Diagnostics diagnostics) {
    boolean ignoreCase = false;
    for (String suffix : List.of("IgnoreCase", "IgnoringCase")) {
      if (word.endsWith(suffix) && word.length() > suffix.length()) {
        ignoreCase = true;
        word = word.substring(0, word.length() - suffix.length());
      }
    }
    String property = null;
    Operator op = null;
    String keyword = "";
    if (properties.containsKey(word)) {
      property = word;
      op = Operator.EQ;
    } else {
      for (Map.Entry<String, Operator> k : FinderNames.KEYWORDS) {
        String rest = word.endsWith(k.getKey()) ? word.substring(0, word.length() - k.getKey().length()) : "";
        if (!rest.isEmpty() && properties.containsKey(rest)) {
          property = rest;
          op = k.getValue();
          keyword = k.getKey();
          break;
        }
      }
    }
    if (property == null) {
      for (String u : FinderNames.UNSUPPORTED) {
        String rest = word.endsWith(u) ? word.substring(0, word.length() - u.length()) : "";
        if (!rest.isEmpty() && properties.containsKey(rest)) {
          diagnostics.error(m, Errors.daoUnsupportedKeyword(method, u));
          return null;
        }
      }
      String unknown = word;
      for (Map.Entry<String, Operator> k : FinderNames.KEYWORDS) {
        if (word.endsWith(k.getKey()) && word.length() > k.getKey().length()) {
          unknown = word.substring(0, word.length() - k.getKey().length());
          break;
        }
      }
      diagnostics.error(m, Errors.daoUnknownProperty(method, Naming.lowerCamel(unknown), entity.entityName(),
          suggestion(unknown, properties)));
      return null;
    }
    PropertyModel p = properties.get(property);
    String path = Naming.lowerCamel(property);
    ValueKind kind = p.kind();
    String typeName = p.valueType().toString();
    boolean comparable = kind == ValueKind.CONVERTED ? p.storage().comparable()
        : kind != ValueKind.BOOLEAN && kind != ValueKind.BYTES && kind != ValueKind.JSON;
    String needed = switch (op) {
      case LT, LE, GT, GE, BETWEEN -> comparable ? null : "a comparable (number, text, date/time)";
      case BEFORE, AFTER -> kind.isTemporal() ? null : "a date/time";
      case LIKE, NOT_LIKE, STARTING_WITH, ENDING_WITH, CONTAINING -> kind == ValueKind.STRING ? null : "a String";
      case TRUE, FALSE -> kind == ValueKind.BOOLEAN ? null : "a boolean";
      default -> null;
    };
    if (needed != null) {
      diagnostics.error(m, Errors.daoOperatorNeedsType(method, path, keyword, typeName, needed));
      return null;
    }
    if (ignoreCase && (kind != ValueKind.STRING || op == Operator.IN || op == Operator.NOT_IN
        || op == Operator.BETWEEN || op.arity() == 0 || op.ordinal() <= Operator.GE.ordinal() && op != Operator.EQ
        && op != Operator.NE)) {
      diagnostics.error(m, kind != ValueKind.STRING ? Errors.daoIgnoreCaseNotString(method, path, typeName)
          : Errors.daoUnsupportedKeyword(method, keyword + "IgnoreCase"));
      return null;
    }
    return new Criterion(p, path, op, ignoreCase, List.of());
  }

  private static String keyword(Criterion c) {
    return c.operator() == Operator.EQ ? "Equals" : Naming.capitalize(Naming.lowerCamel(
        c.operator().name().charAt(0) + c.operator().name().substring(1).toLowerCase(java.util.Locale.ROOT)));
  }

  private static Object expectedType(Criterion c) {
    TypeName t = c.property().valueType();
    return c.operator() == Operator.IN || c.operator() == Operator.NOT_IN
        ? new Named(com.palantir.javapoet.ParameterizedTypeName.get(ClassName.get(java.util.Collection.class),
            com.palantir.javapoet.WildcardTypeName.subtypeOf(t)) + " or " + t + "[]") : t;
  }

  /** A type as messages name it. */
  private record Named(String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  private boolean compatible(TypeMirror param, Criterion c) {
    TypeName expected = c.property().valueType();
    if (c.operator() == Operator.IN || c.operator() == Operator.NOT_IN) {
      TypeElement collection = elements.getTypeElement("java.util.Collection");
      if (param.getKind() == TypeKind.DECLARED
          && types.isAssignable(types.erasure(param), types.erasure(collection.asType()))) {
        TypeMirror element = collectionElement(param, collection);
        return element != null && assignable(element, expected);
      }
      if (param.getKind() == TypeKind.ARRAY) {
        // T[] (or T...) of the property's type; of primitives only int[], long[] and double[], which stream boxed
        TypeMirror component = ((javax.lang.model.type.ArrayType) param).getComponentType();
        TypeKind k = component.getKind();
        return (!k.isPrimitive() || k == TypeKind.INT || k == TypeKind.LONG || k == TypeKind.DOUBLE)
            && component.getKind() != TypeKind.ARRAY && assignable(component, expected);
      }
      return false;
    }
    return assignable(param, expected);
  }

  private TypeMirror collectionElement(TypeMirror param, TypeElement collection) {
    for (TypeMirror s : superTypesAndSelf(param)) {
      if (s.getKind() == TypeKind.DECLARED && types.asElement(s).equals(collection)) {
        List<? extends TypeMirror> args = ((DeclaredType) s).getTypeArguments();
        if (args.size() == 1) {
          TypeMirror a = args.get(0);
          if (a.getKind() == TypeKind.WILDCARD) {
            a = ((javax.lang.model.type.WildcardType) a).getExtendsBound();
          }
          return a;
        }
      }
    }
    return null;
  }

  private List<TypeMirror> superTypesAndSelf(TypeMirror t) {
    List<TypeMirror> out = new ArrayList<>();
    List<TypeMirror> todo = new ArrayList<>(List.of(t));
    while (!todo.isEmpty()) {
      TypeMirror x = todo.remove(0);
      out.add(x);
      todo.addAll(types.directSupertypes(x));
    }
    return out;
  }

  private boolean assignable(TypeMirror param, TypeName expected) {
    TypeMirror boxed = param.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) param)
        .asType() : param;
    if (expected instanceof ClassName cn) {
      TypeElement te = elements.getTypeElement(cn.canonicalName());
      if (te != null) {
        return types.isAssignable(boxed, types.erasure(te.asType()));
      }
    }
    return types.erasure(boxed).toString().equals(expected.toString().replaceAll("<.*>", ""));
  }

  // --- return types -----------------------------------------------------------------------------

  Wrap wrapOf(TypeMirror t) {
    if (t.getKind() == TypeKind.DECLARED) {
      String raw = ((TypeElement) types.asElement(t)).getQualifiedName().toString();
      switch (raw) {
        case "java.util.Optional":
          return Wrap.OPTIONAL;
        case "java.util.List":
          return Wrap.LIST;
        case "java.util.stream.Stream":
          return Wrap.STREAM;
        case PAGE:
          return Wrap.PAGE;
        default:
          return Wrap.ONE;
      }
    }
    return Wrap.ONE;
  }

  static TypeMirror firstTypeArgument(TypeMirror t) {
    if (t instanceof DeclaredType d && d.getTypeArguments().size() == 1) {
      return d.getTypeArguments().get(0);
    }
    return null;
  }
}
