package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the processor generated for this module's entities (every feature the integration
 * tests use) compiles without a single warning under {@code javac -Xlint:all} and under Eclipse's
 * compiler with its default warnings, as Eclipse and VS Code show them: generated code is browsed
 * like user code, and a warning in it is one the user cannot fix.
 */
class GeneratedSourcesLintTest {
  private static final Path GENERATED = Path.of("target/generated-test-sources/test-annotations");

  @TempDir
  Path out;

  @Test
  void javacWithAllLintReportsNothing() throws IOException {
    List<String> reported = compile(ToolProvider.getSystemJavaCompiler(), List.of("-Xlint:all"));
    assertEquals(List.of(), reported);
  }

  @Test
  void eclipseCompilerReportsNothing() throws IOException {
    // -warn:+unused... adds nothing the IDE does not show by default; the defaults are what users see
    List<String> reported = compile(new EclipseCompiler(), List.of());
    assertEquals(List.of(), reported);
  }

  /** Compiles the generated sources (not the tests) against the compiled test classes; every diagnostic. */
  private List<String> compile(JavaCompiler compiler, List<String> extra) throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(GENERATED)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(sources.size() > 100, "generated sources found: " + sources.size());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString(),
        "-classpath", classPath()));
    options.addAll(extra);
    StringWriter log = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      boolean ok = compiler.getTask(new PrintWriter(log), files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      List<String> reported = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.NOTE || d.getSource() != null)
          .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName())
              + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
          .collect(Collectors.toList());
      if (!ok && reported.isEmpty()) {
        reported.add("failed: " + log);
      }
      return reported;
    }
  }

  /** The test class path (surefire's, not the booter jar's). */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank()).collect(Collectors.joining(File.pathSeparator));
  }
}
