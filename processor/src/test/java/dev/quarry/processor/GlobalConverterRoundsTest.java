package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Global converters declared in an early round apply to entities another processor generates later. */
class GlobalConverterRoundsTest {
  /** Writes, in its first round, an entity with a {@code Code} property and no {@code @Convert}. */
  static final class EntityGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer w = processingEnv.getFiler().createSourceFile("com.shop.gen.Item").openWriter()) {
        w.write("""
            package com.shop.gen;
            @dev.quarry.annotation.Entity
            public class Item { @dev.quarry.annotation.Id Long id; com.shop.Code code; }
            """);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return false;
    }
  }

  @Test
  void aRoundWithOnlyConvertersIsSeenByEntitiesOfLaterRounds() throws IOException {
    JavaFileObject code = source("com.shop.Code", "package com.shop;\npublic record Code(String value) {}\n");
    JavaFileObject converter = source("com.shop.CodeConverter", """
        package com.shop;
        @dev.quarry.annotation.AutoApply
        public class CodeConverter implements dev.quarry.types.Converter<Code, String> {
          public String toDatabase(Code v) { return v.value(); }
          public Code fromDatabase(String v) { return new Code(v); }
        }
        """);
    Compilation c = Compiler.javac().withProcessors(new QuarryProcessor(), new EntityGenerator())
        .withOptions("-Xlint:-processing").compile(code, converter);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFile("com.shop.gen.QItem").orElseThrow().getCharContent(true).toString())
        .contains("SqlTypes.VARCHAR.converted(new CodeConverter(), Code.class)");
  }
}
