package dev.quarry.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.RuntimeNames;
import java.util.List;

/** What every generated file carries: {@code @Generated} where it can, and JavaPoet's formatting. */
public final class Generated {
  /** The processor named in {@code @Generated}. */
  public static final String PROCESSOR = "dev.quarry.processor.QuarryProcessor";

  private Generated() {}

  public static AnnotationSpec annotation() {
    return AnnotationSpec.builder(RuntimeNames.GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

  /**
   * {@code @Generated}, or nothing when {@code readable} is false: in a named module that does not read
   * {@code java.compiler} the annotation would not compile (the step decides, see {@code Modules}).
   */
  public static List<AnnotationSpec> annotations(boolean readable) {
    return readable ? List.of(annotation()) : List.of();
  }

  /** A file for {@code type} in {@code packageName}, indented with two spaces. */
  public static JavaFile file(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("  ").build();
  }
}
