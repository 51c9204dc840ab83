package dev.quarry.processor.catalog;

import dev.quarry.processor.Diagnostics;
import dev.quarry.processor.EntityParser;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.query.Catalog;
import dev.quarry.processor.query.CatalogTable;
import dev.quarry.processor.query.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A test-only processor that does what the DAO generator will: parses the round's entities with
 * the real parser, builds a catalog for a declaring element with {@link CatalogBuilder}, and looks
 * tables up while javac still runs (the class-path lookups need the live {@code Filer}).
 */
final class CatalogProbe extends AbstractProcessor {
  private final String declaring;
  private final List<String> lookups;
  final List<EntityModel> models = new ArrayList<>();
  final Map<String, Optional<CatalogTable>> found = new LinkedHashMap<>();
  List<String> tableNames;
  List<String> tableNamesAfterLookups;
  Set<SqlDialect> dialects;
  private boolean done;

  /**
   * @param declaring the qualified name of the type (or package) whose declared tables count, or null
   * @param lookups the table names to look up
   */
  CatalogProbe(String declaring, String... lookups) {
    this.declaring = declaring;
    this.lookups = List.of(lookups);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(CatalogBuilder.DIALECTS_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    done = true;
    TypeElement entity = processingEnv.getElementUtils().getTypeElement("dev.quarry.annotation.Entity");
    List<TypeElement> entities = new ArrayList<>();
    for (Element e : round.getElementsAnnotatedWith(entity)) {
      entities.add((TypeElement) e);
    }
    EntityParser parser = new EntityParser(processingEnv);
    parser.remember(entities);
    Diagnostics quiet = new Diagnostics(processingEnv.getMessager()).quiet(); // QuarryProcessor reports
    for (TypeElement t : entities) {
      parser.parse(t, quiet).ifPresent(models::add);
    }
    Element element = null;
    if (declaring != null) {
      element = processingEnv.getElementUtils().getTypeElement(declaring);
      if (element == null) {
        element = processingEnv.getElementUtils().getPackageElement(declaring);
      }
    }
    CatalogBuilder.of(processingEnv, models, element); // twice, as a DAO generator may: errors once
    Catalog catalog = CatalogBuilder.of(processingEnv, models, element);
    tableNames = catalog.tableNames();
    for (String name : lookups) {
      found.put(name, catalog.table(name));
    }
    tableNamesAfterLookups = catalog.tableNames();
    CatalogBuilder.dialects(processingEnv);
    dialects = CatalogBuilder.dialects(processingEnv);
    return false;
  }

  /** The table looked up as {@code name}; fails when it was not found. */
  CatalogTable table(String name) {
    Optional<CatalogTable> t = found.get(name);
    if (t == null || t.isEmpty()) {
      throw new AssertionError("table " + name + " not found; known: " + tableNames);
    }
    return t.get();
  }
}
