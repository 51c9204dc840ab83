package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.PropertyCollector.Candidate;
import dev.quarry.processor.model.Access;
import dev.quarry.processor.model.ColumnModel;
import dev.quarry.processor.model.InheritanceModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Entity hierarchies ({@code @Inheritance}, single table): finds the root and every entity class
 * of the compilation below it, validates the declarations, and lays out the columns each class of
 * the hierarchy shares — the root's columns, the discriminator, then each subclass's own columns
 * (subclasses in depth-first order, siblings by qualified name). Every class gets this same layout
 * so that a row selected for the base class can be read by the subclass its discriminator names.
 *
 * <p>The hierarchy must be compiled together (one javac run): the root's table is the union of the
 * subclasses the processor sees.
 */
final class InheritanceParser {
  static final String DEFAULT_COLUMN = "dtype";
  static final int DEFAULT_LENGTH = 31;
  /** Synthetic columns are not reached through the entity. */
  private static final Access NO_ACCESS = new Access(null, null, null, false, false, "", "");
  private static final Candidate DISCRIMINATOR_SLOT = new Candidate("<discriminator>", null, null, NO_ACCESS);

  private final Elements elements;
  private final Mirrors mirrors;
  private final PropertyCollector collector;
  private final Set<String> entities = new LinkedHashSet<>();

  InheritanceParser(Elements elements, Mirrors mirrors, PropertyCollector collector) {
    this.elements = elements;
    this.mirrors = mirrors;
    this.collector = collector;
  }

  /** Remembers the entity classes of the compilation, among which subclasses are looked up. */
  void remember(Collection<? extends TypeElement> types) {
    for (TypeElement t : types) {
      entities.add(t.getQualifiedName().toString());
    }
  }

  /**
   * The column layout of {@code element}, whose own and inherited candidates are {@code own}: the
   * candidates themselves for an entity outside a hierarchy; null after reporting an error.
   */
  Layout layout(TypeElement element, List<Candidate> own, boolean propertyAccess, Diagnostics diagnostics) {
    remember(List.of(element));
    List<TypeElement> ancestors = entityAncestors(element);
    TypeElement root = ancestors.isEmpty() ? element : ancestors.get(0);
    String name = element.getSimpleName().toString();
    AnnotationMirror inheritance = Mirrors.find(root, RuntimeNames.INHERITANCE);
    if (inheritance == null) {
      if (!ancestors.isEmpty()) {
        diagnostics.error(element, Errors.subclassWithoutInheritance(name, root.getSimpleName().toString()));
        return null;
      }
      boolean ok = true;
      for (String a : List.of(RuntimeNames.DISCRIMINATOR_VALUE, RuntimeNames.DISCRIMINATOR_COLUMN)) {
        AnnotationMirror m = Mirrors.find(element, a);
        if (m != null) {
          diagnostics.error(element, m, Errors.discriminatorWithoutHierarchy(simple(a), name));
          ok = false;
        }
      }
      return ok ? new Layout(own) : null;
    }
    String rootName = root.getSimpleName().toString();
    boolean joined = mirrors.enumConstant(inheritance, "strategy").equals("JOINED");
    boolean ok = element.equals(root)
        || checkSubclass(element, rootName, ancestors, own, propertyAccess, joined, diagnostics);
    AnnotationMirror dc = Mirrors.find(root, RuntimeNames.DISCRIMINATOR_COLUMN);
    String column = dc == null || mirrors.string(dc, "name").isEmpty() ? DEFAULT_COLUMN : mirrors.string(dc, "name");
    int length = dc == null ? DEFAULT_LENGTH : mirrors.integer(dc, "length");

    List<TypeElement> members = members(root);
    if (!members.contains(element)) {
      members.add(element);
    }
    Map<String, ClassName> classes = new LinkedHashMap<>();
    Map<String, TypeElement> byValue = new HashMap<>();
    for (TypeElement m : members) {
      if (isAbstract(m)) {
        continue; // no rows of an abstract class: it has no discriminator value
      }
      String v = value(m);
      classes.putIfAbsent(v, ClassName.get(m));
      TypeElement other = byValue.putIfAbsent(v, m);
      if (m.equals(element) && other != null && !other.equals(element)) {
        diagnostics.error(element, Mirrors.find(element, RuntimeNames.DISCRIMINATOR_VALUE),
            Errors.duplicateDiscriminator(name, v, other.getSimpleName().toString()));
        ok = false;
      }
    }
    String value = isAbstract(element) ? null : value(element);
    if (value != null && (value.isEmpty() || value.length() > length)) {
      diagnostics.error(element, Mirrors.find(element, RuntimeNames.DISCRIMINATOR_VALUE),
          Errors.badDiscriminator(name, value, length, column));
      ok = false;
    }
    if (joined && !element.equals(root)) {
      ok &= JoinedTablesCheck.check(element, root, members, this::tableOf, mirrors, diagnostics);
    }
    if (!ok) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (TypeElement m : members) {
      if (!isAbstract(m) && (m.equals(element) || entityAncestors(m).contains(element))) {
        values.add(value(m));
      }
    }
    Layout layout = unionLayout(element, root, members, own, propertyAccess, column, length, classes, values,
        diagnostics.quiet());
    if (joined) {
      layout.joined = true;
      layout.members = members;
      for (TypeElement m : members) {
        layout.memberTables.add(tableOf(m));
        layout.memberParents.add(m.equals(root) ? -1 : members.indexOf(parentEntity(m)));
      }
    }
    return layout;
  }

  private boolean checkSubclass(TypeElement element, String rootName, List<TypeElement> ancestors,
      List<Candidate> own, boolean propertyAccess, boolean joined, Diagnostics diagnostics) {
    String name = element.getSimpleName().toString();
    boolean ok = true;
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(RuntimeNames.INHERITANCE, Errors.inheritanceOnSubclass(name, rootName));
    annotations.put(RuntimeNames.DISCRIMINATOR_COLUMN, Errors.discriminatorColumnOnSubclass(name, rootName));
    annotations.put(RuntimeNames.ID_CLASS, Errors.idClassOnSubclass(name, rootName));
    if (!joined) {
      annotations.put(RuntimeNames.TABLE, null); // joined inheritance: each class has its own table
    }
    for (Map.Entry<String, String> a : annotations.entrySet()) {
      AnnotationMirror m = Mirrors.find(element, a.getKey());
      if (m != null) {
        String message = a.getValue() != null ? a.getValue()
            : Errors.tableOnSubclass(name, rootName, tableOf(ancestors.get(0)));
        diagnostics.error(element, m, message);
        ok = false;
      }
    }
    Set<String> inherited = names(collector.collect(ancestors.get(ancestors.size() - 1), propertyAccess,
        diagnostics.quiet()));
    for (Candidate c : own) {
      if (inherited.contains(c.name())) {
        continue;
      }
      for (String a : List.of(RuntimeNames.ID, RuntimeNames.VERSION)) {
        AnnotationMirror m = Mirrors.find(c.element(), a);
        if (m != null) {
          diagnostics.error(c.element(), m, Errors.rootOnlyOnSubclass(simple(a), name, c.name(), rootName));
          ok = false;
        }
      }
    }
    return ok;
  }

  private Layout unionLayout(TypeElement element, TypeElement root, List<TypeElement> members, List<Candidate> own,
      boolean propertyAccess, String column, int length, Map<String, ClassName> classes, List<String> values,
      Diagnostics quiet) {
    Map<String, Candidate> mine = new LinkedHashMap<>();
    for (Candidate c : own) {
      mine.put(c.name(), c);
    }
    List<TypeElement> line = new ArrayList<>(entityAncestors(element));
    line.add(element);
    Layout layout = new Layout(new ArrayList<>());
    layout.root = ClassName.get(root);
    layout.isRoot = element.equals(root);
    layout.column = column;
    layout.length = length;
    layout.rootElement = root;
    layout.element = element;
    layout.table = tableOf(root);
    AnnotationMirror t = Mirrors.find(root, RuntimeNames.TABLE);
    layout.schema = t == null ? "" : mirrors.string(t, "schema");
    layout.value = isAbstract(element) ? null : value(element);
    layout.values = List.copyOf(values);
    layout.classes = Collections.unmodifiableMap(classes);
    Set<String> placed = new LinkedHashSet<>();
    Set<String> rootNames = names(collector.collect(root, propertyAccess, quiet));
    for (TypeElement m : members) {
      List<Candidate> declared = collector.collect(m, propertyAccess, quiet);
      Set<String> parentNames = m.equals(root) ? Set.of()
          : names(collector.collect(parentEntity(m), propertyAccess, quiet));
      boolean mineToo = line.contains(m);
      for (Candidate c : declared) {
        if (parentNames.contains(c.name()) || !placed.add(c.name() + "@" + m.getQualifiedName())) {
          continue;
        }
        Candidate use = mineToo && mine.containsKey(c.name()) ? mine.get(c.name()) : c;
        if (!mineToo) {
          layout.absent.add(use);
        }
        if (!rootNames.contains(c.name())) {
          layout.subclass.add(use);
        }
        if (mineToo && m.equals(element) && !m.equals(root)) {
          layout.declaredHere.add(use);
        }
        layout.owner.put(use, m.getSimpleName().toString());
        layout.ownerElement.put(use, m);
        layout.candidates.add(use);
      }
      if (m.equals(root)) {
        layout.candidates.add(DISCRIMINATOR_SLOT);
      }
    }
    return layout;
  }

  private static Set<String> names(List<Candidate> candidates) {
    Set<String> out = new LinkedHashSet<>();
    for (Candidate c : candidates) {
      out.add(c.name());
    }
    return out;
  }

  /**
   * The class whose {@code @Table} names the table of entity {@code type}: its topmost
   * {@code @Entity} superclass (single-table inheritance), else {@code type} itself.
   */
  static TypeElement tableOwner(TypeElement type) {
    TypeElement owner = type;
    javax.lang.model.type.TypeMirror sup = type.getSuperclass();
    while (sup.getKind() == javax.lang.model.type.TypeKind.DECLARED) {
      TypeElement t = (TypeElement) ((javax.lang.model.type.DeclaredType) sup).asElement();
      if (Mirrors.has(t, RuntimeNames.ENTITY)) {
        owner = t;
      }
      sup = t.getSuperclass();
    }
    return owner;
  }

  /** Whether {@code type} is the root of a hierarchy ({@code @Inheritance}) or extends an {@code @Entity}. */
  static boolean inHierarchy(TypeElement type) {
    return Mirrors.has(type, RuntimeNames.INHERITANCE) || tableOwner(type) != type;
  }

  private static boolean isAbstract(TypeElement type) {
    return type.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT);
  }

  /** The {@code @Entity} superclasses of {@code type}, topmost first. */
  private List<TypeElement> entityAncestors(TypeElement type) {
    List<TypeElement> out = new ArrayList<>();
    for (TypeElement t : collector.hierarchy(type)) {
      if (!t.equals(type) && Mirrors.has(t, RuntimeNames.ENTITY)) {
        out.add(t);
      }
    }
    return out;
  }

  private TypeElement parentEntity(TypeElement type) {
    List<TypeElement> a = entityAncestors(type);
    return a.isEmpty() ? null : a.get(a.size() - 1);
  }

  /** The root and every known entity below it, depth first, siblings by qualified name. */
  private List<TypeElement> members(TypeElement root) {
    Map<TypeElement, List<TypeElement>> children = new HashMap<>();
    for (String n : entities) {
      TypeElement t = elements.getTypeElement(n);
      if (t == null || t.equals(root)) {
        continue;
      }
      List<TypeElement> a = entityAncestors(t);
      if (!a.isEmpty() && a.get(0).equals(root)) {
        children.computeIfAbsent(a.get(a.size() - 1), k -> new ArrayList<>()).add(t);
      }
    }
    List<TypeElement> out = new ArrayList<>();
    visit(root, children, out);
    return out;
  }

  private static void visit(TypeElement t, Map<TypeElement, List<TypeElement>> children, List<TypeElement> out) {
    out.add(t);
    List<TypeElement> mine = new ArrayList<>(children.getOrDefault(t, List.of()));
    mine.sort(Comparator.comparing(c -> c.getQualifiedName().toString()));
    for (TypeElement c : mine) {
      visit(c, children, out);
    }
  }

  /** {@code @DiscriminatorValue}, else the entity name. */
  private String value(TypeElement type) {
    AnnotationMirror dv = Mirrors.find(type, RuntimeNames.DISCRIMINATOR_VALUE);
    if (dv != null) {
      return mirrors.string(dv, "value");
    }
    AnnotationMirror entity = Mirrors.find(type, RuntimeNames.ENTITY);
    String name = entity == null ? "" : mirrors.string(entity, "name");
    return name.isEmpty() ? type.getSimpleName().toString() : name;
  }

  /** The table of {@code root}: its {@code @Table} name, else its simple name in snake case. */
  String tableOf(TypeElement root) {
    AnnotationMirror t = Mirrors.find(root, RuntimeNames.TABLE);
    return t != null && !mirrors.string(t, "name").isEmpty() ? mirrors.string(t, "name")
        : Naming.snakeCase(root.getSimpleName().toString());
  }

  private static String simple(String annotation) {
    return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
  }

  /**
   * The columns of one class in layout order, and what the parser must know while turning them
   * into properties: which are the discriminator slot or other branches' columns (synthetic for this
   * class), and which were declared below the root (nullable in the shared table).
   */
  static final class Layout {
    private final List<Candidate> candidates;
    private final Set<Candidate> absent = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Candidate> subclass = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Candidate> declaredHere = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Candidate, String> owner = new IdentityHashMap<>();
    private final Map<Candidate, TypeElement> ownerElement = new IdentityHashMap<>();
    private final Map<Integer, TypeElement> columnOwners = new HashMap<>();
    private final List<String> memberTables = new ArrayList<>();
    private final List<Integer> memberParents = new ArrayList<>();
    private List<TypeElement> members = List.of();
    private TypeElement element;
    private boolean joined;
    private final Set<Element> absentElements = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Integer> absentColumns = new TreeSet<>();
    private final Set<Integer> subclassColumns = new TreeSet<>();
    private ClassName root;
    private TypeElement rootElement;
    private String table;
    private String schema;
    private boolean isRoot;
    private String column;
    private int length;
    private String value;
    private List<String> values;
    private Map<String, ClassName> classes;
    private int discriminator = -1;
    private PropertyModel discriminatorModel;

    private Layout(List<Candidate> candidates) {
      this.candidates = candidates;
    }

    /** The candidates in column order (with the discriminator slot in a hierarchy). */
    List<Candidate> candidates() {
      return candidates;
    }

    /** The table of the hierarchy (the root's), for a class of a hierarchy. */
    String table(String own) {
      return plain() ? own : table;
    }

    /** The schema of the hierarchy's table. */
    String schema(String own) {
      return plain() ? own : schema;
    }

    /** Whether the entity is outside any hierarchy. */
    boolean plain() {
      return root == null;
    }

    boolean isDiscriminator(Candidate c) {
      return c == DISCRIMINATOR_SLOT;
    }

    /** Whether {@code c} is a column of another branch of the hierarchy (parse quietly, keep no relationship). */
    boolean absent(Candidate c) {
      return absent.contains(c);
    }

    /** Whether {@code c} is declared below the root (a subclass's own column, or another branch's). */
    boolean belowRoot(Candidate c) {
      return subclass.contains(c) || absent.contains(c);
    }

    /** The discriminator column as a synthetic, non-updatable VARCHAR property at {@code index}. */
    PropertyModel discriminator(int index) {
      discriminator = index;
      discriminatorModel = PropertyModel.builder().name(fieldName(column)).element(rootElement).index(index)
          .type(TypeName.get(String.class)).valueType(TypeName.get(String.class)).kind(ValueKind.STRING)
          .column(new ColumnModel(column, false, false, false, length, 0, 0, null, true, false, null))
          .access(NO_ACCESS).build();
      return discriminatorModel;
    }

    /** Records column {@code column} made from {@code c}; reports an explicit NOT NULL on a subclass column. */
    void added(Candidate c, PropertyModel column, Diagnostics diagnostics, Mirrors mirrors) {
      if (ownerElement.containsKey(c)) {
        columnOwners.put(column.index(), ownerElement.get(c));
      }
      if (absent.contains(c)) {
        absentColumns.add(column.index());
        absentElements.add(column.element());
      }
      if (subclass.contains(c)) {
        subclassColumns.add(column.index());
        AnnotationMirror col = Mirrors.find(c.element(), RuntimeNames.COLUMN);
        AnnotationValue nullable = col == null ? null : Mirrors.explicitValue(col, "nullable");
        // joined inheritance: a subclass column lives in its own class's table and may be NOT NULL
        if (!joined && declaredHere.contains(c) && nullable != null && !mirrors.bool(col, "nullable")) {
          diagnostics.error(c.element(), col, nullable, Errors.notNullSubclassColumn(owner.get(c), c.name()));
        }
      }
    }

    /**
     * Reports a column-name clash that involves the hierarchy (the discriminator, or another
     * branch's column, reported once, while the root is compiled); false when it is an ordinary
     * clash inside the class, for the parser's own message.
     */
    boolean clash(Candidate c, PropertyModel column, PropertyModel other, Diagnostics diagnostics) {
      if (plain()) {
        return false;
      }
      if (other == discriminatorModel || column == discriminatorModel) {
        PropertyModel property = other == discriminatorModel ? column : other;
        // another branch's property is reported while that branch is compiled
        if (!absentElements.contains(property.element()) && !(c != null && absent(c))) {
          diagnostics.error(property.element(), Errors.discriminatorClash(this.column, property.name(),
              root.simpleName()));
        }
        return true;
      }
      boolean involvesOther = (c != null && absent(c)) || absentElements.contains(other.element());
      if (!involvesOther) {
        return false;
      }
      if (isRoot && c != null && absent(c)) {
        String otherOwner = other.element().getEnclosingElement().getSimpleName().toString();
        diagnostics.error(c.element(), Errors.siblingColumnClash(column.columnName(), c.name(), owner.get(c),
            otherOwner));
      }
      return true;
    }

    /** Whether column {@code index} is not a property of this class. */
    boolean synthetic(int index) {
      return index == discriminator || absentColumns.contains(index);
    }

    /** The inheritance model, or null outside a hierarchy. */
    InheritanceModel model() {
      if (plain()) {
        return null;
      }
      return new InheritanceModel(root, isRoot, discriminator, value, values, classes,
          Collections.unmodifiableSet(new TreeSet<>(absentColumns)),
          joined ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(subclassColumns)), joinedModel());
    }

    /** The stored tables of a joined hierarchy, or null. */
    private dev.quarry.processor.model.JoinedModel joinedModel() {
      if (!joined) {
        return null;
      }
      int size = Math.max(discriminator + 1, columnOwners.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
      List<Integer> columnTables = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        TypeElement o = columnOwners.get(i);
        columnTables.add(o == null ? 0 : Math.max(0, members.indexOf(o))); // the discriminator: the root's
      }
      List<Integer> path = new ArrayList<>();
      for (int t = members.indexOf(element); t >= 0; t = memberParents.get(t)) {
        path.add(0, t);
      }
      return new dev.quarry.processor.model.JoinedModel(List.copyOf(memberTables), List.copyOf(memberParents),
          List.copyOf(columnTables), List.copyOf(path));
    }

    private static String fieldName(String column) {
      StringBuilder out = new StringBuilder();
      boolean upper = false;
      for (char ch : column.toCharArray()) {
        if (ch == '_') {
          upper = out.length() > 0;
        } else if (Character.isJavaIdentifierPart(ch)) {
          out.append(upper ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
          upper = false;
        }
      }
      String s = out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0)) ? "d" + out : out.toString();
      return javax.lang.model.SourceVersion.isKeyword(s) ? s + "_" : s;
    }
  }
}
