package dev.quarry.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Test sources and compilation helpers. A line containing {@code //!} is where an error is expected. */
final class Sources {
  private Sources() {}

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new QuarryProcessor()).withOptions("-Xlint:-processing")
        .compile(sources);
  }

  /** The 1-based line of the {@code //!} marker in {@code source}. */
  static int markedLine(JavaFileObject source) {
    try {
      String[] lines = source.getCharContent(true).toString().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains("//!")) {
          return i + 1;
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no //! marker in " + source.getName());
  }

  /** Asserts exactly one error, containing {@code message}, on the marked line of {@code file}. */
  static void assertSingleError(Compilation compilation, JavaFileObject file, String message) {
    assertThat(compilation).failed();
    assertWithMessage("errors: %s", compilation.errors()).that(compilation.errors()).hasSize(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(markedLine(file));
  }

  /** Asserts that nothing worse than a note was reported. */
  static void assertClean(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        throw new AssertionError("unexpected diagnostic: " + d);
      }
    }
  }
}
