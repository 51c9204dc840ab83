package dev.quarry.processor.catalog;

import dev.quarry.processor.query.Catalog;
import dev.quarry.processor.query.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Filer;

/**
 * A catalog of this compilation's tables and the declared ones, which looks any other table up
 * on the class path, on demand, as a resource another module's processor shipped.
 */
final class ModelCatalog implements Catalog {
  private final Map<String, CatalogTable> known;
  private final Filer filer;
  private final Map<String, Optional<CatalogTable>> classPath;

  /**
   * @param known the tables of this compilation and the declared ones, by {@link TableResources#key}
   * @param filer reads the class path
   * @param classPath the compilation's cache of class-path lookups
   */
  ModelCatalog(Map<String, CatalogTable> known, Filer filer, Map<String, Optional<CatalogTable>> classPath) {
    this.known = known;
    this.filer = filer;
    this.classPath = classPath;
  }

  @Override
  public Optional<CatalogTable> table(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String key = TableResources.key(name);
    CatalogTable table = known.get(key);
    if (table != null) {
      return Optional.of(table);
    }
    return classPath.computeIfAbsent(key, k -> TableResources.read(filer, name));
  }

  @Override
  public List<String> tableNames() {
    List<String> names = new ArrayList<>();
    known.values().forEach(t -> names.add(t.name()));
    // and the class-path tables found so far, in name order (the lookups' order is the queries')
    Map<String, String> found = new TreeMap<>();
    classPath.forEach((k, t) -> t.ifPresent(x -> found.put(k, x.name())));
    found.forEach((k, n) -> {
      if (!known.containsKey(k)) {
        names.add(n);
      }
    });
    return names;
  }

  @Override
  public String toString() {
    return "Catalog" + tableNames();
  }
}
