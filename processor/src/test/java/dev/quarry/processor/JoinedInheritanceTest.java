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

/** Joined-table inheritance: the generated stored tables and joins, and each misuse as an error on its line. */
class JoinedInheritanceTest {
  private static final JavaFileObject ANIMAL = source("com.zoo.Animal", """
      package com.zoo;
      import dev.quarry.annotation.*;
      @Entity
      @Table(name = "animal", schema = "zoo")
      @Inheritance(strategy = InheritanceType.JOINED)
      public class Animal {
        @Id Long id;
        String name;
      }
      """);

  private static JavaFileObject subclass(String name, String annotations, String body) {
    return source("com.zoo." + name, """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        %s
        public class %s extends Animal {
        %s
        }
        """.formatted(annotations, name, body));
  }

  @Test
  void eachClassGetsItsOwnStoredTableAndReadsAsTheJoin() throws IOException {
    Compilation c = compile(ANIMAL, subclass("Cat", "", "int lives;"),
        subclass("Dog", "@Table(name = \"dogs\")", "@Column(nullable = false) String breed;"));
    assertClean(c);
    String animal = generated(c, "com.zoo.QAnimal");
    assertThat(animal.replaceAll("\\s+", " ")).contains("public static final JoinedTables JOINED = "
        + "JoinedTables.of(animal, new String[] {\"animal\", \"cat\", \"dogs\"}, new int[] {-1, 0, 0}, "
        + "new int[] {0, 0, 0, 1, 2});");
    assertThat(animal).contains("return QAnimal.JOINED.source(0);");
    String dog = generated(c, "com.zoo.QDog");
    assertThat(dog).contains("return QAnimal.JOINED.source(0, 2);");
    assertThat(dog).contains("return QAnimal.JOINED.tables();");
    assertThat(dog).contains("ColumnSpec.<String>of(\"breed\", SqlTypes.VARCHAR)\n      .notNull()");
    assertThat(generated(c, "com.zoo.Cat_Mapping")).contains(
        "new Polymorphism(Animal.class, 2, \"Cat\", List.of(\"Cat\"), Cat_Mapping::mappingFor, QAnimal.JOINED, "
        + "new int[] {0, 1})");
  }

  @Test
  void anAbstractIntermediateClassHasATableToo() throws IOException {
    JavaFileObject pet = source("com.zoo.Pet", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        public abstract class Pet extends Animal {
          String owner;
        }
        """);
    JavaFileObject hamster = source("com.zoo.Hamster", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        public class Hamster extends Pet {
          int wheels;
        }
        """);
    Compilation c = compile(ANIMAL, pet, hamster);
    assertClean(c);
    assertThat(generated(c, "com.zoo.QAnimal").replaceAll("\\s+", " ")).contains("new String[] {\"animal\", "
        + "\"pet\", \"hamster\"}, new int[] {-1, 0, 1}, new int[] {0, 0, 0, 1, 2}");
    assertThat(generated(c, "com.zoo.Hamster_Mapping")).contains("QAnimal.JOINED, new int[] {0, 1, 2})");
  }

  @Test
  void subclassTableNamedLikeTheRoots() {
    JavaFileObject f = source("com.zoo.Cat", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        @Table(name = "animal") //!
        public class Cat extends Animal {
          int lives;
        }
        """);
    assertSingleError(compile(ANIMAL, f), f, "Cat would store its columns in table 'animal', which is already the "
        + "table of Animal in the same joined hierarchy (each class of InheritanceType.JOINED has its own table); "
        + "give Cat another table with @Table(name = ...)");
  }

  @Test
  void subclassDefaultTableNamedLikeASiblings() {
    JavaFileObject bird = subclass("Bird", "@Table(name = \"parrot\")", "int wings;");
    JavaFileObject f = source("com.zoo.Parrot", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        public class Parrot extends Animal { //!
          String words;
        }
        """);
    assertSingleError(compile(ANIMAL, bird, f), f, "Parrot would store its columns in table 'parrot', which is "
        + "already the table of Bird");
  }

  @Test
  void subclassDeclaringId() {
    JavaFileObject f = source("com.zoo.Cat", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        public class Cat extends Animal {
          @Id Long chip; //!
        }
        """);
    assertSingleError(compile(ANIMAL, f), f, "@Id on Cat.chip: the key and version of a hierarchy are declared "
        + "once, on its root Animal; remove @Id here");
  }

  @Test
  void subclassTableInAnotherSchema() {
    JavaFileObject f = source("com.zoo.Cat", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        @Table(name = "cat", schema = "pets") //!
        public class Cat extends Animal {
          int lives;
        }
        """);
    assertSingleError(compile(ANIMAL, f), f, "the table of Cat cannot be in schema 'pets': the tables of a joined "
        + "hierarchy live in the schema of its root Animal ('zoo'); remove schema here");
  }

  @Test
  void subclassTableWithIndexes() {
    JavaFileObject f = source("com.zoo.Cat", """
        package com.zoo;
        import dev.quarry.annotation.*;
        @Entity
        @Table(name = "cat", indexes = @Index(columns = "lives")) //!
        public class Cat extends Animal {
          int lives;
        }
        """);
    assertSingleError(compile(ANIMAL, f), f, "@Table(indexes) on Cat is not supported in a joined hierarchy; "
        + "declare single-column indexes and unique constraints with @Column(index = true, unique = true)");
  }

  private static String generated(Compilation c, String qualifiedName) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java").orElseThrow()
        .getCharContent(true).toString();
  }
}
