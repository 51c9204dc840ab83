package dev.quarry.processor.dao;

import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.query.Catalog;
import dev.quarry.processor.query.CatalogColumn;
import dev.quarry.processor.query.CatalogTable;
import dev.quarry.processor.query.SqlDialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * The catalog and dialects a {@code @Query} is checked against. Stand-in until the catalog
 * ({@code dev.quarry.processor.catalog.CatalogBuilder}) is merged: the tables of this compilation's
 * entities, and the dialects of option {@code quarry.dialects} (default: all).
 */
final class DaoCatalog {
  static final String DIALECTS_OPTION = "quarry.dialects";

  private DaoCatalog() {}

  static Catalog of(ProcessingEnvironment env, Collection<EntityModel> entities, Element declaringElement) {
    List<CatalogTable> tables = new ArrayList<>();
    for (EntityModel e : entities) {
      List<CatalogColumn> columns = new ArrayList<>();
      for (PropertyModel p : e.columns()) {
        columns.add(new CatalogColumn(p.columnName(), p.valueType().toString(), p.column().nullable()));
      }
      tables.add(new CatalogTable(e.schema().isEmpty() ? e.table() : e.schema() + "." + e.table(), columns));
    }
    return new Catalog() {
      @Override
      public Optional<CatalogTable> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
      }

      @Override
      public List<String> tableNames() {
        return tables.stream().map(CatalogTable::name).toList();
      }
    };
  }

  static Set<SqlDialect> dialects(ProcessingEnvironment env) {
    String option = env.getOptions().get(DIALECTS_OPTION);
    if (option == null || option.isBlank()) {
      return EnumSet.allOf(SqlDialect.class);
    }
    Set<SqlDialect> out = EnumSet.noneOf(SqlDialect.class);
    for (String s : option.split(",")) {
      out.add(SqlDialect.valueOf(s.trim().toUpperCase(Locale.ROOT)));
    }
    return out;
  }
}
