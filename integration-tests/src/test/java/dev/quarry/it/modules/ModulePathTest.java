package dev.quarry.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarry used from a user's named module, as an application on the module path does: the module
 * {@code requires dev.quarry.runtime} and {@code provides} the generated registry, is compiled by javac
 * with the processor on the processor path and the runtime on the module path, and runs in a JVM of its
 * own with {@code java --module-path ... -m app/app.Main}. The project's other tests run on the class
 * path (surefire); this one is what checks the module path.
 */
class ModulePathTest {
  /**
   * A package of the runtime that its module does not export (user code must not compile against it).
   * With the runtime's internal packages in place this is {@code dev.quarry.engine.internal}.
   */
  static final String NOT_EXPORTED = "dev.quarry.orm.internal";

  private static final String MODULE_INFO = """
      module app {
        requires dev.quarry.runtime;
        requires com.h2database; // the JDBC driver (it could also come in with --add-modules)
        provides dev.quarry.spi.MappingRegistry with app.model.QuarryRegistry;
      }
      """;

  private static final String AUTHOR = """
      package app.model;

      import dev.quarry.annotation.*;
      import java.util.List;

      @Entity
      public class Author {
        @Id @GeneratedValue Long id;
        @Column(nullable = false) String name;
        @OneToMany(mappedBy = "author") List<Book> books;

        protected Author() {}
        public Author(String name) { this.name = name; }

        public Long getId() { return id; }
        public String getName() { return name; }
        public List<Book> getBooks() { return books; }
      }
      """;

  private static final String BOOK = """
      package app.model;

      import dev.quarry.annotation.*;

      @Entity
      public class Book {
        @Id @GeneratedValue Long id;
        String title;
        @ManyToOne Author author;

        protected Book() {}
        public Book(String title, Author author) { this.title = title; this.author = author; }

        public Long getId() { return id; }
        public String getTitle() { return title; }
        public Author getAuthor() { return author; }
      }
      """;

  private static final String MAIN = """
      package app;

      import app.model.Author;
      import app.model.Book;
      import app.model.QAuthor;
      import app.model.QBook;
      import dev.quarry.engine.Connection;
      import dev.quarry.engine.Engine;
      import dev.quarry.orm.Session;
      import dev.quarry.orm.SessionFactory;
      import dev.quarry.schema.Metadata;
      import dev.quarry.sql.Sql;
      import java.util.stream.Collectors;

      public final class Main {
        public static void main(String[] args) {
          System.out.println("modules " + Main.class.getModule().getName() + " " + Engine.class.getModule().getName());
          try (Engine engine = Engine.create("jdbc:h2:mem:modules;DB_CLOSE_DELAY=-1")) {
            Metadata.of(QAuthor.author, QBook.book).createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine);
            Long id;
            try (Session session = sessions.openSession()) {
              Author ann = new Author("Ann");
              Book granite = new Book("Granite", ann);
              session.add(ann);
              session.add(granite);
              session.add(new Book("Basalt", ann));
              session.commit();
              id = granite.getId();
            }
            try (Session session = sessions.openSession()) {
              Book book = session.get(Book.class, id);
              Author author = book.getAuthor(); // lazy: through the generated proxy
              System.out.println("book " + book.getTitle() + " by " + author.getName());
              System.out.println("books of " + author.getName() + ": " + author.getBooks().stream()
                  .map(Book::getTitle).sorted().collect(Collectors.joining(", ")));
            }
            QBook b = QBook.book;
            try (Connection conn = engine.connect()) {
              System.out.println("core: " + conn.execute(Sql.select(b.title).from(b).orderBy(b.title.asc()))
                  .fetchAll().stream().map(row -> row.get(b.title)).collect(Collectors.joining(", ")));
            }
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void userModuleCompilesAndRunsOnTheModulePath() throws Exception {
    Path src = write(Map.of("module-info.java", MODULE_INFO, "app/model/Author.java", AUTHOR,
        "app/model/Book.java", BOOK, "app/Main.java", MAIN));
    Compiled compiled = compile(src);
    assertTrue(compiled.success, compiled::report);
    assertTrue(Files.isRegularFile(compiled.out.resolve("app/model/QuarryRegistry.class")), compiled::report);

    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", compiled.out + File.pathSeparator + modulePath(), "-m", "app/app.Main")
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("the user module did not finish within 60 s; stderr:\n" + Files.readString(stderr));
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), () -> "exit code; stderr:\n" + err);
    assertEquals(List.of(
        "modules app dev.quarry.runtime",
        "book Granite by Ann",
        "books of Ann: Basalt, Granite",
        "core: Basalt, Granite"), Files.readAllLines(stdout, StandardCharsets.UTF_8), () -> "stderr:\n" + err);
  }

  @Test
  void userModuleCannotUseAPackageTheRuntimeDoesNotExport() throws Exception {
    assertTrue(packageExists(NOT_EXPORTED), NOT_EXPORTED + " is not in the runtime: the test would prove nothing");
    Path src = write(Map.of("module-info.java", """
        module app {
          requires dev.quarry.runtime;
        }
        """, "app/Internal.java", "package app;\n\nimport " + NOT_EXPORTED + ".*;\n\npublic class Internal {}\n"));
    Compiled compiled = compile(src);
    assertFalse(compiled.success, compiled::report);
    String errors = compiled.errors();
    assertTrue(errors.contains("package " + NOT_EXPORTED + " is not visible"), errors);
    assertTrue(errors.contains("is declared in module dev.quarry.runtime, which does not export it"), errors);
  }

  @Test
  void userModuleWithoutProvidesFailsWithTheLineToAdd() throws Exception {
    Path src = write(Map.of("module-info.java", """
        module app {
          requires dev.quarry.runtime;
        }
        """, "app/model/Author.java", AUTHOR, "app/model/Book.java", BOOK));
    Compiled compiled = compile(src);
    assertFalse(compiled.success, compiled::report);
    List<Diagnostic<? extends JavaFileObject>> errors = compiled.diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), compiled::report);
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    assertTrue(error.getSource().getName().endsWith("module-info.java"), compiled::report);
    assertEquals(1, error.getLineNumber(), compiled::report);
    assertTrue(error.getMessage(Locale.ROOT).contains(
        "add this line to module-info.java: provides dev.quarry.spi.MappingRegistry with app.model.QuarryRegistry;"),
        compiled::report);
  }

  // --- compiling a module -----------------------------------------------------------------------

  private record Compiled(boolean success, Path out, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
    }

    String report() {
      return "javac " + (success ? "succeeded" : "failed") + ":\n" + diagnostics.stream()
          .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber())
              + " " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }
  }

  private Path write(Map<String, String> files) throws IOException {
    Path src = dir.resolve("src");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = src.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
    }
    return src;
  }

  /** Compiles the module in {@code src} with the processor on the processor path, as a user's build does. */
  private Compiled compile(Path src) throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    // An empty class path: by default javac takes this JVM's, where the runtime's packages would also be
    // found in the unnamed module and the error for a non-exported package would depend on lookup order.
    Path noClassPath = Files.createDirectories(dir.resolve("empty"));
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(src)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", out.toString(), "--class-path", noClassPath.toString(),
          "--module-path", modulePath(),
          "--processor-path", processorPath(), "-Xlint:-processing", "-implicit:none");
      boolean ok = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      return new Compiled(ok, out, new ArrayList<>(diagnostics.getDiagnostics()));
    }
  }

  /** The runtime and what it requires, and the H2 driver: from this test's own class path. */
  private static String modulePath() {
    String runtime = location("dev.quarry.engine.Engine");
    if (!hasModuleInfo(Path.of(runtime))) {
      fail("the runtime on the test class path (" + runtime + ") has no module-info.class; build it in the "
          + "same reactor (mvn -pl runtime,processor,integration-tests ...)");
    }
    return String.join(File.pathSeparator, runtime, location("com.zaxxer.hikari.HikariDataSource"),
        location("org.slf4j.Logger"), location("org.h2.Driver"));
  }

  private static String processorPath() {
    return String.join(File.pathSeparator, location("dev.quarry.processor.QuarryProcessor"),
        location("com.palantir.javapoet.JavaFile"), location("net.sf.jsqlparser.parser.CCJSqlParserUtil"));
  }

  private static String location(String className) {
    try {
      return Path.of(Class.forName(className, false, ModulePathTest.class.getClassLoader())
          .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new AssertionError(className + " is not on the test class path", e);
    }
  }

  private static boolean packageExists(String name) {
    return ModulePathTest.class.getClassLoader().getResource(name.replace('.', '/')) != null;
  }

  private static boolean hasModuleInfo(Path classesOrJar) {
    if (Files.isDirectory(classesOrJar)) {
      return Files.isRegularFile(classesOrJar.resolve("module-info.class"));
    }
    try (JarFile jar = new JarFile(classesOrJar.toFile())) {
      return jar.getEntry("module-info.class") != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
