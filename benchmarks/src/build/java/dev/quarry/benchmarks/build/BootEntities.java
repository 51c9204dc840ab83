package dev.quarry.benchmarks.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the entity classes the bootstrap scenario registers: 50 per contender, each table
 * {@code boot_NN} with six columns (id, name, amount, created_at, counter, active).
 *
 * <p>Run by the benchmarks build in {@code generate-sources} (exec-maven-plugin, Java's
 * single-file source launcher): {@code java BootEntities.java <sources dir> <resources dir>}.
 * The output is deterministic; a file is rewritten only when its text changes, so incremental
 * builds do not recompile the 250 classes.
 */
public final class BootEntities {
  /** Entities per contender. */
  static final int COUNT = 50;

  private static final String PKG = "dev/quarry/benchmarks/";

  private BootEntities() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BootEntities <sources dir> <resources dir>");
    }
    Path sources = Path.of(args[0]);
    Path resources = Path.of(args[1]);
    Map<Path, String> files = new LinkedHashMap<>();
    sources().forEach((path, text) -> files.put(sources.resolve(path), text));
    files.put(resources.resolve(PKG + "mybatis/boot/BootMapper.xml"), mapper());
    int written = 0;
    for (Map.Entry<Path, String> f : files.entrySet()) {
      Path path = f.getKey();
      if (Files.exists(path) && Files.readString(path).equals(f.getValue())) {
        continue;
      }
      Files.createDirectories(path.getParent());
      Files.writeString(path, f.getValue());
      written++;
    }
    // Files a previous version of this generator wrote and this one does not.
    for (Path root : List.of(sources, resources)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          if (!files.containsKey(p)) {
            Files.delete(p);
          }
        }
      }
    }
    System.out.println("BootEntities: " + files.size() + " files, " + written + " written");
  }

  static String nn(int i) {
    return String.format(Locale.ROOT, "%02d", i);
  }

  /**
   * The Java sources by path under the sources directory. Quarry, Hibernate, Ebean and MyBatis
   * share one class template (they differ only in imports and annotations); Jimmer's entities are
   * interfaces.
   */
  static Map<Path, String> sources() {
    Map<Path, String> files = new LinkedHashMap<>();
    List<String> hibernate = new ArrayList<>();
    List<String> ebean = new ArrayList<>();
    List<String> jimmer = new ArrayList<>();
    for (int i = 1; i <= COUNT; i++) {
      String n = nn(i);
      files.put(Path.of(PKG + "model/boot/Boot" + n + ".java"), entity(QUARRY, n));
      files.put(Path.of(PKG + "hibernate/boot/HBoot" + n + ".java"), entity(HIBERNATE, n));
      files.put(Path.of(PKG + "ebean/boot/EBoot" + n + ".java"), entity(EBEAN, n));
      files.put(Path.of(PKG + "jimmer/boot/JBoot" + n + ".java"), jimmer(n));
      files.put(Path.of(PKG + "mybatis/boot/MBoot" + n + ".java"), entity(MYBATIS, n));
      hibernate.add("HBoot" + n);
      ebean.add("EBoot" + n);
      jimmer.add("JBoot" + n);
    }
    files.put(Path.of(PKG + "hibernate/boot/HBootEntities.java"), list("hibernate", "HBoot", hibernate));
    files.put(Path.of(PKG + "jimmer/boot/JBootEntities.java"), list("jimmer", "JBoot", jimmer));
    files.put(Path.of(PKG + "ebean/boot/EBootEntities.java"), list("ebean", "EBoot", ebean));
    return files;
  }

  /** How one contender annotates the shared class template. */
  record Flavour(
      String pkg,
      String prefix,
      String what,
      List<String> imports,
      boolean entity,
      String id,
      String name,
      String amount,
      String createdAt) {}

  private static final List<String> VALUE_IMPORTS =
      List.of("java.math.BigDecimal", "java.time.LocalDateTime");

  private static List<String> imports(String annotations, String... names) {
    List<String> all = new ArrayList<>();
    for (String name : names) {
      all.add(annotations + "." + name);
    }
    all.addAll(VALUE_IMPORTS);
    return all;
  }

  private static final String NAME = "@Column(nullable = false, length = 64)";
  private static final String AMOUNT = "@Column(nullable = false, precision = 12, scale = 2)";

  static final Flavour QUARRY = new Flavour("model", "Boot", "bootstrap entity %s (Quarry)",
      imports("dev.quarry.annotation", "Column", "Entity", "GeneratedValue", "Id", "Table"),
      true, "@Id @GeneratedValue", NAME, AMOUNT, "");

  private static Flavour jpa(String pkg, String prefix, String library) {
    return new Flavour(pkg, prefix, "bootstrap entity %s (" + library + ")",
        imports("jakarta.persistence", "Column", "Entity", "GeneratedValue", "GenerationType", "Id",
            "Table"),
        true, "@Id @GeneratedValue(strategy = GenerationType.IDENTITY)", NAME, AMOUNT,
        "@Column(name = \"created_at\")");
  }

  /** Hibernate's and Ebean's are the same JPA source in two packages (Ebean enhances its own at build time). */
  static final Flavour HIBERNATE = jpa("hibernate", "HBoot", "Hibernate");

  static final Flavour EBEAN = jpa("ebean", "EBoot", "Ebean");

  /** A plain class: MyBatis maps it with an explicit result map (BootMapper.xml). */
  static final Flavour MYBATIS = new Flavour("mybatis", "MBoot",
      "bootstrap row %s (MyBatis result map target)", VALUE_IMPORTS, false, "", "", "", "");

  private static String field(String annotation, String declaration) {
    return "  " + (annotation.isEmpty() ? "" : annotation + " ") + declaration + "\n";
  }

  static String entity(Flavour f, String n) {
    StringBuilder s = new StringBuilder();
    s.append("package dev.quarry.benchmarks.").append(f.pkg()).append(".boot;\n\n");
    for (String i : f.imports()) {
      s.append("import ").append(i).append(";\n");
    }
    String cls = f.prefix() + n;
    s.append("\n/** Generated by BootEntities: ").append(f.what().formatted(n)).append(". */\n");
    if (f.entity()) {
      s.append("@Entity\n@Table(name = \"boot_").append(n).append("\")\n");
    }
    s.append("public class ").append(cls).append(" {\n");
    s.append(field(f.id(), "private Long id;"));
    s.append(field(f.name(), "private String name;"));
    s.append(field(f.amount(), "private BigDecimal amount;"));
    s.append(field(f.createdAt(), "private LocalDateTime createdAt;"));
    s.append(field("", "private long counter;"));
    s.append(field("", "private boolean active;"));
    s.append("\n  public ").append(cls).append("() {}\n");
    s.append(ACCESSORS);
    return s.toString();
  }

  private static final String ACCESSORS = """

        public Long getId() {
          return id;
        }

        public void setId(Long id) {
          this.id = id;
        }

        public String getName() {
          return name;
        }

        public void setName(String name) {
          this.name = name;
        }

        public BigDecimal getAmount() {
          return amount;
        }

        public void setAmount(BigDecimal amount) {
          this.amount = amount;
        }

        public LocalDateTime getCreatedAt() {
          return createdAt;
        }

        public void setCreatedAt(LocalDateTime createdAt) {
          this.createdAt = createdAt;
        }

        public long getCounter() {
          return counter;
        }

        public void setCounter(long counter) {
          this.counter = counter;
        }

        public boolean isActive() {
          return active;
        }

        public void setActive(boolean active) {
          this.active = active;
        }
      }
      """;

  static String jimmer(String n) {
    return """
        package dev.quarry.benchmarks.jimmer.boot;

        import java.math.BigDecimal;
        import java.time.LocalDateTime;
        import org.babyfish.jimmer.sql.Entity;
        import org.babyfish.jimmer.sql.GeneratedValue;
        import org.babyfish.jimmer.sql.GenerationType;
        import org.babyfish.jimmer.sql.Id;
        import org.babyfish.jimmer.sql.Table;

        /** Generated by BootEntities: bootstrap entity %1$s (Jimmer). */
        @Entity
        @Table(name = "boot_%1$s")
        public interface JBoot%1$s {
          @Id
          @GeneratedValue(strategy = GenerationType.IDENTITY)
          long id();

          String name();

          BigDecimal amount();

          LocalDateTime createdAt();

          long counter();

          boolean active();
        }
        """.formatted(n);
  }

  private static String list(String pkg, String prefix, List<String> classes) {
    StringBuilder refs = new StringBuilder();
    for (int i = 0; i < classes.size(); i++) {
      refs.append("\n      ").append(classes.get(i)).append(".class")
          .append(i == classes.size() - 1 ? "" : ",");
    }
    return """
        package dev.quarry.benchmarks.%1$s.boot;

        import java.util.List;

        /** Generated by BootEntities: the 50 entity classes the bootstrap scenario registers. */
        public final class %2$sEntities {
          private %2$sEntities() {}

          public static final List<Class<?>> ALL = List.of(%3$s);
        }
        """.formatted(pkg, prefix, refs);
  }

  /** MyBatis' mapper: one explicit result map and one find-by-id per boot_NN table. */
  static String mapper() {
    StringBuilder mapper = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
        <!-- Generated by BootEntities: one explicit result map and one find-by-id per boot_NN table. -->
        <mapper namespace="boot">
        """);
    for (int i = 1; i <= COUNT; i++) {
      mapper.append("""
            <resultMap id="boot%1$s" type="dev.quarry.benchmarks.mybatis.boot.MBoot%1$s" autoMapping="false">
              <id property="id" column="id"/>
              <result property="name" column="name"/>
              <result property="amount" column="amount"/>
              <result property="createdAt" column="created_at"/>
              <result property="counter" column="counter"/>
              <result property="active" column="active"/>
            </resultMap>
            <select id="find%1$s" resultMap="boot%1$s">
              SELECT id, name, amount, created_at, counter, active FROM boot_%1$s WHERE id = #{id}
            </select>
          """.formatted(nn(i)));
    }
    return mapper.append("</mapper>\n").toString();
  }
}
