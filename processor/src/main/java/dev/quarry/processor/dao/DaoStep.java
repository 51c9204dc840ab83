package dev.quarry.processor.dao;

import com.palantir.javapoet.JavaFile;
import dev.quarry.processor.Diagnostics;
import dev.quarry.processor.Errors;
import dev.quarry.processor.RoundCandidates;
import dev.quarry.processor.model.EntityModel;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Processes {@code @Dao} interfaces round by round, after the entities of the round: waits while
 * entities are deferred or the interface mentions types not generated yet, then parses it against
 * every entity model of the compilation and writes its {@code _Impl}.
 */
public final class DaoStep {
  /** Processor option: the databases @Query SQL is checked for (comma-separated; default all). */
  public static final String DIALECTS_OPTION = dev.quarry.processor.catalog.CatalogBuilder.DIALECTS_OPTION;

  private final ProcessingEnvironment env;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final DaoParser parser;
  private final Supplier<List<EntityModel>> models;
  private final BooleanSupplier entitiesDeferred;
  private final Predicate<Element> annotateGenerated;
  private final Predicate<TypeElement> missingTypes;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> seen = new HashSet<>();

  /**
   * @param models the entity models parsed so far
   * @param entitiesDeferred whether entities wait for a later round
   * @param annotateGenerated whether generated files next to an element may carry {@code @Generated}
   * @param missingTypes whether a type mentions types not generated yet
   */
  public DaoStep(ProcessingEnvironment env, Supplier<List<EntityModel>> models, BooleanSupplier entitiesDeferred,
      Predicate<Element> annotateGenerated, Predicate<TypeElement> missingTypes) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.diagnostics = new Diagnostics(env.getMessager());
    this.parser = new DaoParser(env);
    this.models = models;
    this.entitiesDeferred = entitiesDeferred;
    this.annotateGenerated = annotateGenerated;
    this.missingTypes = missingTypes;
  }

  /**
   * Runs each round's work: by default directly. {@code ProcessorBenchmark} (test sources) puts a
   * CPU-time meter here to report the DAOs' share of the processor's time; nothing else sets it.
   */
  public static volatile java.util.function.Consumer<Runnable> meter = Runnable::run;

  public void process(RoundEnvironment round) {
    meter.accept(() -> processRound(round));
  }

  private void processRound(RoundEnvironment round) {
    List<TypeElement> candidates = RoundCandidates.of(elements, round, deferred, DaoParser.DAO);
    for (TypeElement t : candidates) {
      String name = t.getQualifiedName().toString();
      if (seen.contains(name)) {
        continue;
      }
      if (!round.processingOver() && (entitiesDeferred.getAsBoolean() || missingTypes.test(t))) {
        deferred.add(name);
        continue;
      }
      seen.add(name);
      try {
        List<EntityModel> all = models.get();
        Map<String, EntityModel> byName = new HashMap<>();
        for (EntityModel m : all) {
          byName.put(m.type().canonicalName(), m);
        }
        Optional<DaoModel> model = parser.parse(t, byName, all, diagnostics);
        if (model.isPresent()) {
          write(t, DaoImplWriter.write(model.get(), annotateGenerated.test(t)));
        }
      } catch (RuntimeException | LinkageError ex) {
        diagnostics.error(t, Errors.unexpected(name, ex));
      }
    }
  }

  private void write(Element element, JavaFile file) {
    String name = file.packageName() + "." + file.typeSpec().name();
    try {
      String text = file.toString();
      javax.tools.JavaFileObject source = env.getFiler().createSourceFile(name, element);
      try (Writer w = source.openWriter()) {
        w.write(text);
      }
    } catch (IOException ex) {
      diagnostics.error(element, "could not write " + name + ": " + ex.getMessage());
    }
  }
}
