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

/** {@code @Cached}: the regions generated mappings report, and each misuse as an error on its line with a fix. */
class CachedErrorsTest {
  private static final String HEADER = "package com.shop;\nimport dev.quarry.annotation.*;\nimport java.util.*;\n";

  private static JavaFileObject entity(String name, String body) {
    return source("com.shop." + name, HEADER + body);
  }

  private static String generated(Compilation c, String qualifiedName) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java").orElseThrow()
        .getCharContent(true).toString();
  }

  private static final JavaFileObject AUTHOR = entity("Author", """
      @Entity
      @Cached("authors")
      public class Author {
        @Id Long id;
        String name;
      }
      """);

  private static JavaFileObject person(String strategy, String cached) {
    return entity("Person", """
        @Entity
        @Inheritance(strategy = InheritanceType.%s)
        %s
        public class Person {
          @Id Long id;
          String name;
        }
        """.formatted(strategy, cached));
  }

  private static JavaFileObject employee(String cached) {
    return entity("Employee", """
        @Entity
        %s
        public class Employee extends Person {
          double salary;
        }
        """.formatted(cached));
  }

  @Test
  void mappingsReturnTheEntityRegionAndCollectionsCallCached() throws IOException {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Author author;
          @OneToMany(mappedBy = "book", fetch = FetchType.SELECTIN) @Cached("book-reviews") List<Review> reviews;
          @OneToMany(mappedBy = "book", fetch = FetchType.SELECTIN) List<Review> uncached;
        }
        """);
    JavaFileObject review = entity("Review", """
        @Entity
        public class Review {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Book book;
        }
        """);
    Compilation c = compile(AUTHOR, book, review);
    assertClean(c);
    assertThat(generated(c, "com.shop.Author_Mapping"))
        .contains("  @Override\n  public String cacheRegion() {\n    return \"authors\";\n  }\n");
    String bookMapping = generated(c, "com.shop.Book_Mapping");
    assertThat(bookMapping).doesNotContain("cacheRegion()"); // the interface's default: not cached
    assertThat(bookMapping).contains("RelationInfo.oneToMany(\"reviews\", Review.class).fetch(FetchType.SELECTIN)"
        + ".mappedBy(\"book\").cached(\"book-reviews\"),\n");
    assertThat(bookMapping).contains("RelationInfo.oneToMany(\"uncached\", Review.class).fetch(FetchType.SELECTIN)"
        + ".mappedBy(\"book\")\n");
  }

  @Test
  void aManyToManyCollectionIsCachedOnEitherSide() throws IOException {
    JavaFileObject tag = entity("Tag", """
        @Entity
        public class Tag {
          @Id Long id;
          @ManyToMany(mappedBy = "tags", fetch = FetchType.SELECTIN) @Cached("tag-posts") Set<Post> posts;
        }
        """);
    JavaFileObject post = entity("Post", """
        @Entity
        public class Post {
          @Id Long id;
          @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "post_tags") @Cached("post-tags") Set<Tag> tags;
        }
        """);
    Compilation c = compile(tag, post);
    assertClean(c);
    assertThat(generated(c, "com.shop.Tag_Mapping")).contains(".asSet().cached(\"tag-posts\")");
    assertThat(generated(c, "com.shop.Post_Mapping")).contains(".asSet().cached(\"post-tags\").joinTable(");
  }

  @Test
  void everyClassOfASingleTableHierarchyHasTheRootsRegion() throws IOException {
    Compilation c = compile(person("SINGLE_TABLE", "@Cached(\"people\")"), employee(""));
    assertClean(c);
    assertThat(generated(c, "com.shop.Person_Mapping")).contains("public String cacheRegion() {\n    return \"people\";");
    assertThat(generated(c, "com.shop.Employee_Mapping"))
        .contains("public String cacheRegion() {\n    return \"people\";");
  }

  @Test
  void aJoinedSubclassMayRepeatTheRootsRegion() throws IOException {
    Compilation c = compile(person("JOINED", "@Cached(\"people\")"), employee("@Cached(\"people\")"));
    assertClean(c);
    assertThat(generated(c, "com.shop.Employee_Mapping"))
        .contains("public String cacheRegion() {\n    return \"people\";");
  }

  @Test
  void aHierarchyWithoutCachedHasNoRegion() throws IOException {
    Compilation c = compile(person("JOINED", ""), employee(""));
    assertClean(c);
    assertThat(generated(c, "com.shop.Employee_Mapping")).doesNotContain("cacheRegion()");
  }

  @Test
  void cachedOnASubclassOfAnUncachedRoot() {
    JavaFileObject employee = employee("@Cached(\"employees\") //!");
    assertSingleError(compile(person("SINGLE_TABLE", ""), employee), employee, "@Cached(\"employees\") on "
        + "Employee, a subclass of Person: put @Cached on the root Person; a hierarchy shares one region (all its "
        + "classes share one identity), and Employee inherits it; remove @Cached here");
  }

  @Test
  void anotherRegionOnASubclassOfACachedRoot() {
    JavaFileObject employee = employee("@Cached(\"employees\") //!");
    assertSingleError(compile(person("JOINED", "@Cached(\"people\")"), employee), employee,
        "@Cached(\"employees\") on Employee, a subclass of Person: Person is already cached in region 'people'; "
            + "put @Cached on the root Person; a hierarchy shares one region");
  }

  @Test
  void cachedOnAMappedSuperclass() {
    JavaFileObject mixin = entity("Audited", """
        @MappedSuperclass
        @Cached("audited") //!
        public abstract class Audited {
          @CreatedAt java.time.Instant createdAt;
        }
        """);
    JavaFileObject note = entity("Note", """
        @Entity
        public class Note extends Audited {
          @Id Long id;
        }
        """);
    assertSingleError(compile(mixin, note), mixin, "@Cached on @MappedSuperclass Audited has no effect: only "
        + "entity rows and to-many collections are cached; remove it, and put @Cached on each entity (hierarchy "
        + "root) that should be cached");
  }

  @Test
  void cachedOnAnEmbeddable() {
    JavaFileObject address = entity("Address", """
        @Embeddable
        @Cached("addresses") //!
        public record Address(String street, String city) {}
        """);
    JavaFileObject customer = entity("Customer", """
        @Entity
        public class Customer {
          @Id Long id;
          Address address;
        }
        """);
    assertSingleError(compile(address, customer), address, "@Cached on @Embeddable Address has no effect");
  }

  @Test
  void cachedOnAnEmbeddablesComponent() {
    JavaFileObject address = entity("Address", """
        @Embeddable
        public class Address {
          @Cached("streets") String street; //!
          String city;
        }
        """);
    JavaFileObject customer = entity("Customer", """
        @Entity
        public class Customer {
          @Id Long id;
          Address address;
        }
        """);
    assertSingleError(compile(address, customer), address,
        "@Cached is not supported inside @Embeddable Address (on 'street')");
  }

  @Test
  void cachedOnAManyToOne() {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) @Cached("book-authors") Author author; //!
        }
        """);
    assertSingleError(compile(AUTHOR, book), book, "@Cached on @ManyToOne 'author': a to-one reference is served "
        + "from its target's cache; put @Cached on the entity Author instead");
  }

  @Test
  void cachedOnAOneToOne() {
    JavaFileObject profile = entity("Profile", """
        @Entity
        public class Profile {
          @Id Long id;
          @OneToOne(fetch = FetchType.JOINED)
          @Cached("profile-authors") //!
          Author author;
        }
        """);
    assertSingleError(compile(AUTHOR, profile), profile, "@Cached on @OneToOne 'author': a to-one reference is "
        + "served from its target's cache; put @Cached on the entity Author instead");
  }

  @Test
  void cachedOnAColumn() {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @Cached("titles") String title; //!
        }
        """);
    assertSingleError(compile(book), book, "@Cached on 'title' has no effect: only an entity class or a "
        + "@OneToMany/@ManyToMany collection is cached (a column is cached with its row); remove it, or put @Cached "
        + "on the entity Book");
  }

  @Test
  void cachedOnATransientField() {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @Transient @Cached("scratch") String scratch; //!
        }
        """);
    assertSingleError(compile(book), book, "@Cached on 'scratch' has no effect");
  }

  @Test
  void cachedOnAJavaTransientField() {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @Cached("scratch") transient String scratch; //!
        }
        """);
    assertSingleError(compile(book), book, "@Cached on 'scratch' has no effect");
  }

  @Test
  void aBlankEntityRegion() {
    JavaFileObject book = entity("Book", """
        @Entity
        @Cached(" ") //!
        public class Book {
          @Id Long id;
        }
        """);
    assertSingleError(compile(book), book, "@Cached on entity Book names no cache region; give it a region name, "
        + "e.g. @Cached(\"books\")");
  }

  @Test
  void aBlankCollectionRegion() {
    JavaFileObject shelf = entity("Shelf", """
        @Entity
        public class Shelf {
          @Id Long id;
          @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "shelf_authors")
          @Cached("") //!
          Set<Author> authors;
        }
        """);
    assertSingleError(compile(AUTHOR, shelf), shelf, "@Cached on 'authors' names no cache region");
  }
}
