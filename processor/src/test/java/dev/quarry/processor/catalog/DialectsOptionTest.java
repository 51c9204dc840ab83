package dev.quarry.processor.catalog;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.catalog.CatalogTesting.assertClean;
import static dev.quarry.processor.catalog.CatalogTesting.compile;
import static dev.quarry.processor.catalog.CatalogTesting.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.query.SqlDialect;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Processor option {@code quarry.dialects}, read by {@link CatalogBuilder#dialects}. */
class DialectsOptionTest {
  private static final JavaFileObject DAO = source("com.shop.ReportDao", """
      package com.shop;
      public interface ReportDao {}
      """);

  private static CatalogProbe run(String option, boolean clean) {
    CatalogProbe probe = new CatalogProbe("com.shop.ReportDao");
    Compilation c = compile(probe, option == null ? List.of() : List.of("-A" + CatalogBuilder.DIALECTS_OPTION + "=" + option),
        null, DAO);
    if (clean) {
      assertClean(c);
    } else {
      assertThat(c).failed();
      assertThat(c.errors()).hasSize(1); // dialects() ran twice: reported once
    }
    lastCompilation = c;
    return probe;
  }

  private static Compilation lastCompilation;

  @Test
  void withoutTheOptionPostgresqlSqliteH2AndMariadb() {
    assertThat(run(null, true).dialects).containsExactly(SqlDialect.POSTGRESQL, SqlDialect.SQLITE, SqlDialect.H2,
        SqlDialect.MARIADB);
  }

  @Test
  void namesAreCommaSeparatedAndIgnoreCaseAndBlanks() {
    assertThat(run("postgresql, H2 ,,MySQL", true).dialects).containsExactly(SqlDialect.POSTGRESQL, SqlDialect.H2,
        SqlDialect.MYSQL);
    assertThat(run("sqlite", true).dialects).containsExactly(SqlDialect.SQLITE);
  }

  @Test
  void anUnknownNameIsAnErrorListingTheValidOnes() {
    CatalogProbe probe = run("h2,oracle", false);
    assertThat(lastCompilation).hadErrorContaining("unknown dialect 'oracle' in processor option quarry.dialects; "
        + "the valid names are postgresql, sqlite, h2, mariadb, mysql");
    assertThat(probe.dialects).containsExactly(SqlDialect.H2);
  }

  @Test
  void anOptionNamingNoDialectIsAnError() {
    CatalogProbe probe = run(" , ", false);
    assertThat(lastCompilation).hadErrorContaining("processor option quarry.dialects names no dialect");
    assertThat(probe.dialects).hasSize(4);
  }
}
