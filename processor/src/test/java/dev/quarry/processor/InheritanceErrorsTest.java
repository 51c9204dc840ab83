package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.quarry.processor.Sources.assertClean;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.compile;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Single-table inheritance: the generated layout, and each misuse as an error on its line with a fix. */
class InheritanceErrorsTest {
  private static final JavaFileObject PERSON = source("com.shop.Person", """
      package com.shop;
      import dev.quarry.annotation.*;
      @Entity
      @Inheritance
      @DiscriminatorColumn(name = "type", length = 10)
      @DiscriminatorValue("person")
      public class Person {
        @Id Long id;
        String name;
      }
      """);

  private static JavaFileObject subclass(String name, String annotations, String body) {
    return source("com.shop." + name, """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        %s
        public class %s extends Person {
        %s
        }
        """.formatted(annotations, name, body));
  }

  @Test
  void everyClassGetsTheUnionLayoutAndAPolymorphismDescriptor() throws IOException {
    Compilation c = compile(PERSON, subclass("Employee", "@DiscriminatorValue(\"employee\")", "double salary;"),
        subclass("Customer", "", "String email;"));
    assertClean(c);
    String q = generated(c, "com.shop.QPerson");
    assertThat(q).contains("super(null, \"person\", alias)");
    assertThat(q).contains("ColumnSpec.<String>of(\"type\", SqlTypes.varchar(10))\n      .notNull().updatable(false)");
    assertThat(q).contains("private final StringColumn email");
    String employee = generated(c, "com.shop.Employee_Mapping");
    assertThat(employee).contains("new Polymorphism(Person.class, 2, \"employee\", List.of(\"employee\")");
    assertThat(employee).contains("case \"Customer\":");
    assertThat(generated(c, "com.shop.QEmployee")).contains("public final NumberColumn<Double> salary");
    assertThat(generated(c, "com.shop.QEmployee")).contains("super(null, \"person\", alias)");
  }

  @Test
  void anAbstractRootHasNoValueAndNoInstancesOfItsOwn() throws IOException {
    JavaFileObject animal = source("com.zoo.Animal", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        @Inheritance
        public abstract class Animal {
          @Id Long id;
        }
        """);
    JavaFileObject cat = source("com.zoo.Cat", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        public class Cat extends Animal {
          int lives;
        }
        """);
    Compilation c = compile(animal, cat);
    assertClean(c);
    String mapping = generated(c, "com.zoo.Animal_Mapping");
    assertThat(mapping).contains("new Polymorphism(Animal.class, 1, null, List.of(\"Cat\")");
    assertThat(mapping).contains("return Cat_Mapping.INSTANCE.newInstance()");
    assertThat(mapping).doesNotContain("case \"Animal\"");
    assertThat(c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/zoo/Animal_Proxy.java")).isEmpty();
  }

  @Test
  void twoClassesWithTheSameDiscriminatorValue() {
    JavaFileObject customer = subclass("Customer", "@DiscriminatorValue(\"staff\")", "String email;");
    JavaFileObject employee = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @DiscriminatorValue("staff") //!
        public class Employee extends Person {
          double salary;
        }
        """);
    assertSingleError(compile(PERSON, customer, employee), employee, "discriminator value 'staff' of Employee is "
        + "already the value of Customer in the same hierarchy; give one of them another @DiscriminatorValue");
  }

  @Test
  void discriminatorValueOutsideAHierarchy() {
    JavaFileObject f = source("com.shop.Tag", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @DiscriminatorValue("tag") //!
        public class Tag {
          @Id Long id;
        }
        """);
    assertSingleError(compile(f), f, "@DiscriminatorValue on Tag has no effect: Tag is not part of an entity "
        + "hierarchy; add @Inheritance to it (the root) or to the @Entity it extends, or remove @DiscriminatorValue");
  }

  @Test
  void subclassDeclaringTable() {
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @Table(name = "employees") //!
        public class Employee extends Person {
          double salary;
        }
        """);
    assertSingleError(compile(PERSON, f), f, "Employee is stored in the table of Person ('person', single-table "
        + "inheritance) and cannot declare @Table; remove it");
  }

  @Test
  void subclassDeclaringId() {
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Employee extends Person {
          @Id Long badge; //!
        }
        """);
    assertSingleError(compile(PERSON, f), f, "@Id on Employee.badge: the key and version of a hierarchy are declared "
        + "once, on its root Person; remove @Id here");
  }

  @Test
  void inheritanceOnASubclass() {
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @Inheritance //!
        public class Employee extends Person {
          double salary;
        }
        """);
    assertSingleError(compile(PERSON, f), f, "@Inheritance belongs on the root of the hierarchy, Person, not on "
        + "Employee, which extends it; remove it here");
  }

  @Test
  void discriminatorColumnClashingWithAProperty() {
    JavaFileObject f = source("com.shop.Animal", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @Inheritance
        @DiscriminatorColumn(name = "kind")
        public class Animal {
          @Id Long id;
          String kind; //!
        }
        """);
    assertSingleError(compile(f), f, "column 'kind' of property 'kind' is the discriminator column of the hierarchy "
        + "of Animal, which Quarry writes itself; rename the property's column with @Column(name = ...), or name "
        + "the discriminator otherwise with @DiscriminatorColumn(name = ...) on Animal");
  }

  @Test
  void embeddedValueInASubclass() {
    JavaFileObject address = source("com.shop.Address", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Embeddable
        public record Address(String street, String city) {}
        """);
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Employee extends Person {
          Address office; //!
        }
        """);
    assertSingleError(compile(PERSON, address, f), f, "embedded value 'office' is declared in a subclass of an "
        + "inheritance hierarchy, which is not supported; declare it on the hierarchy's root");
  }

  @Test
  void notNullSubclassColumn() {
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Employee extends Person {
          @Column(nullable = false) String badge; //!
        }
        """);
    assertSingleError(compile(PERSON, f), f, "column of Employee.badge cannot be NOT NULL: in single-table "
        + "inheritance the rows of other classes of the hierarchy leave it NULL");
  }

  @Test
  void twoSubclassesWithTheSameColumn() {
    JavaFileObject customer = subclass("Customer", "", "String code;");
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Employee extends Person {
          String code; //!
        }
        """);
    assertSingleError(compile(PERSON, customer, f), f, "column 'code' of Employee.code is also a column of Customer "
        + "in the same single table; give one of them another name with @Column(name = ...)");
  }

  @Test
  void discriminatorValueTooLongForTheColumn() {
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        @DiscriminatorValue("permanent-employee") //!
        public class Employee extends Person {
        }
        """);
    assertSingleError(compile(PERSON, f), f, "discriminator value 'permanent-employee' of Employee must be 1 to 10 "
        + "characters long to fit column 'type'");
  }

  private static String generated(Compilation c, String qualifiedName) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java").orElseThrow()
        .getCharContent(true).toString();
  }
}
