package dev.quarry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a whole test class once per database, its tests sharing one {@link TestDatabase} (closed
 * after the class): faster than {@link AllDatabases} when tests share fixtures. Inject it into a
 * field annotated {@code @org.junit.jupiter.params.Parameter} or a constructor parameter.
 *
 * <pre>{@code
 * @EachDatabase
 * class OrderQueriesTest {
 *   @Parameter TestDatabase db;
 *   ...
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}", allowZeroInvocations = true)
@ArgumentsSource(EachDatabase.Provider.class)
public @interface EachDatabase {
  /** The kinds to run on; empty means every enabled kind. */
  TestDatabase.Kind[] value() default {};

  /** Supplies one lazily created {@link TestDatabase} per kind. */
  final class Provider implements ArgumentsProvider, AnnotationConsumer<EachDatabase> {
    private List<TestDatabase.Kind> kinds = TestDatabase.enabledKinds();

    @Override
    public void accept(EachDatabase annotation) {
      kinds = AllDatabases.Provider.limit(annotation.value());
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
      return AllDatabases.Provider.databases(kinds);
    }
  }
}
