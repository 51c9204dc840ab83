package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the processor inside the newest JDK's {@code javac} found under {@code /usr/lib/jvm} (or
 * {@code $QUARRY_NEWEST_JDK}), the way a build does: on the processor path, since from JDK 23 on
 * javac ignores processors that are merely on the class path. Skipped when no JDK newer than 17 exists.
 */
class NewestJdkTest {
  @TempDir
  Path dir;

  @Test
  void processorRunsOnTheProcessorPathOfTheNewestJdkAndItsOutputCompiles() throws Exception {
    Optional<Path> jdk = newestJdk();
    assumeTrue(jdk.isPresent(), "no JDK newer than 17 installed");
    Path src = dir.resolve("src/com/shop");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Customer.java"), """
        package com.shop;
        import dev.quarry.annotation.*;
        import java.util.List;
        @Entity
        public class Customer {
          @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
          @Column(unique = true) String email;
          @OneToMany(mappedBy = "customer", fetch = FetchType.SELECTIN) List<Order> orders;
        }
        """);
    Files.writeString(src.resolve("Order.java"), """
        package com.shop;
        import dev.quarry.annotation.*;
        import java.time.Instant;
        @Entity @Table(name = "orders")
        public class Order {
          @Id @GeneratedValue Long id;
          @Version int version;
          @CreatedAt Instant created;
          @ManyToOne Customer customer;
          public Customer getCustomer() { return customer; }
          public void setCustomer(Customer customer) { this.customer = customer; }
        }
        """);
    Path out = dir.resolve("out");
    List<String> command = new ArrayList<>(List.of(jdk.get().resolve("bin/javac").toString(),
        "--release", "17", "-Xlint:all,-processing", "-Werror",
        "--processor-path", classPathOf(QuarryProcessor.class, JavaFile.class),
        "-cp", classPathOf(dev.quarry.spi.EntityMapping.class),
        "-d", out.toString(), "-s", out.toString()));
    try (Stream<Path> files = Files.list(src)) {
      files.forEach(f -> command.add(f.toString()));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "javac of " + jdk.get() + " failed:\n" + output);
    for (String generated : List.of("QOrder", "Order_Mapping", "Order_Proxy", "QCustomer", "Customer_Mapping",
        "QuarryRegistry")) {
      assertTrue(Files.exists(out.resolve("com/shop/" + generated + ".class")), generated + " was not compiled");
    }
    assertTrue(Files.exists(out.resolve("META-INF/services/dev.quarry.spi.MappingRegistry")));
  }

  @Test
  void fromJdk23OnAProcessorOnlyOnTheClassPathDoesNotRun() throws Exception {
    Optional<Path> jdk = newestJdk();
    assumeTrue(jdk.isPresent() && feature(jdk.get()) >= 23, "no JDK 23 or newer installed");
    Path src = dir.resolve("src/com/shop");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Tag.java"), """
        package com.shop;
        @dev.quarry.annotation.Entity
        public class Tag { @dev.quarry.annotation.Id Long id; }
        """);
    Path out = dir.resolve("out");
    Process p = new ProcessBuilder(jdk.get().resolve("bin/javac").toString(), "--release", "17",
        "-cp", classPathOf(dev.quarry.spi.EntityMapping.class, QuarryProcessor.class, JavaFile.class),
        "-d", out.toString(), "-s", out.toString(), src.resolve("Tag.java").toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    assertTrue(Files.exists(out.resolve("com/shop/Tag.class")));
    assertTrue(Files.notExists(out.resolve("com/shop/QTag.java")),
        "javac " + feature(jdk.get()) + " ran a class-path processor; the README's --processor-path advice is moot");
  }

  /** The newest JDK (by its release file's JAVA_VERSION) newer than 17. */
  static Optional<Path> newestJdk() throws IOException {
    String configured = System.getenv("QUARRY_NEWEST_JDK");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    Path root = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> jdks = Files.list(root)) {
      return jdks.filter(j -> Files.isExecutable(j.resolve("bin/javac")) && !Files.isSymbolicLink(j))
          .filter(j -> feature(j) > 17)
          .max(Comparator.comparingInt(NewestJdkTest::feature));
    }
  }

  private static int feature(Path jdk) {
    Properties release = new Properties();
    try (var in = Files.newBufferedReader(jdk.resolve("release"))) {
      release.load(in);
    } catch (IOException e) {
      return 0;
    }
    String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
    try {
      return Integer.parseInt(version.split("[.+-]")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String classPathOf(Class<?>... types) throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    for (Class<?> t : types) {
      entries.add(new File(t.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath());
    }
    return String.join(File.pathSeparator, entries);
  }
}
