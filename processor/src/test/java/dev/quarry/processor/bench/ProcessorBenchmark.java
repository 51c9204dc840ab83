package dev.quarry.processor.bench;

import dev.quarry.processor.QuarryProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Processor speed: generates N synthetic entities (default 200, 13 columns, an index, a unique
 * column, a version and a reference each) and compiles them in-process with javac, without the
 * processor ({@code -proc:none}) and with it, several times. Reports javac wall time both ways,
 * the time spent inside the processor per entity, and in how many rounds entities were processed.
 * Then the same with one {@code @Dao} per entity added (two derived finders and a checked
 * {@code @Query} with a join into a record each): the CPU time of the processor's DAO step is
 * metered inside it ({@code DaoStep.meter}), the rest is the entities'.
 *
 * <p>Run with {@code mvn -B -q -pl processor -am -Pbenchmark verify -DskipTests}
 * (see docs/PERFORMANCE.md). Arguments: entity count, measured runs.
 */
public final class ProcessorBenchmark {
  /** CPU time of the last {@link #compile} on this thread (javac runs in the calling thread). */
  private static long lastCpu;

  private ProcessorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("quarry-bench");
    List<Path> sources = generate(dir.resolve("src"), entities);
    String classPath = classPathOf(dev.quarry.spi.EntityMapping.class);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    System.out.printf(Locale.ROOT, "%d entities, %d source files, JDK %s%n", entities, sources.size(),
        System.getProperty("java.version"));

    long[] plain = new long[runs + 1];
    long[] processed = new long[runs + 1];
    long[] inProcessor = new long[runs + 1];
    long[] plainCpu = new long[runs + 1];
    long[] processedCpu = new long[runs + 1];
    long[] processorCpu = new long[runs + 1];
    int rounds = 0;
    int entityRounds = 0;
    for (int run = 0; run <= runs; run++) {
      plain[run] = compile(javac, sources, dir.resolve("plain" + run), classPath, null);
      plainCpu[run] = lastCpu;
      TimedProcessor timed = new TimedProcessor();
      processed[run] = compile(javac, sources, dir.resolve("processed" + run), classPath, timed);
      processedCpu[run] = lastCpu;
      inProcessor[run] = timed.nanos;
      processorCpu[run] = timed.cpuNanos;
      rounds = timed.rounds;
      entityRounds = timed.entityRounds;
    }
    System.out.printf(Locale.ROOT, "wall time, cold: javac %6.0f ms without processor, %6.0f ms with; "
        + "processor %5.0f ms = %.2f ms/entity%n", ms(plain[0]), ms(processed[0]), ms(inProcessor[0]),
        ms(inProcessor[0]) / entities);
    long[] warmPlain = Arrays.copyOfRange(plain, 1, runs + 1);
    long[] warmProcessed = Arrays.copyOfRange(processed, 1, runs + 1);
    long[] warmProcessor = Arrays.copyOfRange(inProcessor, 1, runs + 1);
    System.out.printf(Locale.ROOT, "wall time, warm: javac %6.0f ms without processor, %6.0f ms with; "
        + "processor %5.0f ms = %.2f ms/entity (medians of %d)%n", ms(median(warmPlain)), ms(median(warmProcessed)),
        ms(median(warmProcessor)), ms(median(warmProcessor)) / entities, runs);
    System.out.printf(Locale.ROOT, "CPU time, cold : javac %6.0f ms without processor, %6.0f ms with; "
        + "processor %5.0f ms = %.2f ms/entity%n", ms(plainCpu[0]), ms(processedCpu[0]), ms(processorCpu[0]),
        ms(processorCpu[0]) / entities);
    long[] warmProcessorCpu = Arrays.copyOfRange(processorCpu, 1, runs + 1);
    System.out.printf(Locale.ROOT, "CPU time, warm : javac %6.0f ms without processor, %6.0f ms with; "
        + "processor %5.0f ms = %.2f ms/entity (medians)%n", ms(median(Arrays.copyOfRange(plainCpu, 1, runs + 1))),
        ms(median(Arrays.copyOfRange(processedCpu, 1, runs + 1))), ms(median(warmProcessorCpu)),
        ms(median(warmProcessorCpu)) / entities);
    System.out.printf(Locale.ROOT, "rounds: %d in total, entities processed in %d round(s)%n", rounds, entityRounds);

    // The same entities plus one @Dao each (two derived finders, one checked @Query joining the
    // parent's table into a record), the DAO step's CPU time metered inside the processor.
    List<Path> withDaos = new ArrayList<>(sources);
    withDaos.addAll(generateDaos(dir.resolve("src"), entities));
    long[] daoPlainCpu = new long[runs + 1];
    long[] daoProcessedCpu = new long[runs + 1];
    long[] daoProcessorCpu = new long[runs + 1];
    long[] daoStepCpu = new long[runs + 1];
    int daoRounds = 0;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] stepCpu = new long[1];
    dev.quarry.processor.dao.DaoStep.meter = work -> {
      long cpu = threads.getCurrentThreadCpuTime();
      work.run();
      stepCpu[0] += threads.getCurrentThreadCpuTime() - cpu;
    };
    for (int run = 0; run <= runs; run++) {
      compile(javac, withDaos, dir.resolve("daoPlain" + run), classPath, null);
      daoPlainCpu[run] = lastCpu;
      TimedProcessor timed = new TimedProcessor();
      stepCpu[0] = 0;
      compile(javac, withDaos, dir.resolve("daoProcessed" + run), classPath, timed);
      daoProcessedCpu[run] = lastCpu;
      daoProcessorCpu[run] = timed.cpuNanos;
      daoStepCpu[run] = stepCpu[0];
      daoRounds = timed.rounds;
    }
    dev.quarry.processor.dao.DaoStep.meter = Runnable::run;
    long[] entityPart = new long[runs + 1];
    for (int run = 0; run <= runs; run++) {
      entityPart[run] = daoProcessorCpu[run] - daoStepCpu[run];
    }
    System.out.printf(Locale.ROOT, "with %d DAOs (%d source files), CPU time, first run (DAO code cold): javac "
        + "%6.0f ms without processor, %6.0f ms with; processor %5.0f ms: entities %5.0f ms = %.2f ms/entity, DAOs %5.0f ms = %.2f ms/DAO%n",
        entities, withDaos.size(), ms(daoPlainCpu[0]), ms(daoProcessedCpu[0]), ms(daoProcessorCpu[0]),
        ms(entityPart[0]), ms(entityPart[0]) / entities, ms(daoStepCpu[0]), ms(daoStepCpu[0]) / entities);
    long[] warmStep = Arrays.copyOfRange(daoStepCpu, 1, runs + 1);
    long[] warmEntities = Arrays.copyOfRange(entityPart, 1, runs + 1);
    System.out.printf(Locale.ROOT, "with %d DAOs, CPU time, warm : javac %6.0f ms without processor, %6.0f ms with; "
        + "processor %5.0f ms: entities %5.0f ms = %.2f ms/entity, DAOs %5.0f ms = %.2f ms/DAO (medians; per-run "
        + "DAO ms: %s)%n", entities, ms(median(Arrays.copyOfRange(daoPlainCpu, 1, runs + 1))),
        ms(median(Arrays.copyOfRange(daoProcessedCpu, 1, runs + 1))),
        ms(median(Arrays.copyOfRange(daoProcessorCpu, 1, runs + 1))), ms(median(warmEntities)),
        ms(median(warmEntities)) / entities, ms(median(warmStep)), ms(median(warmStep)) / entities,
        Arrays.stream(warmStep).mapToObj(n -> String.format(Locale.ROOT, "%.0f", ms(n))).toList());
    System.out.printf(Locale.ROOT, "with DAOs: %d rounds in total%n", daoRounds);
    deleteRecursively(dir);
  }

  /**
   * One {@code @Dao} per entity: two derived finders and a checked {@code @Query} joining the
   * parent entity's table (the entity's own for the first) into a record.
   */
  public static List<Path> generateDaos(Path src, int count) throws IOException {
    Path pkg = src.resolve("bench");
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "Entity" + i;
      String join = i == 0 ? "entity_0 p ON p.id = e.id" : "entity_" + (i - 1) + " p ON p.id = e.parent_id";
      String text = "package bench;\n\n"
          + "import dev.quarry.annotation.*;\nimport java.util.*;\n\n"
          + "@Dao(entity = " + name + ".class)\n"
          + "public interface " + name + "Queries {\n"
          + "  List<" + name + "> findByNameAndActiveTrueOrderByCreatedAtDesc(String name);\n\n"
          + "  Optional<" + name + "> findByCode(String code);\n\n"
          + "  record Row(Long id, String name, String parentName) {}\n\n"
          + "  @Query(\"SELECT e.id, e.name, p.name AS parent_name FROM entity_" + i + " e JOIN " + join
          + " WHERE e.quantity > :min ORDER BY e.id\")\n"
          + "  List<Row> withParent(int min);\n"
          + "}\n";
      Path file = pkg.resolve(name + "Queries.java");
      Files.writeString(file, text);
      out.add(file);
    }
    return out;
  }

  /** Compiles and returns the wall time; fails on any error. */
  private static long compile(JavaCompiler javac, List<Path> sources, Path out, String classPath,
      AbstractProcessor processor) throws IOException {
    Files.createDirectories(out);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = new ArrayList<>(List.of("--release", "17", "-classpath", classPath,
          "-d", out.toString(), "-s", out.toString(), "-implicit:none"));
      if (processor == null) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (processor != null) {
        task.setProcessors(List.of(processor));
      }
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long start = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      boolean ok = task.call();
      lastCpu = threads.getCurrentThreadCpuTime() - cpu;
      long elapsed = System.nanoTime() - start;
      if (!ok) {
        throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
      }
      return elapsed;
    }
  }

  /** Delegates to the Quarry processor and measures the time spent in it. */
  static final class TimedProcessor extends AbstractProcessor {
    private final QuarryProcessor delegate = new QuarryProcessor();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long nanos;
    long cpuNanos;
    int rounds;
    int entityRounds;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      long start = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      super.init(env);
      delegate.init(env);
      nanos += System.nanoTime() - start;
      cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      boolean result = delegate.process(annotations, round);
      nanos += System.nanoTime() - start;
      cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
      rounds++;
      if (!annotations.isEmpty()) {
        entityRounds++;
      }
      return result;
    }
  }

  public static List<Path> generate(Path src, int count) throws IOException {
    Path pkg = src.resolve("bench");
    Files.createDirectories(pkg);
    List<Path> out = new ArrayList<>();
    Path status = pkg.resolve("Status.java");
    Files.writeString(status, "package bench;\npublic enum Status { NEW, ACTIVE, CLOSED }\n");
    out.add(status);
    for (int i = 0; i < count; i++) {
      String name = "Entity" + i;
      String reference = i == 0 ? "" : "  @ManyToOne(fetch = FetchType.JOINED) Entity" + (i - 1) + " parent;\n";
      String text = "package bench;\n\n"
          + "import dev.quarry.annotation.*;\n"
          + "import java.math.BigDecimal;\nimport java.time.*;\nimport java.util.UUID;\n\n"
          + "@Entity\n@Table(name = \"entity_" + i + "\", indexes = @Index(columns = {\"name\", \"createdAt\"}))\n"
          + "public class " + name + " {\n"
          + "  @Id @GeneratedValue Long id;\n"
          + "  @Column(length = 80, unique = true) String code;\n"
          + "  String name;\n  int quantity;\n  long total;\n"
          + "  @Column(precision = 12, scale = 2) BigDecimal price;\n"
          + "  boolean active;\n  LocalDate day;\n  Instant createdAt;\n  UUID token;\n  Status status;\n"
          + "  byte[] data;\n  @Version int version;\n"
          + reference
          + "}\n";
      Path file = pkg.resolve(name + ".java");
      Files.writeString(file, text);
      out.add(file);
    }
    return out;
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String classPathOf(Class<?>... types) throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    for (Class<?> t : types) {
      entries.add(new File(t.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath());
    }
    return String.join(File.pathSeparator, entries);
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
