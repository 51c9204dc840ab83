package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import dev.quarry.processor.PropertyCollector.Candidate;
import dev.quarry.processor.model.ColumnModel;
import dev.quarry.processor.model.ComputedModel;
import dev.quarry.processor.model.EmbeddedModel;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.EntityModel.CheckModel;
import dev.quarry.processor.model.EntityModel.Generation;
import dev.quarry.processor.model.EntityModel.IndexModel;
import dev.quarry.processor.model.EntityModel.UniqueModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Turns an {@code @Entity} declaration into a validated {@link EntityModel}, reporting every
 * mistake on the element (and annotation) it concerns. Keeps going after an error so that one
 * compilation shows all problems of the class.
 */
public final class EntityParser {
  private final Types types;
  private final Mirrors mirrors;
  private final PropertyCollector collector;
  private final TypeResolver resolver;
  private final RelationParser relations;
  private final PropertyParser properties;
  private final LifecycleParser lifecycle;
  private final EmbeddableParser embeddables;
  private final ComputedParser computeds;
  private final InheritanceParser inheritance;
  private final CacheParser caches;

  public EntityParser(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.mirrors = new Mirrors(env.getElementUtils());
    this.collector = new PropertyCollector(env.getElementUtils(), types);
    this.resolver = new TypeResolver(env.getElementUtils(), types, mirrors);
    this.relations = new RelationParser(env.getElementUtils(), types, mirrors, collector, resolver);
    this.properties = new PropertyParser(types, mirrors, resolver);
    this.lifecycle = new LifecycleParser(env.getElementUtils(), types, mirrors, collector);
    this.embeddables = new EmbeddableParser(env.getElementUtils(), types, mirrors, properties);
    this.computeds = new ComputedParser(env.getElementUtils(), types, mirrors, resolver);
    this.inheritance = new InheritanceParser(env.getElementUtils(), mirrors, collector);
    this.caches = new CacheParser(mirrors, collector);
  }

  /** The compilation's global converters, collected by the step before each round's entities. */
  GlobalConverters globalConverters() {
    return resolver.globals();
  }

  /** Remembers the entity classes of the compilation (subclasses of a hierarchy are found among them). */
  public void remember(java.util.Collection<? extends TypeElement> entities) {
    inheritance.remember(entities);
  }

  /** The model of {@code element}, or empty after reporting its errors. */
  public Optional<EntityModel> parse(TypeElement element, Diagnostics diagnostics) {
    int errorsBefore = diagnostics.errorCount();
    String simpleName = element.getSimpleName().toString();
    if (!checkShape(element, simpleName, diagnostics)) {
      return Optional.empty();
    }
    AnnotationMirror entity = Mirrors.find(element, RuntimeNames.ENTITY);
    AnnotationMirror tableAnnotation = Mirrors.find(element, RuntimeNames.TABLE);
    String entityName = mirrors.string(entity, "name").isEmpty() ? simpleName : mirrors.string(entity, "name");
    String table = tableAnnotation != null && !mirrors.string(tableAnnotation, "name").isEmpty()
        ? mirrors.string(tableAnnotation, "name") : Naming.snakeCase(simpleName);
    String schema = tableAnnotation == null ? "" : mirrors.string(tableAnnotation, "schema");

    boolean failed = false;
    boolean failedId = false;
    List<PropertyModel> columns = new ArrayList<>();
    List<RelationModel> relationList = new ArrayList<>();
    Map<String, PropertyModel> byColumn = new LinkedHashMap<>();
    List<EmbeddedModel> embeddedList = new ArrayList<>();
    boolean propertyAccess = collector.usesPropertyAccess(element);
    InheritanceParser.Layout layout = inheritance.layout(element,
        collector.collect(element, propertyAccess, diagnostics), propertyAccess, diagnostics);
    if (layout == null) {
      return Optional.empty();
    }
    if (!layout.plain()) {
      table = layout.table(table); // single table: the root's
      schema = layout.schema(schema);
    }
    for (Candidate c : layout.candidates()) {
      if (layout.isDiscriminator(c)) {
        PropertyModel d = layout.discriminator(columns.size());
        PropertyModel clash = byColumn.putIfAbsent(d.columnName().toLowerCase(java.util.Locale.ROOT), d);
        if (clash == null) {
          columns.add(d);
        } else {
          layout.clash(null, d, clash, diagnostics);
          failed = true;
        }
        continue;
      }
      // another branch's column of a single-table hierarchy: its errors are reported on its own class
      Diagnostics dg = layout.absent(c) ? diagnostics.quiet() : diagnostics;
      List<AnnotationMirror> rel = RelationParser.relationAnnotations(c.element());
      PropertyModel column;
      if (rel.isEmpty() && EmbeddableParser.isEmbedded(c)) {
        if (layout.belowRoot(c)) {
          // the shared column layout has no place for a subclass's embedded value (yet)
          if (!layout.absent(c)) { // another branch's is reported while that class is compiled
            diagnostics.error(c.element(), Errors.embeddedInSubclass(c.name()));
            failed = true;
          }
          continue;
        }
        EmbeddableParser.Parsed parsed = embeddables.parse(element, c, columns.size(), diagnostics);
        if (parsed == null || !EmbeddableParser.register(parsed, columns, byColumn, diagnostics)) {
          failed = true;
        } else {
          embeddedList.add(parsed.model());
        }
        continue;
      }
      if (!rel.isEmpty()) {
        if (rel.size() > 1) {
          dg.error(c.element(), Errors.severalRelationships(c.name()));
          continue;
        }
        if (Mirrors.has(c.element(), RuntimeNames.ID)) {
          dg.error(c.element(), Mirrors.find(c.element(), RuntimeNames.ID), Errors.relationshipAsId(c.name()));
          continue;
        }
        RelationParser.Parsed parsed = relations.parse(element, table, c, rel.get(0), columns.size(), dg);
        if (parsed == null) {
          failed |= !layout.absent(c);
          continue;
        }
        if (!layout.absent(c)) {
          relationList.add(parsed.relation());
        }
        column = parsed.foreignKeyColumn();
        if (column == null) {
          continue;
        }
      } else {
        column = properties.parse(c, columns.size(), dg);
        if (column == null) {
          // its own error explains it; a failed key property must not also read as "no @Id"
          failedId |= Mirrors.has(c.element(), RuntimeNames.ID);
          continue;
        }
      }
      PropertyModel clash = byColumn.get(column.columnName().toLowerCase(java.util.Locale.ROOT));
      if (clash != null && layout.clash(c, column, clash, diagnostics)) {
        failed = true;
        continue;
      }
      if (clash != null) {
        AnnotationMirror col = Mirrors.find(c.element(), RuntimeNames.COLUMN);
        diagnostics.error(c.element(), col, Errors.duplicateColumn(column.columnName(), c.name(), clash.name()));
        continue;
      }
      byColumn.put(column.columnName().toLowerCase(java.util.Locale.ROOT), column);
      columns.add(column);
      layout.added(c, column, diagnostics, mirrors);
    }

    failed |= !foreignKeyFieldsFree(columns, diagnostics);
    // single-table inheritance: other branches' columns are not this class's key or version
    List<PropertyModel> own = columns.stream().filter(p -> !layout.synthetic(p.index())).toList();
    IdResult ids = ids(element, simpleName, own, embeddedList, failedId, diagnostics);
    int version = version(simpleName, own, diagnostics);
    Generation generation = ids == null ? Generation.ASSIGNED : generation(table, own, ids, diagnostics);
    List<IndexModel> indexes = new ArrayList<>();
    List<UniqueModel> uniques = new ArrayList<>();
    List<CheckModel> checks = new ArrayList<>();
    tableConstraints(element, tableAnnotation, table, columns, indexes, uniques, checks, diagnostics);
    List<EntityModel.CallbackModel> callbacks = lifecycle.callbacks(element, diagnostics);
    List<EntityModel.ValidatorModel> validators = lifecycle.validators(element, columns, diagnostics);
    List<ComputedModel> computedList = computeds.parse(element, columns, relationList, diagnostics);
    String cacheRegion = caches.entityRegion(element, diagnostics);
    caches.checkMembers(element, diagnostics);

    if (failed || ids == null || diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    // DAOs read rows with one mapping; a hierarchy's classes are queried through the Session (polymorphic)
    boolean generateDao = mirrors.bool(entity, "dao") && layout.plain();
    return Optional.of(EntityModel.builder().element(element).type(ClassName.get(element)).entityName(entityName)
        .schema(schema).table(table).columns(List.copyOf(columns)).relations(List.copyOf(relationList))
        .idColumns(ids.columns()).idClass(ids.idClass()).versionColumn(version).generation(generation)
        .indexes(List.copyOf(indexes)).uniques(List.copyOf(uniques)).checks(List.copyOf(checks))
        .generateDao(generateDao)
        .proxyable(proxyable(element, own, relationList) || embeddedAccessorsOverridable(embeddedList))
        .callbacks(List.copyOf(callbacks)).validators(List.copyOf(validators)).embeddeds(List.copyOf(embeddedList))
        .computeds(List.copyOf(computedList)).inheritance(layout.model())
        .cacheRegion(cacheRegion).build());
  }

  /**
   * Whether every foreign-key column's metamodel field ({@code authorId}) has a name no other column
   * field takes; reports each clash on the reference, pointing at {@code @JoinColumn(field)}.
   */
  private boolean foreignKeyFieldsFree(List<PropertyModel> columns, Diagnostics diagnostics) {
    java.util.Map<String, String> taken = new java.util.HashMap<>();
    for (PropertyModel p : columns) {
      if (p.reference() == null) {
        String name = p.embedded() != null ? p.embedded().owner().name() : p.name();
        taken.putIfAbsent(name, name);
      }
    }
    boolean ok = true;
    for (PropertyModel p : columns) {
      if (p.reference() == null || p.reference().foreignKey() == null) {
        continue;
      }
      String field = p.reference().foreignKey().field();
      String other = taken.putIfAbsent(field, p.name());
      if (other != null) {
        AnnotationMirror join = Mirrors.find(p.element(), RuntimeNames.JOIN_COLUMN);
        diagnostics.error(p.element(), join, join == null ? null : Mirrors.explicitValue(join, "field"),
            Errors.foreignKeyFieldClash(p.name(), field, other));
        ok = false;
      }
    }
    return ok;
  }

  private boolean checkShape(TypeElement element, String name, Diagnostics diagnostics) {
    if (element.getKind() == ElementKind.RECORD) {
      diagnostics.error(element, Errors.recordEntity(name));
      return false;
    }
    if (element.getKind() != ElementKind.CLASS) {
      diagnostics.error(element, Errors.notAClass(element.getKind().toString().toLowerCase(java.util.Locale.ROOT)
          .replace('_', ' ')));
      return false;
    }
    boolean ok = true;
    if (!element.getTypeParameters().isEmpty()) {
      diagnostics.error(element, Errors.genericEntity(name));
      ok = false;
    }
    if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(element, Errors.innerClass(name));
      ok = false;
    } else if (element.getNestingKind() != NestingKind.TOP_LEVEL && element.getNestingKind() != NestingKind.MEMBER) {
      diagnostics.error(element, Errors.innerClass(name));
      ok = false;
    }
    if (element.getModifiers().contains(Modifier.PRIVATE)) {
      diagnostics.error(element, Errors.privateClass(name));
      ok = false;
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT) && !InheritanceParser.inHierarchy(element)) {
      diagnostics.error(element, Errors.abstractEntity(name));
      ok = false;
    }
    if (ok && !hasNoArgConstructor(element)) {
      diagnostics.error(element, Errors.noUsableConstructor(name));
      ok = false;
    }
    return ok;
  }

  private static boolean hasNoArgConstructor(TypeElement element) {
    for (ExecutableElement c : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /** Key columns and key record. */
  private record IdResult(List<Integer> columns, ClassName idClass) {}

  private IdResult ids(TypeElement element, String name, List<PropertyModel> columns, List<EmbeddedModel> embedded,
      boolean failedId, Diagnostics diagnostics) {
    List<PropertyModel> ids = new ArrayList<>();
    for (PropertyModel p : columns) {
      if (p.id()) {
        ids.add(p);
      }
    }
    AnnotationMirror idClassAnnotation = Mirrors.find(element, RuntimeNames.ID_CLASS);
    List<EmbeddedModel> embeddedIds = embedded.stream().filter(EmbeddedModel::id).toList();
    if (!embeddedIds.isEmpty()) {
      EmbeddedIds.Key key = EmbeddedIds.key(element, embeddedIds, ids, idClassAnnotation, diagnostics);
      return key == null ? null : new IdResult(key.columns(), key.type());
    }
    if (ids.isEmpty()) {
      if (!failedId) {
        diagnostics.error(element, Errors.noId(name));
      }
      return null;
    }
    List<String> idNames = ids.stream().map(PropertyModel::name).toList();
    if (idClassAnnotation == null) {
      if (ids.size() > 1) {
        diagnostics.error(ids.get(1).element(), Mirrors.find(ids.get(1).element(), RuntimeNames.ID),
            Errors.severalIds(name, idNames));
        return null;
      }
      return new IdResult(List.of(ids.get(0).index()), null);
    }
    if (ids.size() == 1) {
      diagnostics.error(element, idClassAnnotation, Errors.idClassWithSingleId(name));
      return null;
    }
    TypeMirror keyType = mirrors.type(idClassAnnotation, "value");
    TypeElement key = keyType.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) keyType).asElement()
        : null;
    if (key == null || key.getKind() != ElementKind.RECORD) {
      diagnostics.error(element, idClassAnnotation, Errors.idClassNotRecord(TypeResolver.display(keyType)));
      return null;
    }
    List<Integer> order = new ArrayList<>();
    List<String> components = new ArrayList<>();
    boolean matches = true;
    for (RecordComponentElement rc : key.getRecordComponents()) {
      components.add(rc.getSimpleName() + ": " + TypeResolver.display(rc.asType()));
      PropertyModel p = ids.stream().filter(i -> i.name().contentEquals(rc.getSimpleName())).findFirst().orElse(null);
      if (p == null || !types.isSameType(resolver.box(rc.asType()), boxedTypeOf(p))) {
        matches = false;
      } else {
        order.add(p.index());
      }
    }
    if (!matches || order.size() != ids.size()) {
      List<String> idDescriptions = ids.stream()
          .map(p -> p.name() + ": " + TypeResolver.display(PropertyCollector.typeOf(p.element()))).toList();
      diagnostics.error(element, idClassAnnotation, Errors.idClassMismatch(TypeResolver.display(keyType),
          components.toString(), idDescriptions.toString()));
      return null;
    }
    return new IdResult(List.copyOf(order), ClassName.get(key));
  }

  private TypeMirror boxedTypeOf(PropertyModel p) {
    return resolver.box(PropertyCollector.typeOf(p.element()));
  }

  private int version(String name, List<PropertyModel> columns, Diagnostics diagnostics) {
    int version = -1;
    for (PropertyModel p : columns) {
      if (!p.version()) {
        continue;
      }
      if (version >= 0) {
        diagnostics.error(p.element(), Errors.severalVersions(name));
        continue;
      }
      version = p.index();
    }
    return version;
  }

  private Generation generation(String table, List<PropertyModel> columns, IdResult ids, Diagnostics diagnostics) {
    for (PropertyModel p : columns) {
      AnnotationMirror gv = Mirrors.find(p.element(), RuntimeNames.GENERATED_VALUE);
      if (gv == null) {
        continue;
      }
      if (!p.id()) {
        diagnostics.error(p.element(), gv, Errors.generatedValueNotId(p.name()));
        continue;
      }
      if (ids.idClass() != null) {
        diagnostics.error(p.element(), gv, Errors.generatedValueComposite(p.name()));
        continue;
      }
      String strategy = mirrors.enumConstant(gv, "strategy");
      boolean typeOk = strategy.equals("UUID") ? p.kind() == ValueKind.UUID : p.kind().isIntegral();
      if (!typeOk) {
        diagnostics.error(p.element(), gv, Errors.generatedValueType(strategy, p.name(),
            TypeResolver.display(PropertyCollector.typeOf(p.element()))));
        continue;
      }
      if (strategy.equals("SEQUENCE")) {
        int size = mirrors.integer(gv, "allocationSize");
        if (size < 1) {
          diagnostics.error(p.element(), gv, Mirrors.explicitValue(gv, "allocationSize"), Errors.allocationSize(size));
          continue;
        }
        String seq = mirrors.string(gv, "sequence");
        return new Generation("SEQUENCE", seq.isEmpty() ? table + "_seq" : seq, size);
      }
      return new Generation(strategy, null, 1);
    }
    return Generation.ASSIGNED;
  }

  private void tableConstraints(TypeElement element, AnnotationMirror tableAnnotation, String table,
      List<PropertyModel> columns, List<IndexModel> indexes, List<UniqueModel> uniques, List<CheckModel> checks,
      Diagnostics diagnostics) {
    Map<String, String> names = new LinkedHashMap<>();
    for (PropertyModel p : columns) {
      names.put(p.columnName(), p.columnName());
      names.putIfAbsent(p.name(), p.columnName());
      if (p.column().indexed()) {
        indexes.add(new IndexModel("ix_" + table + "_" + p.columnName(), List.of(p.columnName()), false));
      }
    }
    if (tableAnnotation == null) {
      return;
    }
    for (AnnotationMirror index : mirrors.annotations(tableAnnotation, "indexes")) {
      boolean unique = mirrors.bool(index, "unique");
      List<String> cols = resolveColumns(element, tableAnnotation, index, "@Index", names, diagnostics);
      if (cols != null) {
        String name = mirrors.string(index, "name");
        indexes.add(new IndexModel(name.isEmpty() ? (unique ? "ux_" : "ix_") + table + "_" + String.join("_", cols)
            : name, cols, unique));
      }
    }
    for (AnnotationMirror uc : mirrors.annotations(tableAnnotation, "uniqueConstraints")) {
      List<String> cols = resolveColumns(element, tableAnnotation, uc, "@UniqueConstraint", names, diagnostics);
      if (cols != null) {
        String name = mirrors.string(uc, "name");
        uniques.add(new UniqueModel(name.isEmpty() ? "uq_" + table + "_" + String.join("_", cols) : name, cols));
      }
    }
    int n = 1;
    for (AnnotationMirror check : mirrors.annotations(tableAnnotation, "checks")) {
      String name = mirrors.string(check, "name");
      checks.add(new CheckModel(name.isEmpty() ? "ck_" + table + "_" + n : name, mirrors.string(check, "value")));
      n++;
    }
  }

  private List<String> resolveColumns(TypeElement element, AnnotationMirror tableAnnotation,
      AnnotationMirror constraint, String what, Map<String, String> names, Diagnostics diagnostics) {
    List<String> declared = mirrors.strings(constraint, "columns");
    String label = mirrors.string(constraint, "name").isEmpty() ? "" : "'" + mirrors.string(constraint, "name") + "'";
    if (declared.isEmpty()) {
      diagnostics.error(element, tableAnnotation, Errors.emptyIndex(what));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String c : declared) {
      String column = names.get(c);
      if (column == null) {
        diagnostics.error(element, constraint, Mirrors.explicitValue(constraint, "columns"),
            Errors.unknownIndexColumn(what, label.isEmpty() ? declared.toString() : label, c,
                new ArrayList<>(new java.util.LinkedHashSet<>(names.values()))));
        return null;
      }
      out.add(column);
    }
    return out;
  }

  private static boolean proxyable(TypeElement element, List<PropertyModel> columns, List<RelationModel> relations) {
    if (element.getModifiers().contains(Modifier.FINAL) || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return false;
    }
    for (PropertyModel p : columns) {
      if (p.access().getterOverridable() || p.access().setterOverridable()) {
        return true;
      }
    }
    for (RelationModel r : relations) {
      if (r.access().getterOverridable() || r.access().setterOverridable()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the entity's accessors of an embedded value can be overridden (the proxy intercepts them). */
  private static boolean embeddedAccessorsOverridable(List<EmbeddedModel> embedded) {
    return embedded.stream().anyMatch(m -> m.access().getterOverridable() || m.access().setterOverridable());
  }

  /** The column options of a property ({@code @Column} or defaults). */
  static ColumnModel columnOf(Mirrors mirrors, Element element, String property, boolean primitiveOrId) {
    AnnotationMirror col = Mirrors.find(element, RuntimeNames.COLUMN);
    if (col == null) {
      return new ColumnModel(Naming.snakeCase(property), !primitiveOrId, false, false, 0, 0, 0, null, true, true, null);
    }
    String name = mirrors.string(col, "name");
    String serverDefault = mirrors.string(col, "serverDefault");
    String storageFormat = mirrors.string(col, "storageFormat");
    return new ColumnModel(name.isEmpty() ? Naming.snakeCase(property) : name,
        !primitiveOrId && mirrors.bool(col, "nullable"), mirrors.bool(col, "unique"), mirrors.bool(col, "index"),
        mirrors.integer(col, "length"), mirrors.integer(col, "precision"), mirrors.integer(col, "scale"),
        serverDefault.isEmpty() ? null : serverDefault, mirrors.bool(col, "insertable"),
        mirrors.bool(col, "updatable"), storageFormat.isEmpty() ? null : storageFormat);
  }
}
