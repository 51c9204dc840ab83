package dev.quarry.processor.catalog;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.quarry.processor.QuarryProcessor;
import dev.quarry.processor.query.CatalogColumn;
import dev.quarry.processor.query.CatalogTable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with the Quarry processor and a {@link CatalogProbe}; describes tables tersely. */
final class CatalogTesting {
  private CatalogTesting() {}

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Compiles with the Quarry processor and {@code probe}, with {@code options} ({@code -Akey=value}). */
  static Compilation compile(CatalogProbe probe, List<String> options, List<File> classPath,
      JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:-processing"));
    all.addAll(options);
    List<JavaFileObject> inputs = new ArrayList<>(Arrays.asList(sources));
    inputs.addAll(runtimeAnnotationsIfMissing());
    Compiler compiler = Compiler.javac().withProcessors(new QuarryProcessor(), probe).withOptions(all);
    if (classPath != null) {
      compiler = compiler.withClasspath(classPath);
    }
    return compiler.compile(inputs);
  }

  static Compilation compile(CatalogProbe probe, JavaFileObject... sources) {
    return compile(probe, List.of(), null, sources);
  }

  /**
   * The sources of {@code @QueryTable} and its companions when the runtime on the class path predates
   * them: {@code mvn -pl processor} takes the runtime jar from the local repository, which may be
   * older than this tree; with {@code -am} or a full build the runtime's own classes are used.
   */
  static List<JavaFileObject> runtimeAnnotationsIfMissing() {
    try {
      Class.forName("dev.quarry.annotation.QueryTable");
      return List.of();
    } catch (ClassNotFoundException ex) {
      List<JavaFileObject> out = new ArrayList<>();
      for (String name : List.of("QueryTable", "QueryTables", "QueryColumn")) {
        Path file = Path.of("../runtime/src/main/java/dev/quarry/annotation/" + name + ".java");
        try {
          out.add(JavaFileObjects.forSourceString("dev.quarry.annotation." + name, Files.readString(file)));
        } catch (IOException io) {
          throw new UncheckedIOException(io);
        }
      }
      return out;
    }
  }

  /** The table as lines {@code name type null|not-null}, one per column, in order. */
  static List<String> describe(CatalogTable table) {
    List<String> out = new ArrayList<>();
    for (CatalogColumn c : table.columns()) {
      out.add(c.name() + " " + c.javaType() + " " + (c.nullable() ? "null" : "not-null"));
    }
    return out;
  }

  /** The 1-based line of the first line containing {@code marker} in {@code source}. */
  static int lineOf(JavaFileObject source, String marker) {
    try {
      String[] lines = source.getCharContent(true).toString().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains(marker)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no " + marker + " in " + source.getName());
  }

  /** Asserts nothing worse than a note. */
  static void assertClean(Compilation c) {
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER) {
        throw new AssertionError("unexpected diagnostic: " + d);
      }
    }
  }

  /** Asserts exactly one error, containing {@code message}, on the line of {@code source} holding {@code marker}. */
  static void assertSingleError(Compilation c, JavaFileObject source, String marker, String message) {
    assertThat(c).failed();
    assertWithMessage("errors: %s", c.errors()).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining(message).inFile(source).onLine(lineOf(source, marker));
  }
}
