package dev.quarry.migrate.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Compiles sources as a user's build would: the test class path, Quarry's processor found on it. */
public final class Javac {
  private Javac() {}

  /** The class path the tests run with (surefire hides it behind a manifest-only jar). */
  public static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Compiles every .java file under {@code sources} into {@code classes}; fails with javac's output. */
  public static void compile(Path sources, Path classes) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", testClassPath(),
        "-Xlint:-processing", "-implicit:class", "--release", "17"));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    Files.createDirectories(classes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, out, out, args.toArray(String[]::new));
    if (rc != 0) {
      throw new AssertionError("javac failed:\n" + out.toString(StandardCharsets.UTF_8));
    }
  }
}
