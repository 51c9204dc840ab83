package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import dev.quarry.processor.PropertyCollector.Candidate;
import dev.quarry.processor.model.Access;
import dev.quarry.processor.model.ColumnModel;
import dev.quarry.processor.model.EmbeddedModel;
import dev.quarry.processor.model.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Parses an embedded property ({@code @Embedded}, {@code @EmbeddedId}, or any property whose type is
 * {@code @Embeddable}) into its value model and one column property per component. Components are
 * parsed by the ordinary {@link PropertyParser} (so enums, converters and {@code @Column} options work
 * inside an embeddable) and then renamed with the prefix.
 */
final class EmbeddableParser {
  /** Annotations that only make sense on entity properties, rejected on embeddable components. */
  private static final List<String> NOT_IN_EMBEDDABLE = List.of(RuntimeNames.ID, RuntimeNames.VERSION,
      RuntimeNames.GENERATED_VALUE, RuntimeNames.CLIENT_DEFAULT, RuntimeNames.ON_UPDATE, RuntimeNames.CREATED_AT,
      RuntimeNames.UPDATED_AT, RuntimeNames.MANY_TO_ONE, RuntimeNames.ONE_TO_ONE, RuntimeNames.ONE_TO_MANY,
      RuntimeNames.MANY_TO_MANY, RuntimeNames.EMBEDDED, RuntimeNames.EMBEDDED_ID, RuntimeNames.CACHED);
  /** Annotations meaningless on the owner's embedded property. */
  private static final List<String> NOT_ON_EMBEDDED = List.of(RuntimeNames.COLUMN, RuntimeNames.VERSION,
      RuntimeNames.GENERATED_VALUE, RuntimeNames.CONVERT, RuntimeNames.ENUMERATED, RuntimeNames.CLIENT_DEFAULT,
      RuntimeNames.ON_UPDATE, RuntimeNames.CREATED_AT, RuntimeNames.UPDATED_AT);

  /** The value and its component columns (already indexed from the owner's next column). */
  record Parsed(EmbeddedModel model, List<PropertyModel> columns) {}

  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;
  private final PropertyParser properties;

  EmbeddableParser(Elements elements, Types types, Mirrors mirrors, PropertyParser properties) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.properties = properties;
  }

  /** Whether the candidate is an embedded value rather than a plain column. */
  static boolean isEmbedded(Candidate c) {
    return Mirrors.has(c.element(), RuntimeNames.EMBEDDED) || Mirrors.has(c.element(), RuntimeNames.EMBEDDED_ID)
        || embeddableType(c.type()) != null;
  }

  private static TypeElement embeddableType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement t = (TypeElement) ((DeclaredType) type).asElement();
    return Mirrors.has(t, RuntimeNames.EMBEDDABLE) ? t : null;
  }

  /** The parsed value, or null after reporting errors. */
  Parsed parse(TypeElement owner, Candidate c, int firstIndex, Diagnostics diagnostics) {
    AnnotationMirror embeddedId = Mirrors.find(c.element(), RuntimeNames.EMBEDDED_ID);
    AnnotationMirror embedded = Mirrors.find(c.element(), RuntimeNames.EMBEDDED);
    AnnotationMirror marker = embeddedId != null ? embeddedId : embedded;
    boolean id = embeddedId != null || Mirrors.has(c.element(), RuntimeNames.ID);
    TypeElement type = embeddableType(c.type());
    if (type == null) {
      diagnostics.error(c.element(), marker, Errors.embeddedNotEmbeddable(embeddedId != null ? "@EmbeddedId"
          : "@Embedded", c.name(), TypeResolver.display(c.type())));
      return null;
    }
    boolean ok = true;
    for (String a : NOT_ON_EMBEDDED) {
      AnnotationMirror m = Mirrors.find(c.element(), a);
      if (m != null) {
        diagnostics.error(c.element(), m, a.equals(RuntimeNames.GENERATED_VALUE) && id
            ? Errors.embeddedIdGenerated(c.name()) : Errors.embeddedAnnotation(simpleName(a), c.name()));
        ok = false;
      }
    }
    ok &= CacheParser.checkEmbeddable(type, diagnostics);
    String display = type.getSimpleName().toString();
    String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
    if (!checkShape(type, display, pkg, c.element(), diagnostics)) {
      return null;
    }
    List<Candidate> components = type.getKind() == ElementKind.RECORD ? recordComponents(type)
        : classComponents(type, display, pkg, c.element(), diagnostics);
    if (components == null || !ok) {
      return null;
    }
    if (components.isEmpty()) {
      diagnostics.error(c.element(), marker, Errors.embeddableNoComponents(display));
      return null;
    }
    String prefix = prefix(c, embeddedId, embedded);
    List<PropertyModel> parsed = new ArrayList<>();
    List<EmbeddedModel.Component> modelComponents = new ArrayList<>();
    for (Candidate component : components) {
      if (!allowed(type, display, component, diagnostics)) {
        ok = false;
        continue;
      }
      PropertyModel p = properties.parse(component, firstIndex + parsed.size(), diagnostics);
      if (p == null) {
        ok = false;
        continue;
      }
      modelComponents.add(new EmbeddedModel.Component(component.name(), p.index(), component.access()));
      parsed.add(p);
    }
    if (!ok) {
      return null;
    }
    EmbeddedModel model = new EmbeddedModel(c.name(), c.element(), ClassName.get(type),
        type.getKind() == ElementKind.RECORD, c.access(), prefix, id, List.copyOf(modelComponents));
    List<PropertyModel> columns = new ArrayList<>();
    for (int k = 0; k < parsed.size(); k++) {
      PropertyModel p = parsed.get(k);
      ColumnModel col = p.column();
      ColumnModel renamed = new ColumnModel(prefix + col.name(), col.nullable() && !id, col.unique(), col.indexed(),
          col.length(), col.precision(), col.scale(), col.serverDefault(), col.insertable(), col.updatable(),
          col.storageFormat());
      columns.add(p.toBuilder().name(c.name() + Naming.capitalize(p.name())).column(renamed).id(id).version(false)
          .reference(null).embedded(new PropertyModel.EmbeddedRef(model, k)).build());
    }
    return new Parsed(model, List.copyOf(columns));
  }

  /**
   * Adds the value's columns to the owner's, or reports the first column that another property (or
   * another embedded value) already uses, with a prefix that would avoid it.
   */
  static boolean register(Parsed parsed, List<PropertyModel> columns, Map<String, PropertyModel> byColumn,
      Diagnostics diagnostics) {
    EmbeddedModel m = parsed.model();
    for (PropertyModel p : parsed.columns()) {
      PropertyModel clash = byColumn.get(p.columnName().toLowerCase(Locale.ROOT));
      if (clash != null) {
        String other = clash.embedded() != null ? clash.embedded().path() : clash.name();
        AnnotationMirror marker = Mirrors.find(m.element(), RuntimeNames.EMBEDDED);
        diagnostics.error(m.element(), marker != null ? marker : Mirrors.find(m.element(), RuntimeNames.EMBEDDED_ID),
            Errors.embeddedColumnClash(p.columnName(), p.embedded().path(), other,
                Naming.snakeCase(m.name()) + "_"));
        return false;
      }
    }
    for (PropertyModel p : parsed.columns()) {
      byColumn.put(p.columnName().toLowerCase(Locale.ROOT), p);
      columns.add(p);
    }
    return true;
  }

  private String prefix(Candidate c, AnnotationMirror embeddedId, AnnotationMirror embedded) {
    if (embeddedId != null) {
      return mirrors.string(embeddedId, "prefix");
    }
    if (embedded != null && Mirrors.explicitValue(embedded, "prefix") != null) {
      return mirrors.string(embedded, "prefix");
    }
    // An @Id on an @Embeddable-typed property is an embedded id: its columns keep their own names.
    return Mirrors.has(c.element(), RuntimeNames.ID) ? "" : Naming.snakeCase(c.name()) + "_";
  }

  private boolean checkShape(TypeElement type, String display, String pkg, Element owner,
      Diagnostics diagnostics) {
    String problem = null;
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      problem = "must be a record or a class";
    } else if (!type.getTypeParameters().isEmpty()) {
      problem = "must not be generic; declare a concrete type";
    } else if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() != ElementKind.RECORD) {
      problem = "is a non-static inner class; declare it 'static' or move it to its own file";
    } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      problem = "is a local class; move it to its own file";
    } else if (!reachable(type, pkg)) {
      problem = "cannot be reached from the entity's package; make it public";
    } else if (type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT)) {
      problem = "is abstract and cannot be instantiated; remove 'abstract'";
    }
    if (problem != null) {
      diagnostics.error(owner, Errors.embeddableShape(display, problem));
      return false;
    }
    if (type.getKind() == ElementKind.CLASS) {
      boolean constructor = false;
      for (ExecutableElement ctor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
        constructor |= ctor.getParameters().isEmpty() && reachable(ctor, pkg);
      }
      if (!constructor) {
        diagnostics.error(owner, Errors.embeddableNoConstructor(display));
        return false;
      }
    }
    return true;
  }

  /** Record components, annotated through their fields (where {@code @Column} lands on a record). */
  private List<Candidate> recordComponents(TypeElement type) {
    List<Candidate> out = new ArrayList<>();
    List<VariableElement> fields = ElementFilter.fieldsIn(type.getEnclosedElements());
    for (RecordComponentElement rc : type.getRecordComponents()) {
      String name = rc.getSimpleName().toString();
      Element element = fields.stream().filter(f -> f.getSimpleName().contentEquals(name)
          && !f.getModifiers().contains(Modifier.STATIC)).findFirst().map(Element.class::cast).orElse(rc);
      // A record is immutable: read through the accessor, never written component by component.
      out.add(new Candidate(name, element, rc.asType(), new Access(null, name, null, false, false, "public", "")));
    }
    return out;
  }

  /** Fields of a mutable embeddable class, through the field when reachable, else public accessors. */
  private List<Candidate> classComponents(TypeElement type, String display, String pkg, Element owner,
      Diagnostics diagnostics) {
    List<Candidate> out = new ArrayList<>();
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
    boolean ok = true;
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Set<Modifier> mods = field.getModifiers();
      if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT)
          || Mirrors.has(field, RuntimeNames.TRANSIENT)) {
        continue;
      }
      String name = field.getSimpleName().toString();
      if (mods.contains(Modifier.FINAL)) {
        diagnostics.error(field, Errors.embeddableFinalField(display, name));
        ok = false;
        continue;
      }
      String getter = accessor(methods, List.of("get" + Naming.capitalize(name), "is" + Naming.capitalize(name)),
          0, field.asType(), pkg);
      String setter = accessor(methods, List.of("set" + Naming.capitalize(name)), 1, field.asType(), pkg);
      boolean fieldReachable = reachable(field, pkg);
      if (!fieldReachable && (getter == null || setter == null)) {
        diagnostics.error(field, Errors.embeddableUnreachable(display, name));
        ok = false;
        continue;
      }
      out.add(new Candidate(name, field, field.asType(),
          new Access(fieldReachable ? name : null, getter, setter, false, false, "public", "public")));
    }
    return ok ? out : null;
  }

  private String accessor(List<ExecutableElement> methods, List<String> names, int parameters, TypeMirror type,
      String pkg) {
    for (ExecutableElement m : methods) {
      if (!names.contains(m.getSimpleName().toString()) || m.getParameters().size() != parameters
          || m.getModifiers().contains(Modifier.STATIC) || !reachable(m, pkg)) {
        continue;
      }
      TypeMirror t = parameters == 0 ? m.getReturnType() : m.getParameters().get(0).asType();
      if (types.isSameType(t, type)) {
        return m.getSimpleName().toString();
      }
    }
    return null;
  }

  private boolean allowed(TypeElement type, String display, Candidate component, Diagnostics diagnostics) {
    for (String a : NOT_IN_EMBEDDABLE) {
      AnnotationMirror m = Mirrors.find(component.element(), a);
      if (m != null) {
        diagnostics.error(component.element(), m, Errors.embeddableAnnotation(simpleName(a), display,
            component.name()));
        return false;
      }
    }
    if (embeddableType(component.type()) != null) {
      diagnostics.error(component.element(), Errors.nestedEmbeddable(display, component.name()));
      return false;
    }
    return true;
  }

  private boolean reachable(Element e, String pkg) {
    Set<Modifier> mods = e.getModifiers();
    if (mods.contains(Modifier.PRIVATE)) {
      return false;
    }
    if (mods.contains(Modifier.PUBLIC)) {
      return e.getEnclosingElement() instanceof TypeElement t ? reachable(t, pkg) : true;
    }
    return elements.getPackageOf(e).getQualifiedName().contentEquals(pkg);
  }

  private static String simpleName(String annotation) {
    return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
  }
}
