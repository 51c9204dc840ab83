package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.quarry.processor.Sources.assertClean;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.compile;
import static dev.quarry.processor.Sources.markedLine;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Embeddables and computed properties: generated members, and every misuse as an error on its line. */
class EmbeddableErrorsTest {
  private static final JavaFileObject ADDRESS = source("com.shop.Address", """
      package com.shop;
      import dev.quarry.annotation.*;
      @Embeddable
      public record Address(String street, @Column(length = 40) String city) {}
      """);

  private static JavaFileObject user(String members) {
    return source("com.shop.User", """
        package com.shop;
        import dev.quarry.annotation.*;
        import dev.quarry.sql.NumberExpression;
        import dev.quarry.sql.StringExpression;
        @Entity
        public class User {
          @Id Long id;
          String firstName;
          String lastName;
        """ + members + "\n}\n");
  }

  /**
   * Our error on the marked line; the only other errors allowed are javac's "cannot find symbol QUser"
   * where the failed entity's expression method names the metamodel that was therefore not generated.
   */
  private static void assertErrorBesidesMissingMetamodel(Compilation c, JavaFileObject file, String message) {
    CompilationSubject.assertThat(c).hadErrorContaining(message).inFile(file).onLine(markedLine(file));
    assertThat(c.errors().stream().filter(d -> !d.getMessage(null).contains(message)
        && !(d.getMessage(null).contains("cannot find symbol") && d.getMessage(null).contains("QUser"))).toList())
        .isEmpty();
  }

  private static String generated(Compilation c, String qualifiedName) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java").orElseThrow()
        .getCharContent(true).toString();
  }

  @Test
  void embeddedValuesAndComputedPropertiesGenerate() throws IOException {
    JavaFileObject user = user("""
          @Embedded(prefix = "home_") Address home;
          Address work;
          @Computed public String getFullName() { return firstName + " " + lastName; }
          static StringExpression fullName(QUser u) { return u.firstName.concat(" ").concat(u.lastName); }
        """);
    Compilation c = compile(ADDRESS, user);
    assertClean(c);
    String q = generated(c, "com.shop.QUser");
    assertThat(q).contains("public final HomePath home = new HomePath(");
    assertThat(q).containsMatch("ColumnSpec\\.<String>of\\(\"home_city\",\\s*SqlTypes\\.varchar\\(40\\)\\)");
    assertThat(q).contains("ColumnSpec.<String>of(\"work_street\"");
    assertThat(q).contains("public StringExpression fullName() {\n    return User.fullName(this);");
    assertThat(q).contains("public Predicate eq(Address value)");
    String mapping = generated(c, "com.shop.User_Mapping");
    assertThat(mapping).contains("e.home = homeOf(vHomeStreet, vHomeCity);");
    assertThat(mapping).contains("return e.home == null ? null : e.home.city();");
    assertThat(mapping).contains("e.home = homeWith(e.home, 1, value);");
  }

  @Test
  void embeddedTypeMustBeEmbeddable() {
    JavaFileObject user = user("""
          @Embedded String nickname; //!
        """);
    assertSingleError(compile(user), user, "@Embedded property 'nickname' has type String, which is not an "
        + "@Embeddable; annotate String with @Embeddable");
  }

  @Test
  void twoEmbeddedValuesWithTheSamePrefixClash() {
    JavaFileObject user = user("""
          @Embedded(prefix = "a_") Address home;
          @Embedded(prefix = "a_") Address work; //!
        """);
    assertSingleError(compile(ADDRESS, user), user, "column 'a_street' of embedded 'work.street' is already used by "
        + "'home.street'; give the embedded property another prefix, e.g. @Embedded(prefix = \"work_\")");
  }

  @Test
  void anEmbeddedColumnClashingWithAPlainColumn() {
    JavaFileObject user = user("""
          @Column(name = "home_city") String town;
          Address home; //!
        """);
    assertSingleError(compile(ADDRESS, user), user, "column 'home_city' of embedded 'home.city' is already used by "
        + "'town'");
  }

  @Test
  void embeddableClassNeedsANoArgumentConstructor() {
    JavaFileObject point = source("com.shop.Point", """
        package com.shop;
        @dev.quarry.annotation.Embeddable
        public class Point {
          public Double x;
          public Point(double x) { this.x = x; }
        }
        """);
    JavaFileObject user = user("""
          Point location; //!
        """);
    assertSingleError(compile(point, user), user, "@Embeddable class Point has no no-argument constructor");
  }

  @Test
  void embeddableClassFieldsMustNotBeFinal() {
    JavaFileObject point = source("com.shop.Point", """
        package com.shop;
        @dev.quarry.annotation.Embeddable
        public class Point {
          public final Double x = 0d; //!
        }
        """);
    assertSingleError(compile(point, user("  Point location;")), point,
        "field 'x' of @Embeddable class Point is final");
  }

  @Test
  void privateComponentsWithoutAccessors() {
    JavaFileObject point = source("com.shop.Point", """
        package com.shop;
        @dev.quarry.annotation.Embeddable
        public class Point {
          private Double x; //!
          public Double getX() { return x; }
        }
        """);
    assertSingleError(compile(point, user("  Point location;")), point,
        "component 'x' of @Embeddable Point cannot be reached");
  }

  @Test
  void entityAnnotationsInsideAnEmbeddable() {
    JavaFileObject key = source("com.shop.Key", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Embeddable
        public class Key {
          @Version public Long v; //!
        }
        """);
    assertSingleError(compile(key, user("  Key key;")), key, "@Version is not supported inside @Embeddable Key");
  }

  @Test
  void nestedEmbeddables() {
    JavaFileObject outer = source("com.shop.Outer", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Embeddable
        public record Outer(String name,
            Address address) {} //!
        """);
    assertSingleError(compile(ADDRESS, outer, user("  Outer outer;")), outer, "nested embeddables are not supported");
  }

  @Test
  void columnOptionsOnTheEmbeddedProperty() {
    JavaFileObject user = user("""
          @Column(name = "x") Address home; //!
        """);
    assertSingleError(compile(ADDRESS, user), user, "@Column cannot be used on embedded property 'home'; put "
        + "column options on the embeddable's components");
  }

  @Test
  void embeddedIdWithAnotherId() {
    JavaFileObject order = source("com.shop.Order", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Order {
          @EmbeddedId Address key;
          @Id Long number; //!
        }
        """);
    assertSingleError(compile(ADDRESS, order), order, "@EmbeddedId 'key' is the whole key, but [number] are also @Id");
  }

  @Test
  void embeddedIdClassNeedsValueEquality() {
    JavaFileObject key = source("com.shop.Key", """
        package com.shop;
        @dev.quarry.annotation.Embeddable
        public class Key {
          public String a;
          public Integer b;
        }
        """);
    JavaFileObject order = source("com.shop.Order", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Order {
          @EmbeddedId Key key; //!
          String note;
        }
        """);
    assertSingleError(compile(key, order), order, "@EmbeddedId 'key' has type Key, a class without equals(Object) "
        + "and hashCode()");
  }

  @Test
  void referencesToAnEmbeddedIdAreReportedNotDropped() {
    JavaFileObject order = source("com.shop.Order", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Order {
          @EmbeddedId Address key;
          String note;
        }
        """);
    JavaFileObject line = source("com.shop.Line", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Line {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Order order; //!
        }
        """);
    assertSingleError(compile(ADDRESS, order, line), line, "@ManyToOne property 'order' refers to Order, which has a "
        + "composite key");
  }

  @Test
  void computedPropertyWithoutExpression() {
    JavaFileObject user = user("""
          @Computed public String getFullName() { return firstName + " " + lastName; } //!
        """);
    assertSingleError(compile(user), user, "computed property 'fullName' has no SQL expression: the entity declares "
        + "no static method fullName(QUser); add static StringExpression fullName(QUser t) { return ...; }");
  }

  @Test
  void computedExpressionWithTheWrongReturnType() {
    JavaFileObject user = user("""
          @Computed public String getFullName() { return firstName + " " + lastName; }
          static NumberExpression<Integer> fullName(QUser u) { return u.firstName.length(); } //!
        """);
    assertErrorBesidesMissingMetamodel(compile(user), user, "expression method fullName(QUser) of computed property 'fullName' "
        + "returns NumberExpression<Integer>, which is not an Expression of the getter's type String; return "
        + "StringExpression");
  }

  @Test
  void computedExpressionWithTheWrongParameter() {
    JavaFileObject user = user("""
          @Computed public String getFullName() { return firstName + " " + lastName; }
          static StringExpression fullName(User u) { return null; } //!
        """);
    assertSingleError(compile(user), user, "expression method fullName(User) of computed property 'fullName' must "
        + "be non-private, static and take the metamodel: static StringExpression fullName(QUser t)");
  }

  @Test
  void computedOnAMethodThatIsNotAGetter() {
    JavaFileObject user = user("""
          @Computed public String fullName() { return firstName; } //!
        """);
    assertSingleError(compile(user), user, "@Computed method fullName() is not a getter");
  }

  @Test
  void computedPropertyNamedLikeAColumn() {
    JavaFileObject user = user("""
          @Computed public String getFirstName() { return firstName; } //!
          static StringExpression firstName(QUser u) { return u.firstName; }
        """);
    assertErrorBesidesMissingMetamodel(compile(user), user, "computed property 'firstName' clashes with a persistent property");
  }
}
