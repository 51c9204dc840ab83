package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.quarry.processor.catalog.TableResources;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.ProjectionModel;
import dev.quarry.processor.writer.DaoWriter;
import dev.quarry.processor.writer.MappingWriter;
import dev.quarry.processor.writer.MetamodelWriter;
import dev.quarry.processor.writer.ProxyWriter;
import dev.quarry.processor.writer.RegistryWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Processes {@code @Entity} classes round by round: defers those that mention types not generated
 * yet, parses the rest into models, checks what spans entities (table names), writes the files of
 * each entity, and finally one registry and its service entry for the whole compilation (in a named module,
 * checks that its module-info provides the registry: see {@link Modules}).
 */
final class EntityStep {
  /** Processor option naming the registry class (default: {@code <common package>.QuarryRegistry}). */
  static final String REGISTRY_OPTION = "quarry.registry";
  static final String SERVICE_FILE = "META-INF/services/dev.quarry.spi.MappingRegistry";

  private final Elements elements;
  private Boolean daoAvailable;
  private final Filer filer;
  private final Diagnostics diagnostics;
  private final EntityParser parser;
  private final Modules modules;
  private final String registryOption;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, String> tables = new HashMap<>();
  private final List<EntityModel> unregistered = new ArrayList<>();
  private final List<ClassName> registries = new ArrayList<>();
  // Query catalog: this compilation's valid entity models, and the tables whose resource is written
  private final List<EntityModel> models = new ArrayList<>();
  private final Set<String> tableResources = new HashSet<>();

  /** The {@code @Projection} records, listed in the same registries as the entities. */
  private final ProjectionStep projections;

  EntityStep(ProcessingEnvironment env, ProjectionStep projections) {
    this.projections = projections;
    this.elements = env.getElementUtils();
    this.filer = env.getFiler();
    this.diagnostics = new Diagnostics(env.getMessager());
    this.parser = new EntityParser(env);
    this.modules = new Modules(elements);
    this.registryOption = env.getOptions().get(REGISTRY_OPTION);
  }

  void process(RoundEnvironment round) {
    modules.collect(round);
    parser.globalConverters().collect(round, diagnostics);
    List<TypeElement> candidates = RoundCandidates.of(elements, round, deferred, RuntimeNames.ENTITY);
    parser.remember(candidates); // before parsing: a hierarchy's root needs its subclasses
    for (TypeElement t : candidates) {
      String name = t.getQualifiedName().toString();
      if (seen.contains(name)) {
        continue;
      }
      if (MissingTypes.in(t)) {
        if (round.processingOver()) {
          diagnostics.error(t, Errors.unresolvedTypes(name));
          seen.add(name);
        } else {
          deferred.add(name);
        }
        continue;
      }
      seen.add(name);
      try {
        Optional<EntityModel> model = parser.parse(t, diagnostics);
        if (model.isPresent() && uniqueTable(model.get())) {
          writeEntity(model.get());
          unregistered.add(model.get());
          models.add(model.get()); // Query catalog, @Dao interfaces
        }
      } catch (RuntimeException | LinkageError ex) {
        diagnostics.error(t, Errors.unexpected(name, ex));
      }
    }
    // In the round that wrote the entities: waiting one more round for the registry costs javac a round,
    // which re-enters every source of the compilation. Entities of later rounds get a registry of their own.
    if (deferred.isEmpty() && !projections.pending() && unregistered() && !round.processingOver()) {
      writeRegistry();
    }
    if (round.processingOver()) {
      modules.checkProvides(diagnostics); // before a registry of this round: see checkProvides
      if (unregistered() && diagnostics.errorCount() == 0) {
        writeRegistry();
      }
      writeServiceFile();
    }
  }

  /** Whether files generated next to {@code element} may carry {@code @Generated} (see {@link Modules}). */
  boolean generatedReadable(Element element) {
    return modules.generatedReadable(element);
  }

  /** Whether entities wait for types of a later round (a {@code @Dao} about them waits too). */
  boolean deferring() {
    return !deferred.isEmpty();
  }

  private boolean uniqueTable(EntityModel m) {
    boolean joinedSubclass = m.inheritance() != null && !m.inheritance().isRoot() && m.inheritance().joined() != null;
    if (m.inheritance() != null && !m.inheritance().isRoot() && !joinedSubclass) {
      return true; // single-table inheritance: subclasses share the root's table
    }
    String table = joinedSubclass ? m.inheritance().joined().ownTable() : m.table(); // joined: its own table
    String key = (m.schema() + "." + table).toLowerCase(Locale.ROOT);
    String other = tables.putIfAbsent(key, m.type().canonicalName());
    if (other == null) {
      return true;
    }
    diagnostics.error(m.element(), Mirrors.find(m.element(), RuntimeNames.TABLE),
        Errors.duplicateTable(table, other));
    return false;
  }

  private void writeEntity(EntityModel m) {
    boolean annotate = modules.generatedReadable(m.element());
    write(m.element(), MetamodelWriter.write(m, annotate));
    write(m.element(), MappingWriter.write(m, annotate));
    if (m.proxyable()) {
      write(m.element(), ProxyWriter.write(m, annotate));
    }
    // DAOs extend the ORM's EntityDao; a build with only Core on the class path gets no DAO.
    if (m.generateDao() && daoAvailable()) {
      write(m.element(), DaoWriter.write(m, annotate));
    }
  }

  /**
   * Whether {@code orm.EntityDao} is on the class path, looked up once: {@code Elements.getTypeElement}
   * searches every module of the compilation, which per entity cost as much as writing its DAO.
   */
  private boolean daoAvailable() {
    if (daoAvailable == null) {
      daoAvailable = elements.getTypeElement(RuntimeNames.ENTITY_DAO.canonicalName()) != null;
    }
    return daoAvailable;
  }

  private void write(Element element, JavaFile file) {
    // Rendered to a String first: one write instead of thousands of small appends to the Filer's writer.
    String name = file.packageName().isEmpty() ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
    try {
      String text = file.toString();
      javax.tools.JavaFileObject source = filer.createSourceFile(name,
          file.typeSpec().originatingElements().toArray(new Element[0]));
      try (Writer w = source.openWriter()) {
        w.write(text);
      }
    } catch (IOException ex) {
      diagnostics.error(element, "could not write " + file.packageName() + "." + file.typeSpec().name() + ": "
          + ex.getMessage());
    }
  }

  /** Whether entities or projection records were written that no registry lists yet. */
  private boolean unregistered() {
    return !unregistered.isEmpty() || projections.hasUnregistered();
  }

  private void writeRegistry() {
    List<EntityModel> models = new ArrayList<>(unregistered);
    unregistered.clear();
    models.sort(Comparator.comparing(m -> m.type().canonicalName()));
    List<ProjectionModel> records = projections.takeUnregistered();
    // The entities' package names the registry; records only when there is no entity (the name stays put).
    ClassName name = registryName(!models.isEmpty() ? models.stream().map(EntityModel::type).toList()
        : records.stream().map(ProjectionModel::type).toList());
    List<ClassName> mappings = models.stream().map(EntityModel::mappingType).toList();
    List<TypeElement> originating = new ArrayList<>(models.stream().map(EntityModel::element).toList());
    originating.addAll(records.stream().map(ProjectionModel::element).toList());
    JavaFile file = RegistryWriter.write(name, mappings, records.stream().map(ProjectionModel::projectionType).toList(),
        originating, modules.generatedReadable(originating.get(0)));
    write(originating.get(0), file);
    registries.add(name);
    modules.registryWritten(name, originating);
    writeTableResources();
  }

  // --- Query catalog ----------------------------------------------------------------------------

  /** The valid entity models of this compilation so far, for {@code CatalogBuilder.of}. */
  List<EntityModel> entityModels() {
    return List.copyOf(models);
  }

  /** With the registry: a resource per table not written yet, for the {@code @Query} checks of other modules. */
  private void writeTableResources() {
    try {
      TableResources.write(filer, models, tableResources);
    } catch (IOException | RuntimeException ex) {
      diagnostics.error(null, Errors.tableResourceNotWritten(TableResources.PREFIX + "*.properties",
          String.valueOf(ex.getMessage())));
    }
  }

  private ClassName registryName(List<ClassName> models) {
    ClassName base;
    if (registryOption != null && !registryOption.isBlank()) {
      base = ClassName.bestGuess(registryOption.trim());
    } else {
      base = ClassName.get(commonPackage(models), "QuarryRegistry");
    }
    return registries.isEmpty() ? base : base.peerClass(base.simpleName() + "_" + (registries.size() + 1));
  }

  private static String commonPackage(List<ClassName> models) {
    String[] common = null;
    int length = 0;
    for (ClassName m : models) {
      String[] parts = m.packageName().isEmpty() ? new String[0] : m.packageName().split("\\.");
      if (common == null) {
        common = parts;
        length = parts.length;
      } else {
        int i = 0;
        while (i < length && i < parts.length && parts[i].equals(common[i])) {
          i++;
        }
        length = i;
      }
    }
    return length == 0 ? "dev.quarry.generated" : String.join(".", java.util.Arrays.copyOf(common, length));
  }

  private void writeServiceFile() {
    if (registries.isEmpty()) {
      return;
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
      try (Writer w = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        w.write("# Generated by Quarry: the mapping registries of this compilation\n");
        for (ClassName r : registries) {
          w.write(r.reflectionName());
          w.write('\n');
        }
      }
    } catch (IOException ex) {
      diagnostics.error(null, "could not write " + SERVICE_FILE + ": " + ex.getMessage());
    }
  }
}
