package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.assertClean;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.moduleInfo;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Entities in a named module: its module-info must provide the generated registry (a named module
 * ignores META-INF/services), and generated code must compile though the module does not read
 * {@code java.compiler}, home of {@code @Generated}.
 */
class ModulesTest {
  private static final JavaFileObject AUTHOR = source("app.model.Author", """
      package app.model;
      import dev.quarry.annotation.*;
      import java.util.List;
      @Entity
      public class Author {
        @Id @GeneratedValue Long id;
        String name;
        @OneToMany(mappedBy = "author", fetch = FetchType.SELECTIN) List<Book> books;
      }
      """);

  private static final JavaFileObject BOOK = source("app.model.Book", """
      package app.model;
      import dev.quarry.annotation.*;
      @Entity
      public class Book {
        @Id @GeneratedValue Long id;
        String title;
        @ManyToOne(fetch = FetchType.JOINED) Author author;
      }
      """);

  /** Compiles as a named module against the runtime and what it requires, on the module path. */
  private static Compilation compileModule(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new QuarryProcessor())
        .withOptions("-Xlint:-processing", "--module-path", modulePath())
        .compile(sources);
  }

  private static String modulePath() {
    return Stream.of("dev.quarry.spi.MappingRegistry", "com.zaxxer.hikari.HikariDataSource", "org.slf4j.Logger")
        .map(ModulesTest::location).collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(String className) {
    try {
      return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static String generated(Compilation c, String name) throws java.io.IOException {
    return c.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
  }

  @Test
  void moduleWithoutProvidesIsAnErrorGivingTheLine() {
    JavaFileObject module = moduleInfo("""
        module app { //!
          requires dev.quarry.runtime;
        }
        """);
    Compilation c = compileModule(module, AUTHOR, BOOK);
    assertSingleError(c, module, "module app does not provide Quarry's generated mapping registry");
    assertThat(c).hadErrorContaining(
        "add this line to module-info.java: provides dev.quarry.spi.MappingRegistry with app.model.QuarryRegistry;");
  }

  @Test
  void otherProvidersOfTheServiceAreKeptInTheLine() {
    JavaFileObject other = source("app.Extra", """
        package app;
        public class Extra implements dev.quarry.spi.MappingRegistry {
          public java.util.List<dev.quarry.spi.EntityMapping<?>> mappings() { return java.util.List.of(); }
          public java.util.List<dev.quarry.spi.RowProjection<?>> projections() { return java.util.List.of(); }
        }
        """);
    JavaFileObject module = moduleInfo("""
        module app { //!
          requires dev.quarry.runtime;
          provides dev.quarry.spi.MappingRegistry with app.Extra;
        }
        """);
    Compilation c = compileModule(module, other, AUTHOR, BOOK);
    assertSingleError(c, module, "replace the provides directive of dev.quarry.spi.MappingRegistry in module-info.java "
        + "with: provides dev.quarry.spi.MappingRegistry with app.Extra, app.model.QuarryRegistry;");
  }

  @Test
  void moduleThatProvidesTheRegistryCompilesWithoutGenerated() throws Exception {
    JavaFileObject module = moduleInfo("""
        module app {
          requires dev.quarry.runtime;
          provides dev.quarry.spi.MappingRegistry with app.model.QuarryRegistry;
        }
        """);
    Compilation c = compileModule(module, AUTHOR, BOOK);
    assertClean(c);
    assertThat(c).succeeded();
    // the module does not read java.compiler: @Generated would not compile
    for (String name : List.of("app.model.QAuthor", "app.model.Author_Mapping", "app.model.BookDao",
        "app.model.QuarryRegistry")) {
      assertThat(generated(c, name)).doesNotContain("@Generated");
      assertThat(generated(c, name)).doesNotContain("javax.annotation.processing");
    }
  }

  @Test
  void moduleThatReadsJavaCompilerKeepsGenerated() throws Exception {
    JavaFileObject module = moduleInfo("""
        module app {
          requires dev.quarry.runtime;
          requires static java.compiler;
          provides dev.quarry.spi.MappingRegistry with app.model.QuarryRegistry;
        }
        """);
    Compilation c = compileModule(module, AUTHOR, BOOK);
    assertClean(c);
    assertThat(generated(c, "app.model.QBook")).contains("@Generated(\"dev.quarry.processor.QuarryProcessor\")");
    assertThat(generated(c, "app.model.QuarryRegistry"))
        .contains("@Generated(\"dev.quarry.processor.QuarryProcessor\")");
  }

  @Test
  void classPathOutputKeepsGenerated() throws Exception {
    Compilation c = Sources.compile(AUTHOR, BOOK);
    assertClean(c);
    assertThat(generated(c, "app.model.QAuthor")).contains("@Generated(\"dev.quarry.processor.QuarryProcessor\")");
  }
}
