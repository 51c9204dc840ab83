package dev.quarry.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.RuntimeNames;

/** What every generated file carries: {@code @Generated}, and JavaPoet's formatting. */
public final class Generated {
  /** The processor named in {@code @Generated}. */
  public static final String PROCESSOR = "dev.quarry.processor.QuarryProcessor";

  private Generated() {}

  public static AnnotationSpec annotation() {
    return AnnotationSpec.builder(RuntimeNames.GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

  /** A file for {@code type} in {@code packageName}, indented with two spaces. */
  public static JavaFile file(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("  ").build();
  }
}
