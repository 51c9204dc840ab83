package dev.quarry.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.net.URI;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/** Test sources and compilation helpers. A line containing {@code //!} is where an error is expected. */
final class Sources {
  private Sources() {}

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * A {@code module-info.java}. Its URI does not end in {@code module-info.java}: compile-testing hands
   * an input source to javac for any location whose lookup path ends like the source's, so javac would
   * take it for the declaration of every module on the module path (java.base included).
   */
  static JavaFileObject moduleInfo(String text) {
    return new SimpleJavaFileObject(URI.create("mem:///module-info.java.in"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }

      @Override
      public boolean isNameCompatible(String simpleName, JavaFileObject.Kind kind) {
        return kind == JavaFileObject.Kind.SOURCE && simpleName.equals("module-info");
      }
    };
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
