/**
 * The Quarry annotation processor. javac finds it on the processor path (through
 * {@code META-INF/services}, written by AutoService) or on the processor module path (through
 * {@code provides}); it exports nothing.
 */
@SuppressWarnings("requires-automatic") // javapoet and auto-service name themselves in their manifests
module dev.quarry.processor {
  requires java.compiler;
  requires java.sql; // ResultSet and SQLException in generated signatures are named from their classes
  requires com.palantir.javapoet;
  requires net.sf.jsqlparser; // @Query checking (an explicit module: jsqlparser ships module-info)
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with dev.quarry.processor.QuarryProcessor;
}
