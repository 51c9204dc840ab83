package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Lifecycle callbacks and validators become direct calls in the mapping; wrong shapes are errors. */
class LifecycleTest {
  private static final String HEADER = "package com.shop;\nimport dev.quarry.annotation.*;\n";

  @Test
  void callbacksAndValidatorsAreCalledDirectly() throws IOException {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          int level;
          @BeforeInsert @BeforeUpdate void touch() {}
          @AfterLoad public void loaded() {}
          @Validates("email") String normalise(String email) { return email.toLowerCase(); }
          @Validates({"level"}) int clamp(int level) { return Math.max(0, level); }
        }
        """);
    Compilation c = Sources.compile(f);
    Sources.assertClean(c);
    String mapping = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/shop/Account_Mapping.java").orElseThrow()
        .getCharContent(true).toString();
    assertThat(mapping).contains("public void onLifecycle(LifecycleEvent event, Account e)");
    assertThat(mapping).containsMatch("case BEFORE_INSERT:\\s+e\\.touch\\(\\);\\s+break;");
    assertThat(mapping).containsMatch("case AFTER_LOAD:\\s+e\\.loaded\\(\\);");
    assertThat(mapping).contains("return new int[] {1, 2};");
    assertThat(mapping).containsMatch("case 2: \\{\\s+int v = \\(Integer\\) value;\\s+v = e\\.clamp\\(v\\);");
    assertThat(mapping).contains("PROPERTY_NAMES = {\"id\", \"email\", \"level\"};");
    String q = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/shop/QAccount.java").orElseThrow()
        .getCharContent(true).toString();
    assertThat(q).contains("extends Table implements EntityTable<Account>");
  }

  @Test
  void callbackWithParametersIsAnError() {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          @BeforeInsert void touch(String why) {} //!
        }
        """);
    assertSingleError(Sources.compile(f), f,
        "@BeforeInsert method touch() must be non-private, non-static and take no parameters");
  }

  @Test
  void validatorNamingAnUnknownPropertyIsAnError() {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          @Validates("mail") String check(String v) { return v; } //!
        }
        """);
    assertSingleError(Sources.compile(f), f,
        "@Validates on check names property 'mail', which is not a column of this entity; use one of [id, email]");
  }

  @Test
  void validatorOfTheWrongTypeIsAnError() {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          @Validates("email") String check(Integer v) { return ""; } //!
        }
        """);
    assertSingleError(Sources.compile(f), f, "@Validates method check must be non-private and non-static, take one "
        + "String parameter");
  }

  @Test
  void validatorTakingThePropertyNameIsCalledWithIt() throws IOException {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          Integer age;
          int level;
          @Validates({"email", "age", "level"}) Object check(String property, Object value) { return value; }
          @Validates("email") String trim(String property, CharSequence value) { return value.toString(); }
        }
        """);
    Compilation c = Sources.compile(f);
    Sources.assertClean(c);
    String mapping = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/shop/Account_Mapping.java").orElseThrow()
        .getCharContent(true).toString();
    assertThat(mapping).contains("return new int[] {1, 2, 3};");
    assertThat(mapping).containsMatch("String v = \\(String\\) value;\\s+v = \\(String\\) e\\.check\\(\"email\", v\\);"
        + "\\s+v = e\\.trim\\(\"email\", v\\);");
    assertThat(mapping).contains("v = (Integer) e.check(\"age\", v);");
    assertThat(mapping).contains("v = (Integer) e.check(\"level\", v);");
  }

  @Test
  void validatorWithThreeParametersIsAnError() {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          @Validates("email") String check(String p, String v, int x) { return v; } //!
        }
        """);
    assertSingleError(Sources.compile(f), f, "@Validates method check must take the new value (T value) or the "
        + "property name and the new value (String property, T value)");
  }

  @Test
  void validatorWhoseFirstOfTwoParametersIsNoStringIsAnError() {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          @Validates("email")
          String check(int property, //!
              String v) { return v; }
        }
        """);
    assertSingleError(Sources.compile(f), f, "the first parameter of @Validates method check receives the property "
        + "name and must be a String, not int");
  }

  @Test
  void twoArgumentValidatorWhoseValueTypeDoesNotFitEveryPropertyIsAnError() {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          Integer age;
          @Validates({"email", "age"}) String check(String property, String value) { return value; } //!
        }
        """);
    assertSingleError(Sources.compile(f), f, "@Validates method check must be non-private and non-static, and its "
        + "(String property, T value) form must take a T that property 'age' (Integer) is assignable to");
  }

  @Test
  void twoArgumentValidatorNamingAnUnknownPropertyIsAnError() {
    JavaFileObject f = source("com.shop.Account", HEADER + """
        @Entity
        public class Account {
          @Id Long id;
          String email;
          @Validates({"email", "mail"}) Object check(String property, Object value) { return value; } //!
        }
        """);
    assertSingleError(Sources.compile(f), f,
        "@Validates on check names property 'mail', which is not a column of this entity; use one of [id, email]");
  }
}
