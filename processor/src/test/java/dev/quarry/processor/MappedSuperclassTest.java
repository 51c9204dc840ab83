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

/** Mixins: {@code @MappedSuperclass} columns land on each entity; unmapped base-class state is an error. */
class MappedSuperclassTest {
  private static final JavaFileObject MIXIN = source("com.shop.TimestampMixin", """
      package com.shop;
      import dev.quarry.annotation.*;
      @MappedSuperclass
      public abstract class TimestampMixin {
        @CreatedAt java.time.Instant createdAt;
        @UpdatedAt @Column(name = "modified") java.time.Instant updatedAt;
        static int counter;
        @Transient String scratch;
      }
      """);

  private static String generated(Compilation c, String qualifiedName) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java").orElseThrow()
        .getCharContent(true).toString();
  }

  @Test
  void mixinColumnsComeFirstOnEachEntityAndGetTimestamps() throws IOException {
    JavaFileObject user = source("com.shop.User", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class User extends TimestampMixin {
          @Id @GeneratedValue Long id;
          String name;
        }
        """);
    JavaFileObject post = source("com.shop.Post", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Post extends TimestampMixin {
          @Id @GeneratedValue Long id;
          String title;
        }
        """);
    Compilation c = compile(MIXIN, user, post);
    assertClean(c);
    for (String entity : new String[] {"User", "Post"}) {
      String q = generated(c, "com.shop.Q" + entity);
      assertThat(q).contains("public final TemporalColumn<Instant> createdAt");
      assertThat(q).contains("public final TemporalColumn<Instant> updatedAt");
      assertThat(q).containsMatch("ColumnSpec\\.<Instant>of\\(\"created_at\",");
      assertThat(q).containsMatch("ColumnSpec\\.<Instant>of\\(\"modified\",");
      assertThat(q.indexOf("\"created_at\"")).isLessThan(q.indexOf("\"modified\""));
      assertThat(q.indexOf("\"modified\"")).isLessThan(q.indexOf("\"id\""));
      assertThat(q).doesNotContain("scratch");
      assertThat(q).doesNotContain("counter");
      String mapping = generated(c, "com.shop." + entity + "_Mapping");
      assertThat(mapping).contains("if (e.createdAt == null)");
      assertThat(mapping).contains("e.updatedAt = ");
    }
  }

  @Test
  void mappedSuperclassAboveAPlainStatelessClassStillCounts() throws IOException {
    JavaFileObject middle = source("com.shop.Middle", """
        package com.shop;
        public abstract class Middle extends TimestampMixin {
          static final String KIND = "m";
          transient int cached;
          public String describe() { return KIND; }
        }
        """);
    JavaFileObject note = source("com.shop.Note", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Note extends Middle {
          @Id Long id;
        }
        """);
    Compilation c = compile(MIXIN, middle, note);
    assertClean(c);
    String q = generated(c, "com.shop.QNote");
    assertThat(q).contains("createdAt");
    assertThat(q).doesNotContain("cached");
  }

  @Test
  void plainSuperclassWithFieldsIsAnErrorOnTheEntity() {
    JavaFileObject base = source("com.shop.Audited", """
        package com.shop;
        public abstract class Audited {
          java.time.Instant createdAt;
          String createdBy;
        }
        """);
    JavaFileObject f = source("com.shop.Note", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Note extends Audited { //!
          @Id Long id;
        }
        """);
    assertSingleError(compile(base, f), f, "Note extends Audited, which declares fields [createdAt, createdBy] but is "
        + "not a @MappedSuperclass; annotate Audited with @MappedSuperclass to map them as columns of Note, or mark "
        + "them 'transient' or @Transient");
  }

  @Test
  void entitySuperclassWithoutInheritanceIsAnErrorNamingTheFix() {
    JavaFileObject base = source("com.shop.Person", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Person {
          @Id Long id;
        }
        """);
    JavaFileObject f = source("com.shop.Employee", """
        package com.shop;
        import dev.quarry.annotation.*;
        @Entity
        public class Employee extends Person { //!
          @Id Long badge;
          String title;
        }
        """);
    assertSingleError(compile(base, f), f, "entity Employee extends entity Person, but Person has no @Inheritance; "
        + "annotate Person with @Inheritance(strategy = InheritanceType.SINGLE_TABLE) to map the hierarchy in one "
        + "table, or replace @Entity on Person with @MappedSuperclass to copy its columns into Employee");
  }
}
