package dev.quarry.processor.catalog;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.catalog.CatalogTesting.assertClean;
import static dev.quarry.processor.catalog.CatalogTesting.assertSingleError;
import static dev.quarry.processor.catalog.CatalogTesting.compile;
import static dev.quarry.processor.catalog.CatalogTesting.describe;
import static dev.quarry.processor.catalog.CatalogTesting.lineOf;
import static dev.quarry.processor.catalog.CatalogTesting.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @QueryTable}: tables and views no entity maps, declared for the checker, and their errors. */
class DeclaredTablesTest {
  private static final JavaFileObject STATUS = source("com.shop.Status", """
      package com.shop;
      public enum Status { NEW, PAID }
      """);

  private static final JavaFileObject ORDER = source("com.shop.Order", """
      package com.shop;
      import dev.quarry.annotation.*;
      @Entity
      @Table(name = "orders")
      public class Order {
        @Id Long id;
        @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "order_tags") java.util.Set<Tag> tags;
      }
      """);

  private static final JavaFileObject TAG = source("com.shop.Tag", """
      package com.shop;
      import dev.quarry.annotation.*;
      @Entity
      public class Tag {
        @Id String name;
      }
      """);

  @Test
  void declaredOnTheDaoItsEnclosingTypesAndItsPackage() {
    JavaFileObject info = source("com.shop.package-info", """
        @QueryTable(name = "v_package", columns = @QueryColumn(name = "n", type = long.class, nullable = false))
        package com.shop;
        import dev.quarry.annotation.*;
        """);
    JavaFileObject reports = source("com.shop.Reports", """
        package com.shop;
        import dev.quarry.annotation.*;
        import java.math.BigDecimal;
        @QueryTable(name = "v_outer", columns = @QueryColumn(name = "x", type = String.class))
        public class Reports {
          @QueryTable(name = "v_totals", columns = {
              @QueryColumn(name = "order_id", type = long.class, nullable = false),
              @QueryColumn(name = "total", type = BigDecimal.class, nullable = true),
              @QueryColumn(name = "status", type = Status.class),
              @QueryColumn(name = "raw", type = byte[].class),
              @QueryColumn(name = "day", type = java.time.LocalDate.class)})
          @QueryTable(name = "reporting.V_Daily", columns = @QueryColumn(name = "amount", type = Double.class))
          public interface Dao {}
        }
        """);
    JavaFileObject other = source("com.other.OtherDao", """
        package com.other;
        public interface OtherDao {}
        """);
    CatalogProbe probe = new CatalogProbe("com.shop.Reports.Dao", "v_totals", "reporting.v_daily", "V_OUTER",
        "v_package", "orders");
    Compilation c = compile(probe, STATUS, ORDER, TAG, info, reports, other);
    assertClean(c);
    assertThat(describe(probe.table("v_totals"))).containsExactly(
        "order_id java.lang.Long not-null",
        "total java.math.BigDecimal null",
        "status com.shop.Status null",
        "raw byte[] null",
        "day java.time.LocalDate null").inOrder();
    assertThat(probe.table("reporting.v_daily").name()).isEqualTo("reporting.V_Daily");
    assertThat(describe(probe.table("reporting.v_daily"))).containsExactly("amount java.lang.Double null");
    assertThat(describe(probe.table("V_OUTER"))).containsExactly("x java.lang.String null");
    assertThat(describe(probe.table("v_package"))).containsExactly("n java.lang.Long not-null");
    assertThat(probe.tableNames).containsExactly("orders", "tag", "order_tags", "v_totals", "reporting.V_Daily",
        "v_outer", "v_package").inOrder();

    CatalogProbe elsewhere = new CatalogProbe("com.other.OtherDao", "v_totals", "orders");
    assertClean(compile(elsewhere, STATUS, ORDER, TAG, info, reports, other));
    assertThat(elsewhere.found.get("v_totals")).isEmpty();
    assertThat(elsewhere.tableNames).containsExactly("orders", "tag", "order_tags").inOrder();
  }

  @Test
  void aDeclaredTableMayNotBeAnEntitysTable() {
    JavaFileObject dao = source("com.shop.OrderQueries", """
        package com.shop;
        import dev.quarry.annotation.*;
        @QueryTable(name = "ORDERS", columns = @QueryColumn(name = "id", type = Long.class)) //!
        public interface OrderQueries {}
        """);
    CatalogProbe probe = new CatalogProbe("com.shop.OrderQueries", "orders");
    Compilation c = compile(probe, ORDER, TAG, dao);
    assertSingleError(c, dao, "//!", "@QueryTable 'ORDERS' names a table already mapped by entity com.shop.Order");
    assertThat(describe(probe.table("orders"))).containsExactly("id java.lang.Long not-null"); // the entity's
  }

  @Test
  void aDeclaredTableMayNotBeAnAssociationTable() {
    JavaFileObject dao = source("com.shop.OrderQueries", """
        package com.shop;
        import dev.quarry.annotation.*;
        @QueryTable(name = "order_tags", columns = @QueryColumn(name = "id", type = Long.class)) //!
        public interface OrderQueries {}
        """);
    Compilation c = compile(new CatalogProbe("com.shop.OrderQueries"), ORDER, TAG, dao);
    assertSingleError(c, dao, "//!", "already mapped by the many-to-many com.shop.Order.tags");
  }

  @Test
  void aColumnDeclaredTwice() {
    JavaFileObject dao = source("com.shop.ReportDao", """
        package com.shop;
        import dev.quarry.annotation.*;
        @QueryTable(name = "v_totals", columns = {
            @QueryColumn(name = "total", type = java.math.BigDecimal.class),
            @QueryColumn(name = "day", type = java.time.LocalDate.class),
            @QueryColumn(name = "TOTAL", type = Long.class)}) //!
        public interface ReportDao {}
        """);
    CatalogProbe probe = new CatalogProbe("com.shop.ReportDao", "v_totals");
    Compilation c = compile(probe, dao);
    assertSingleError(c, dao, "//!", "@QueryTable 'v_totals' declares column 'TOTAL' twice");
    assertThat(describe(probe.table("v_totals"))).containsExactly("total java.math.BigDecimal null",
        "day java.time.LocalDate null").inOrder();
  }

  @Test
  void aColumnTypeNoEntityColumnHas() {
    JavaFileObject dao = source("com.shop.ReportDao", """
        package com.shop;
        import dev.quarry.annotation.*;
        @QueryTable(name = "v_totals", columns = {
            @QueryColumn(name = "total", type = java.math.BigDecimal.class),
            @QueryColumn(name = "tags", type = java.util.List.class)}) //!
        public interface ReportDao {}
        """);
    CatalogProbe probe = new CatalogProbe("com.shop.ReportDao", "v_totals");
    Compilation c = compile(probe, dao);
    assertSingleError(c, dao, "//!", "column 'tags' of @QueryTable 'v_totals' cannot have type java.util.List");
    assertThat(describe(probe.table("v_totals"))).containsExactly("total java.math.BigDecimal null");
  }

  @Test
  void objectAndVoidAndOtherArraysAreNotColumnTypes() {
    for (String type : new String[] {"Object.class", "void.class", "int[].class", "Void.class"}) {
      JavaFileObject dao = source("com.shop.ReportDao", """
          package com.shop;
          import dev.quarry.annotation.*;
          @QueryTable(name = "v", columns = @QueryColumn(name = "c", type = %s)) //!
          public interface ReportDao {}
          """.formatted(type));
      assertSingleError(compile(new CatalogProbe("com.shop.ReportDao"), dao), dao, "//!", "cannot have type");
    }
  }

  @Test
  void theSameTableDeclaredTwice() {
    JavaFileObject dao = source("com.shop.ReportDao", """
        package com.shop;
        import dev.quarry.annotation.*;
        @QueryTable(name = "v_totals", columns = @QueryColumn(name = "a", type = String.class))
        @QueryTable(name = "V_TOTALS", columns = @QueryColumn(name = "b", type = String.class))
        public interface ReportDao {} //!
        """);
    // javac cannot point into repeated annotations (their container is synthesized): the message is on the type
    CatalogProbe probe = new CatalogProbe("com.shop.ReportDao", "v_totals");
    Compilation c = compile(probe, dao);
    assertSingleError(c, dao, "//!", "table 'V_TOTALS' is declared by more than one @QueryTable");
    assertThat(describe(probe.table("v_totals"))).containsExactly("a java.lang.String null"); // the first
  }

  @Test
  void aTableWithoutNameOrColumns() {
    JavaFileObject dao = source("com.shop.ReportDao", """
        package com.shop;
        import dev.quarry.annotation.*;
        @QueryTable(name = " ", columns = @QueryColumn(name = "a", type = String.class))
        @QueryTable(name = "v_empty", columns = {})
        @QueryTable(name = "v_unnamed", columns = @QueryColumn(name = "", type = String.class))
        public interface ReportDao {}
        """);
    CatalogProbe probe = new CatalogProbe("com.shop.ReportDao", "v_empty", "v_unnamed");
    Compilation c = compile(probe, dao);
    assertThat(c).failed();
    assertThat(c.errors()).hasSize(3);
    // repeated: on the type's line (javac cannot point into a synthesized container)
    assertThat(c).hadErrorContaining("@QueryTable needs a table name").inFile(dao).onLine(6);
    assertThat(c).hadErrorContaining("@QueryTable 'v_empty' declares no columns").inFile(dao).onLine(6);
    assertThat(c).hadErrorContaining("a @QueryColumn of @QueryTable 'v_unnamed' has no name").inFile(dao)
        .onLine(6);
    assertThat(probe.found.get("v_empty")).isEmpty();
    assertThat(describe(probe.table("v_unnamed"))).isEmpty();
  }

  @Test
  void singleDeclarationsGetTheirExactLine() {
    JavaFileObject dao = source("com.shop.ReportDao", """
        package com.shop;
        import dev.quarry.annotation.*;
        @QueryTable(
            name = "",  //!
            columns = @QueryColumn(name = "a", type = String.class))
        public interface ReportDao {}
        """);
    assertSingleError(compile(new CatalogProbe("com.shop.ReportDao"), dao), dao, "//!",
        "@QueryTable needs a table name");
  }

  @Test
  void errorsOnAPackageAreReportedOnceForEveryDaoInIt() {
    JavaFileObject info = source("com.shop.package-info", """
        @QueryTable(name = "v", columns = @QueryColumn(name = "c", type = Object.class)) //!
        package com.shop;
        import dev.quarry.annotation.*;
        """);
    JavaFileObject dao = source("com.shop.ReportDao", """
        package com.shop;
        public interface ReportDao {}
        """);
    // the probe builds the catalog twice, as a DAO generator does for several DAOs of the package
    Compilation c = compile(new CatalogProbe("com.shop.ReportDao"), info, dao);
    assertSingleError(c, info, "//!", "column 'c' of @QueryTable 'v' cannot have type java.lang.Object");
    assertThat(lineOf(info, "//!")).isEqualTo(1);
  }
}
