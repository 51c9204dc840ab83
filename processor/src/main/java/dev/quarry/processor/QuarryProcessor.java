package dev.quarry.processor;

import com.google.auto.service.AutoService;
import dev.quarry.processor.dao.DaoStep;
import dev.quarry.processor.migrate.RevisionStep;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Quarry annotation processor: for every {@code @Entity} it writes the metamodel
 * ({@code QUser}), the mapping ({@code User_Mapping}), the lazy-loading subclass
 * ({@code User_Proxy}) and the DAO ({@code UserDao}), and one registry per compilation; for the
 * {@code @Revision} classes of quarry-migrate, one revision list per compilation.
 *
 * <p>Thin on purpose: the work is in {@link EntityStep} (rounds, deferral), {@link EntityParser}
 * (elements to a validated model) and one writer per generated file. It never lets an exception
 * reach javac, and it does not claim {@code @Entity} so other processors may read it too.
 */
@AutoService(Processor.class)
public final class QuarryProcessor extends AbstractProcessor {
  private EntityStep step;
  private ProjectionStep projections;
  private DaoStep daoStep;
  private RevisionStep revisions;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    projections = new ProjectionStep(processingEnv);
    step = new EntityStep(processingEnv, projections);
    daoStep = new DaoStep(processingEnv, step::entityModels, step::deferring, step::generatedReadable, MissingTypes::in);
    revisions = new RevisionStep(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // The converter annotations too, so that a round holding only converters still reaches the step.
    return Set.of(RuntimeNames.ENTITY, RuntimeNames.ANNOTATION + "AutoApply", RuntimeNames.ANNOTATION + "Converters",
        RuntimeNames.ANNOTATION + "Dao", RuntimeNames.PROJECTION, RevisionStep.ANNOTATION);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(EntityStep.REGISTRY_OPTION, DaoStep.DIALECTS_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      projections.process(round); // first: the registry written by the entity step lists this round's records
      step.process(round);
      daoStep.process(round); // after the entities of the round: a @Dao is checked against their models
      revisions.process(round); // migrations: independent of the entities
    } catch (RuntimeException | LinkageError ex) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Errors.unexpected("this round", ex));
    }
    return false;
  }
}
