package dev.quarry.processor.catalog;

import dev.quarry.processor.Errors;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.query.Catalog;
import dev.quarry.processor.query.CatalogTable;
import dev.quarry.processor.query.SqlDialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Builds the {@link Catalog} a {@code @Query} is checked against, and reads the dialects it is
 * checked for. Used by the DAO generator; see the package documentation for where tables come from.
 */
public final class CatalogBuilder {
  /** Processor option: the dialects queries are checked for, comma-separated ({@code postgresql,h2}). */
  public static final String DIALECTS_OPTION = "quarry.dialects";

  /** The dialects checked when the option is absent. */
  private static final Set<SqlDialect> DEFAULT_DIALECTS =
      Collections.unmodifiableSet(EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.SQLITE, SqlDialect.H2,
          SqlDialect.MARIADB));

  private CatalogBuilder() {}

  /**
   * The tables a query declared on {@code declaringElement} may name: every table {@code entities}
   * (this compilation's) map, the {@code @QueryTable}s on {@code declaringElement}, its enclosing
   * types and its package, and, looked up when a query names them, the tables other modules'
   * entities map (the resources their compilation wrote, on the class path). Reports what is
   * wrong with the declared tables (once per compilation) and leaves the faulty ones out.
   *
   * @param env the processing environment (its {@code Filer} reads the class path, its {@code Messager} reports)
   * @param entities the valid entity models of this compilation
   * @param declaringElement the DAO interface or method whose queries are checked, or null for none declared
   */
  public static Catalog of(ProcessingEnvironment env, Collection<EntityModel> entities, Element declaringElement) {
    Reporter reporter = Reporter.of(env);
    Map<String, CatalogTable> known = new LinkedHashMap<>();
    Map<String, String> owners = new LinkedHashMap<>();
    for (EntityTables.Mapped m : EntityTables.of(entities)) {
      String key = TableResources.key(m.table().name());
      known.putIfAbsent(key, m.table());
      owners.putIfAbsent(key, m.owner());
    }
    List<DeclaredTables.Declared> declared = declaringElement == null ? List.of()
        : DeclaredTables.collect(declaringElement, reporter);
    for (DeclaredTables.Declared d : declared) {
      String key = TableResources.key(d.table().name());
      if (owners.containsKey(key)) {
        reporter.error(d.element(), d.mirror(), d.name(), Errors.declaredTableClash(d.table().name(), owners.get(key)));
      } else if (known.containsKey(key)) {
        reporter.error(d.element(), d.mirror(), d.name(), Errors.declaredTableTwice(d.table().name()));
      } else {
        known.put(key, d.table());
      }
    }
    return new ModelCatalog(Collections.unmodifiableMap(known), env.getFiler(), reporter.classPathTables());
  }

  /**
   * The dialects named by processor option {@value #DIALECTS_OPTION} ({@code postgresql}, {@code sqlite},
   * {@code h2}, {@code mariadb}, {@code mysql}, comma-separated, any case); without the option
   * postgresql, sqlite, h2 and mariadb. An unknown name is a compile error listing the valid ones
   * (reported once); the names that are valid are still used (the defaults when none is).
   */
  public static Set<SqlDialect> dialects(ProcessingEnvironment env) {
    String option = env.getOptions().get(DIALECTS_OPTION);
    if (option == null) {
      return DEFAULT_DIALECTS;
    }
    List<String> valid = new ArrayList<>();
    for (SqlDialect d : SqlDialect.values()) {
      valid.add(d.optionName());
    }
    Reporter reporter = Reporter.of(env);
    Set<SqlDialect> out = EnumSet.noneOf(SqlDialect.class);
    boolean named = false;
    for (String part : option.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      named = true;
      SqlDialect found = null;
      for (SqlDialect d : SqlDialect.values()) {
        if (d.optionName().equalsIgnoreCase(name)) {
          found = d;
        }
      }
      if (found == null) {
        reporter.error(Errors.unknownDialect(name, DIALECTS_OPTION, valid));
      } else {
        out.add(found);
      }
    }
    if (!named) {
      reporter.error(Errors.noDialect(DIALECTS_OPTION, valid));
    }
    return out.isEmpty() ? DEFAULT_DIALECTS : Collections.unmodifiableSet(out);
  }
}
