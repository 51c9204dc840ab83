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

/**
 * Names in the metamodel: a foreign key's field follows its property ({@code authorId}) whatever the
 * column is called, the column-derived name stays as a deprecated alias, and association tables are
 * typed classes with {@code bookId}/{@code tagId} columns.
 */
class MetamodelNamesTest {
  private static final String HEADER = "package com.shop;\nimport dev.quarry.annotation.*;\nimport java.util.*;\n";

  private static JavaFileObject entity(String name, String body) {
    return source("com.shop." + name, HEADER + body);
  }

  private static final JavaFileObject AUTHOR = entity("Author", """
      @Entity
      public class Author {
        @Id Long id;
        String name;
      }
      """);

  private static final JavaFileObject TAG = entity("Tag", """
      @Entity
      public class Tag {
        @Id Integer id;
        String label;
      }
      """);

  private static String generated(Compilation c, String name) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, "com/shop/" + name + ".java").orElseThrow()
        .getCharContent(true).toString();
  }

  @Test
  void foreignKeyFieldIsThePropertyPlusIdWithTheOldNameDeprecated() throws IOException {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @ManyToOne(fetch = FetchType.SELECTIN) @JoinColumn(name = "AuthorId") Author author;
          @ManyToOne(fetch = FetchType.SELECTIN) @JoinColumn(name = "editor_ref") Author editor;
          @ManyToOne(fetch = FetchType.SELECTIN) Author reviewer;
        }
        """);
    Compilation c = compile(AUTHOR, book);
    assertClean(c);
    String q = generated(c, "QBook");
    assertThat(q).contains("public final NumberColumn<Long> authorId = this.<Long>numberColumn(");
    assertThat(q).containsMatch("@deprecated use \\{@link #authorId}\\s+\\*/\\s+@Deprecated\\s+"
        + "public final NumberColumn<Long> AuthorId = authorId;");
    assertThat(q).contains("public final NumberColumn<Long> editorId = ");
    assertThat(q).contains("public final NumberColumn<Long> editorRef = editorId;");
    assertThat(q).contains("public final NumberColumn<Long> reviewerId = ");
    assertThat(q).doesNotContain("= reviewerId;"); // reviewer_id: the old name is the new one, no alias
    String mapping = generated(c, "Book_Mapping");
    assertThat(mapping).doesNotContain(".AuthorId");
    assertThat(mapping).doesNotContain(".editorRef");
    String dao = generated(c, "BookDao");
    assertThat(dao).contains("public List<Book> findByAuthorId(Long authorId)");
    assertThat(dao).contains("public List<Book> findByEditorId(Long editorId)");
    assertThat(dao).containsMatch("@deprecated use \\{@link #findByEditorId}\\s+\\*/\\s+@Deprecated\\s+"
        + "public List<Book> findByEditorRef\\(Long editorRef\\) \\{\\s+return findByEditorId\\(editorRef\\);");
  }

  @Test
  void joinColumnFieldOverridesTheName() throws IOException {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          Long authorId;
          @ManyToOne(fetch = FetchType.SELECTIN) @JoinColumn(name = "writer", field = "writerId") Author author;
        }
        """);
    Compilation c = compile(AUTHOR, book);
    assertClean(c);
    String q = generated(c, "QBook");
    assertThat(q).contains("public final NumberColumn<Long> authorId = ");
    assertThat(q).contains("public final NumberColumn<Long> writerId = ");
    assertThat(q).contains("public final NumberColumn<Long> writer = writerId;");
  }

  @Test
  void foreignKeyFieldTakenByAPropertyIsAnError() {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @Column(name = "legacy_author") Long authorId;
          @ManyToOne(fetch = FetchType.SELECTIN) Author author; //!
        }
        """);
    assertSingleError(compile(AUTHOR, book), book, "the foreign key of 'author' would be field 'authorId' of the "
        + "metamodel, which is already the field of property 'authorId'; give it another name with "
        + "@JoinColumn(field = \"...\") on 'author', e.g. field = \"authorRef\"");
  }

  @Test
  void foreignKeyFieldsOfTwoReferencesClashing() {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @ManyToOne(fetch = FetchType.SELECTIN) Author author;
          @ManyToOne(fetch = FetchType.SELECTIN) @JoinColumn(name = "second_author", field = "authorId") Author second; //!
        }
        """);
    assertSingleError(compile(AUTHOR, book), book,
        "the foreign key of 'second' would be field 'authorId' of the metamodel, which is already the "
        + "foreign-key field of 'author'");
  }

  @Test
  void overrideThatIsNoIdentifierIsAnError() {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @ManyToOne(fetch = FetchType.SELECTIN) @JoinColumn(field = "author-id") Author author; //!
        }
        """);
    assertSingleError(compile(AUTHOR, book), book, "@JoinColumn(field = \"author-id\") on 'author' is not a Java "
        + "identifier");
  }

  @Test
  void associationTableIsATypedNestedClass() throws IOException {
    JavaFileObject book = entity("Book", """
        @Entity
        public class Book {
          @Id Long id;
          @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "book_tags", joinColumn = "BookId", inverseJoinColumn = "TagId")
          Set<Tag> tags;
        }
        """);
    Compilation c = compile(TAG, book);
    assertClean(c);
    String q = generated(c, "QBook");
    assertThat(q).contains("public static final TagsTable TAGS_TABLE = new TagsTable(null);");
    assertThat(q).contains("public static final class TagsTable extends Table {");
    assertThat(q).contains("public final NumberColumn<Long> bookId = this.<Long>numberColumn(ColumnSpec.<Long>of("
        + "\"BookId\",");
    assertThat(q).contains("public final NumberColumn<Integer> tagId = this.<Integer>numberColumn(");
    assertThat(q).contains("public TagsTable as(String alias)");
    assertThat(generated(c, "Book_Mapping")).contains(".joinTable(QBook.TAGS_TABLE)");
  }

  @Test
  void selfReferencingAssociationTableFallsBackToColumnNames() throws IOException {
    JavaFileObject person = entity("Person", """
        @Entity
        public class Person {
          @Id Long id;
          @ManyToMany(fetch = FetchType.SELECTIN) @JoinTable(name = "friends", joinColumn = "person_id", inverseJoinColumn = "friend_id")
          Set<Person> friends;
        }
        """);
    Compilation c = compile(person);
    assertClean(c);
    String q = generated(c, "QPerson");
    assertThat(q).contains("public final NumberColumn<Long> personId = ");
    assertThat(q).contains("public final NumberColumn<Long> friendId = ");
  }
}
