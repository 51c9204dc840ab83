package dev.quarry.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Placeholder. */
@AutoService(Processor.class)
public final class QuarryProcessor extends AbstractProcessor {
  @Override public Set<String> getSupportedAnnotationTypes() { return Set.of("dev.quarry.annotation.Entity"); }
  @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
  @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.NOTE, "quarry processor ran");
    return false;
  }
}
