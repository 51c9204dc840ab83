package dev.quarry.processor.catalog;

import static com.google.common.truth.Truth.assertThat;
import static dev.quarry.processor.catalog.CatalogTesting.assertClean;
import static dev.quarry.processor.catalog.CatalogTesting.compile;
import static dev.quarry.processor.catalog.CatalogTesting.describe;
import static dev.quarry.processor.catalog.CatalogTesting.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.quarry.processor.QuarryProcessor;
import dev.quarry.processor.query.CatalogColumn;
import dev.quarry.processor.query.CatalogTable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities compiled in another module or jar: their compilation writes a table resource per table,
 * and a later compilation's catalog finds it on its class path.
 */
class ClassPathCatalogTest {
  private static final JavaFileObject STATUS = source("com.lib.Status", """
      package com.lib;
      public enum Status { NEW, PAID }
      """);

  private static final JavaFileObject ORDER = source("com.lib.Order", """
      package com.lib;
      import dev.quarry.annotation.*;
      @Entity
      @Table(name = "Orders", schema = "shop")
      public class Order {
        @Id Long id;
        @Column(nullable = false) Status status;
        @Column(name = "note text") String note;
        @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "order_tags") java.util.Set<Tag> tags;
      }
      """);

  private static final JavaFileObject TAG = source("com.lib.Tag", """
      package com.lib;
      import dev.quarry.annotation.*;
      @Entity
      public class Tag {
        @Id String name;
      }
      """);

  /** The library compilation, with the Quarry processor only (as a library's build runs it). */
  private static Compilation library() {
    Compilation lib = Compiler.javac().withProcessors(new QuarryProcessor()).withOptions("-Xlint:-processing")
        .compile(STATUS, ORDER, TAG);
    assertClean(lib);
    return lib;
  }

  @Test
  void aCompilationWritesOneResourcePerTable() throws IOException {
    Compilation lib = library();
    String orders = lib.generatedFile(StandardLocation.CLASS_OUTPUT, "quarry-table.shop.orders.properties")
        .orElseThrow().getCharContent(true).toString();
    assertThat(orders).isEqualTo("""
        # Quarry: a table of this module's entities, for the @Query checks of modules that use it.
        # column.N = <Java type values read as> <null|not-null> <column name>, in table order
        format=1
        table=shop.Orders
        column.1=java.lang.Long not-null id
        column.2=com.lib.Status not-null status
        column.3=java.lang.String null note text
        """);
    assertThat(TableResources.parse(orders).orElseThrow()).isEqualTo(new CatalogTable("shop.Orders", List.of(
        new CatalogColumn("id", "java.lang.Long", false), new CatalogColumn("status", "com.lib.Status", false),
        new CatalogColumn("note text", "java.lang.String", true))));
    assertThat(lib.generatedFile(StandardLocation.CLASS_OUTPUT, "quarry-table.tag.properties"))
        .isPresent();
    String tags = lib.generatedFile(StandardLocation.CLASS_OUTPUT, "quarry-table.order_tags.properties")
        .orElseThrow().getCharContent(true).toString();
    assertThat(tags).contains("column.1=java.lang.Long not-null Orders_id\ncolumn.2=java.lang.String not-null tag_id\n");
  }

  @Test
  void anotherCompilationFindsTheTablesInADirectoryOnItsClassPath(@TempDir Path classes) throws Exception {
    copyClassOutput(library(), classes);
    assertFoundOn(classes.toFile());
  }

  @Test
  void anotherCompilationFindsTheTablesInAJarOnItsClassPath(@TempDir Path dir) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    copyClassOutput(library(), classes);
    Path jar = dir.resolve("lib.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
         var files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    assertFoundOn(jar.toFile());
  }

  private static void assertFoundOn(File library) throws URISyntaxException {
    JavaFileObject invoice = source("com.app.Invoice", """
        package com.app;
        import dev.quarry.annotation.*;
        @Entity
        public class Invoice {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) com.lib.Order order;
        }
        """);
    CatalogProbe probe = new CatalogProbe(null, "shop.orders", "SHOP.ORDERS", "order_tags", "missing", "invoice");
    Compilation c = compile(probe, List.of(), List.of(runtimeClasses(), library), invoice);
    assertClean(c);
    assertThat(describe(probe.table("shop.orders"))).containsExactly(
        "id java.lang.Long not-null",
        "status com.lib.Status not-null",
        "note text java.lang.String null").inOrder();
    assertThat(probe.table("SHOP.ORDERS").name()).isEqualTo("shop.Orders");
    assertThat(describe(probe.table("order_tags"))).containsExactly(
        "Orders_id java.lang.Long not-null",
        "tag_id java.lang.String not-null").inOrder();
    assertThat(probe.found.get("missing")).isEmpty();
    assertThat(describe(probe.table("invoice"))).containsExactly(
        "id java.lang.Long not-null",
        "order_id java.lang.Long null").inOrder();
    assertThat(probe.tableNames).containsExactly("invoice"); // the class path is read on demand
    assertThat(probe.tableNamesAfterLookups).containsExactly("invoice", "order_tags", "shop.Orders").inOrder();
  }

  @Test
  void resourceNamesFoldCaseAndEscapeOtherCharacters() {
    assertThat(TableResources.path("Shop.Orders")).isEqualTo("quarry-table.shop.orders.properties");
    assertThat(TableResources.path("odd/name ä")).isEqualTo("quarry-table.odd~002fname~0020~00e4.properties");
    String text = TableResources.text(new CatalogTable("Ä b", List.of(new CatalogColumn("x\\y", "byte[]", true))));
    assertThat(text).contains("table=\\u00c4 b\ncolumn.1=byte[] null x\\\\y\n");
    assertThat(TableResources.parse(text).orElseThrow())
        .isEqualTo(new CatalogTable("Ä b", List.of(new CatalogColumn("x\\y", "byte[]", true))));
    assertThat(TableResources.parse("format=2\ntable=t\ncolumn.1=java.lang.Long null id\n")).isEmpty();
    assertThat(TableResources.parse("format=1\ntable=t\ncolumn.1=java.lang.Long maybe id\n")).isEmpty();
  }

  private static void copyClassOutput(Compilation c, Path target) throws IOException {
    for (JavaFileObject out : c.generatedFiles()) {
      String path = out.toUri().getPath();
      String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      if (!path.startsWith(prefix)) {
        continue; // generated sources
      }
      Path file = target.resolve(path.substring(prefix.length()));
      Files.createDirectories(file.getParent());
      try (InputStream in = out.openInputStream(); OutputStream o = Files.newOutputStream(file)) {
        in.transferTo(o);
      }
    }
    assertThat(Files.exists(target.resolve("quarry-table.shop.orders.properties"))).isTrue();
    assertThat(new String(Files.readAllBytes(target.resolve("quarry-table.tag.properties")),
        StandardCharsets.ISO_8859_1)).contains("table=tag");
  }

  private static File runtimeClasses() throws URISyntaxException {
    return new File(dev.quarry.types.Converter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
