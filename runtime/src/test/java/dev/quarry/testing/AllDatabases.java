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
 * Runs a test method once per database — SQLite, H2, PostgreSQL, MariaDB — each time with a fresh
 * {@link TestDatabase} as its first parameter, closed (and deleted) after the invocation.
 * {@code @AllDatabases({Kind.POSTGRES})} limits the kinds; the {@code quarry.test.databases}
 * system property limits them for the whole run.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
// zero invocations: a PostgreSQL-only test is skipped, not an error, when -Dquarry.test.databases leaves PostgreSQL out
@ParameterizedTest(name = "{0}", allowZeroInvocations = true)
@ArgumentsSource(AllDatabases.Provider.class)
public @interface AllDatabases {
  /** The kinds to run on; empty means every enabled kind. */
  TestDatabase.Kind[] value() default {};

  /** Supplies one lazily created {@link TestDatabase} per kind. */
  final class Provider implements ArgumentsProvider, AnnotationConsumer<AllDatabases> {
    private List<TestDatabase.Kind> kinds = TestDatabase.enabledKinds();


    @Override
    public void accept(AllDatabases annotation) {
      kinds = limit(annotation.value());
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
      return databases(kinds);
    }

    /** The enabled kinds among {@code wanted} (all enabled kinds when empty). */
    static List<TestDatabase.Kind> limit(TestDatabase.Kind[] wanted) {
      List<TestDatabase.Kind> enabled = TestDatabase.enabledKinds();
      if (wanted.length == 0) {
        return enabled;
      }
      List<TestDatabase.Kind> kinds = new ArrayList<>();
      for (TestDatabase.Kind k : wanted) {
        if (enabled.contains(k)) {
          kinds.add(k);
        }
      }
      return kinds;
    }

    /** One lazily created, named database per kind: Stream.map creates each just before its invocation. */
    static Stream<Arguments> databases(List<TestDatabase.Kind> kinds) {
      return kinds.stream().map(kind -> Arguments.of(Named.of(kind.vendor().displayName(), TestDatabase.create(kind))));
    }
  }
}
