package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.assertClean;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.compile;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** {@code @Projection} records: their generated readers, the registry that lists them, and their errors. */
class ProjectionTest {
  private static final String HEADER = "package com.shop;\nimport dev.quarry.annotation.*;\nimport java.util.*;\n";

  private static JavaFileObject file(String name, String body) {
    return source("com.shop." + name, HEADER + body);
  }

  private static String generated(Compilation c, String qualifiedName) throws IOException {
    return c.generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java").orElseThrow()
        .getCharContent(true).toString();
  }

  private static final JavaFileObject COLOR = file("Color", "public enum Color { RED, GREEN }\n");

  @Test
  void readerReadsEachComponentByIndexAndCallsTheCanonicalConstructor() throws IOException {
    JavaFileObject f = file("BookRow", """
        @Projection
        public record BookRow(long id, String title, Integer pages, Color color,
            @Enumerated(EnumType.ORDINAL) Color shade, java.time.LocalDate published, boolean active, char grade) {}
        """);
    Compilation c = compile(f, COLOR);
    assertClean(c);
    String reader = generated(c, "com.shop.BookRow_Projection");
    assertThat(reader).contains("public final class BookRow_Projection implements RowProjection<BookRow>");
    assertThat(reader).contains("long id = rs.getLong(columns[0]);");
    assertThat(reader).contains("if (id == 0 && rs.wasNull()) {");
    assertThat(reader).contains("throw Projections.nullComponent(this, 0, rs, columns);");
    assertThat(reader).contains("String title = rs.getString(columns[1]);");
    assertThat(reader).contains("Integer pages = readInteger(rs, columns[2]);");
    assertThat(reader).contains("COLOR_TYPE = SqlTypes.enumByName(Color.class, Color.values())");
    assertThat(reader).contains("SHADE_TYPE = SqlTypes.enumByOrdinal(Color.class, Color.values())");
    assertThat(reader).contains("LocalDate published = SqlTypes.DATE.read(rs, columns[5], vendor);");
    assertThat(reader).contains("if (!active && rs.wasNull()) {");
    assertThat(reader).contains("Character grade = SqlTypes.CHAR.read(rs, columns[7], vendor);");
    assertThat(reader).contains("if (grade == null) {");
    assertThat(reader).contains("return new BookRow(id, title, pages, color, shade, published, active, grade);");
    assertThat(reader).contains("List.of(\"id\", \"title\", \"pages\", \"color\", \"shade\", \"published\", \"active\", \"grade\")");
    assertThat(reader).contains("throw Projections.readFailed(this, component, rs, columns, e);");
    String registry = generated(c, "com.shop.QuarryRegistry");
    assertThat(registry).contains("public List<RowProjection<?>> projections()");
    assertThat(registry).contains("BookRow_Projection.INSTANCE");
    assertThat(registry).containsMatch("public List<EntityMapping<\\?>> mappings\\(\\) \\{\\s+return List.of\\(\\);");
  }

  @Test
  void entitiesAndRecordsShareOneRegistryNamedAfterTheEntities() throws IOException {
    JavaFileObject entity = source("com.shop.model.Book", """
        package com.shop.model;
        import dev.quarry.annotation.*;
        @Entity
        public class Book {
          @Id Long id;
          String title;
        }
        """);
    JavaFileObject record = source("com.shop.api.Outer", """
        package com.shop.api;
        import dev.quarry.annotation.*;
        public class Outer {
          @Projection
          public record Title(Long id, String title) {}
        }
        """);
    Compilation c = compile(entity, record);
    assertClean(c);
    String registry = generated(c, "com.shop.model.QuarryRegistry");
    assertThat(registry).contains("Book_Mapping.INSTANCE");
    assertThat(registry).contains("Outer_Title_Projection.INSTANCE");
    assertThat(generated(c, "com.shop.api.Outer_Title_Projection"))
        .contains("return new Outer.Title(id, title);");
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.quarry.spi.MappingRegistry")
        .orElseThrow().getCharContent(true).toString()).contains("com.shop.model.QuarryRegistry\n");
  }

  @Test
  void convertersAndJsonComponents() throws IOException {
    JavaFileObject money = file("Money", "public record Money(long cents) {}\n");
    JavaFileObject conv = file("MoneyConverter", """
        public class MoneyConverter implements dev.quarry.types.Converter<Money, Long> {
          public Long toDatabase(Money m) { return m.cents(); }
          public Money fromDatabase(Long v) { return new Money(v); }
        }
        """);
    JavaFileObject f = file("PriceRow", """
        @Projection
        public record PriceRow(@Convert(MoneyConverter.class) Money price) {}
        """);
    Compilation c = compile(f, money, conv);
    assertClean(c);
    assertThat(generated(c, "com.shop.PriceRow_Projection"))
        .contains("PRICE_TYPE = SqlTypes.BIGINT.converted(new MoneyConverter(), Money.class)");
  }

  @Test
  void notARecord() {
    JavaFileObject f = file("BookRow", """
        @Projection //!
        public class BookRow {
          long id;
        }
        """);
    assertSingleError(compile(f), f, "@Projection must annotate a record, but BookRow is a class; declare it as "
        + "'record BookRow(...)'");
  }

  @Test
  void unsupportedComponentType() {
    JavaFileObject f = file("BookRow", """
        @Projection
        public record BookRow(
            long id,
            Map<String, String> tags) {} //!
        """);
    assertSingleError(compile(f), f, "component 'tags' of projection record BookRow has type Map<String,String>, "
        + "which Quarry cannot read from a column");
  }

  @Test
  void converterOfAnotherType() {
    JavaFileObject conv = file("TextConverter", """
        public class TextConverter implements dev.quarry.types.Converter<String, String> {
          public String toDatabase(String m) { return m; }
          public String fromDatabase(String v) { return v; }
        }
        """);
    JavaFileObject f = file("BookRow", """
        @Projection
        public record BookRow(
            @Convert(TextConverter.class) Integer pages) {} //!
        """);
    Compilation c = compile(f, conv);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("TextConverter").inFile(f).onLine(Sources.markedLine(f));
  }

  @Test
  void genericRecord() {
    JavaFileObject f = file("BookRow", """
        @Projection //!
        public record BookRow<T>(long id) {}
        """);
    assertSingleError(compile(f), f, "projection record BookRow must not be generic");
  }

  @Test
  void privateNestedRecord() {
    JavaFileObject f = file("Outer", """
        public class Outer {
          @Projection //!
          private record BookRow(long id) {}
        }
        """);
    assertSingleError(compile(f), f, "projection record BookRow cannot be read by its generated reader in the same "
        + "package because it is private; make it package-private or public");
  }

  @Test
  void recordWithoutComponents() {
    JavaFileObject f = file("Nothing", """
        @Projection //!
        public record Nothing() {}
        """);
    assertSingleError(compile(f), f, "projection record Nothing has no components");
  }

  @Test
  void missingTypeIsAnErrorOnlyInTheLastRound() {
    JavaFileObject f = file("BookRow", """
        @Projection
        public record BookRow(long id, DoesNotExist other) {} //!
        """);
    Compilation c = compile(f);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("projection record com.shop.BookRow refers to types that do not exist")
        .inFile(f).onLine(Sources.markedLine(f));
  }
}
