package dev.quarry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a test method once per database — SQLite, H2, PostgreSQL — each time with a fresh
 * {@link TestDatabase} as its first parameter, closed (and deleted) after the invocation.
 * {@code @AllDatabases({Kind.POSTGRES})} limits the kinds; the {@code quarry.test.databases}
 * system property limits them for the whole run.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(AllDatabases.Provider.class)
public @interface AllDatabases {
  /** The kinds to run on; empty means every enabled kind. */
  TestDatabase.Kind[] value() default {};

  /** Supplies one lazily created {@link TestDatabase} per kind. */
  final class Provider implements ArgumentsProvider, AnnotationConsumer<AllDatabases> {
    private List<TestDatabase.Kind> kinds = TestDatabase.enabledKinds();

    @Override
    public void accept(AllDatabases annotation) {
      if (annotation.value().length > 0) {
        List<TestDatabase.Kind> wanted = new ArrayList<>();
        for (TestDatabase.Kind k : annotation.value()) {
          if (kinds.contains(k)) {
            wanted.add(k);
          }
        }
        kinds = wanted;
      }
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
      // Stream.map is lazy: each database is created just before its invocation.
      return kinds.stream().map(kind -> Arguments.of(Named.of(kind.vendor().displayName(), TestDatabase.create(kind))));
    }
  }
}
