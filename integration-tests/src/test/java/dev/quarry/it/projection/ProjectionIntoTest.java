package dev.quarry.it.projection;

import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.ProjectionException;
import dev.quarry.engine.Result;
import dev.quarry.it.projection.Rows.GenreOf;
import dev.quarry.it.projection.Rows.Missing;
import dev.quarry.it.projection.Rows.Ordinal;
import dev.quarry.it.projection.Rows.PositionalRow;
import dev.quarry.it.projection.Rows.PrimitivePages;
import dev.quarry.it.projection.Rows.SnakeRow;
import dev.quarry.it.projection.Rows.TitleRow;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Select;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code into(Record.class)}: rows read into {@code @Projection} records by their generated readers,
 * through Core ({@code Connectable.fetchInto}, {@code Result.into}) and the ORM
 * ({@code TupleQuery.into}) — name and position mapping, NULLs, enums, and the errors — on SQLite, H2
 * and PostgreSQL.
 */
class ProjectionIntoTest {
  private static final QTitle T = QTitle.title;
  private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
  private static final TitleRow DUNE = new TitleRow(1, "Dune", 412, Genre.NOVEL, DAY);
  private static final TitleRow NOTES = new TitleRow(2, "Notes", null, null, null);

  private static Engine fill(TestDatabase db) {
    Engine engine = db.engine();
    Metadata.of(T).createAll(engine);
    new TitleDao(engine).insertAll(List.of(new Title("Dune", 412, Genre.NOVEL, DAY), new Title("Notes", null, null,
        null)));
    return engine;
  }

  private static Select all() {
    return select(T.id, T.name, T.pages, T.genre, T.published).from(T).orderBy(T.id.asc());
  }

  @AllDatabases
  void coreReadsEveryColumnByLabelWithNulls(TestDatabase db) {
    Engine engine = fill(db);
    assertEquals(List.of(DUNE, NOTES), engine.fetchInto(all(), TitleRow.class));
    // the order of the columns does not matter when the labels match
    Select shuffled = select(T.published, T.genre, T.name, T.id, T.pages).from(T).orderBy(T.id.asc());
    assertEquals(List.of(DUNE, NOTES), engine.fetchInto(shuffled, TitleRow.class));
    try (Connection c = engine.connect(); Result r = c.execute(all())) {
      assertEquals(List.of(DUNE, NOTES), r.into(TitleRow.class));
    }
    try (Connection c = engine.connect(); Result r = c.execute(all()); Stream<TitleRow> rows = r.streamInto(TitleRow.class)) {
      assertEquals(List.of(DUNE, NOTES), rows.toList());
    }
  }

  @AllDatabases
  void labelsMatchIgnoringCaseAndUnderscoresAndExtraColumnsAreIgnored(TestDatabase db) {
    Engine engine = fill(db);
    Select q = select(T.pages, T.id, T.name.as("book_name")).from(T).orderBy(T.id.asc());
    assertEquals(List.of(new SnakeRow(1, "Dune"), new SnakeRow(2, "Notes")), engine.fetchInto(q, SnakeRow.class));
    Select upper = select(T.id.as("ID"), T.name.as("BOOKNAME")).from(T).orderBy(T.id.asc());
    assertEquals(List.of(new SnakeRow(1, "Dune"), new SnakeRow(2, "Notes")), engine.fetchInto(upper, SnakeRow.class));
  }

  @AllDatabases
  void byPositionWhenNoNameMatchesAndTheCountsAreEqual(TestDatabase db) {
    Engine engine = fill(db);
    Select q = select(T.id, T.name).from(T).orderBy(T.id.asc());
    assertEquals(List.of(new PositionalRow(1, "Dune"), new PositionalRow(2, "Notes")),
        engine.fetchInto(q, PositionalRow.class));
  }

  @AllDatabases
  void ormTupleQueryInto(TestDatabase db) {
    Engine engine = fill(db);
    SessionFactory sessions = SessionFactory.builder(engine).build();
    try (Session s = sessions.openSession()) {
      assertEquals(List.of(DUNE, NOTES),
          s.select(T.id, T.name, T.pages, T.genre, T.published).orderBy(T.id.asc()).into(TitleRow.class).list());
      assertEquals(NOTES, s.select(T.id, T.name, T.pages, T.genre, T.published).where(T.id.eq(2L))
          .into(TitleRow.class).one());
      assertEquals(DUNE, s.select(T.id, T.name, T.pages, T.genre, T.published).orderBy(T.id.asc())
          .into(TitleRow.class).first());
      assertNull(s.select(T.id, T.name.as("book_name")).where(T.id.eq(3L)).into(SnakeRow.class).first());
      try (Stream<SnakeRow> rows = s.select(T.id, T.name.as("book_name")).orderBy(T.id.asc()).into(SnakeRow.class)
          .stream()) {
        assertEquals(List.of(new SnakeRow(1, "Dune"), new SnakeRow(2, "Notes")), rows.toList());
      }
      // by position, as in Core
      assertEquals(List.of(new PositionalRow(1, "Dune"), new PositionalRow(2, "Notes")),
          s.select(T.id, T.name).orderBy(T.id.asc()).into(PositionalRow.class).list());
    }
  }

  @AllDatabases
  void nullInAPrimitiveComponentIsAnError(TestDatabase db) {
    Engine engine = fill(db);
    Select q = select(T.id, T.pages).from(T).orderBy(T.id.asc());
    ProjectionException e = assertThrows(ProjectionException.class, () -> engine.fetchInto(q, PrimitivePages.class));
    assertEquals("pages", e.component());
    assertEquals(PrimitivePages.class.getName(), e.recordType());
    assertTrue(e.getMessage().contains("is NULL but component 'pages' is primitive; declare it as Integer"),
        e.getMessage());
    assertEquals(2, e.labels().size());
  }

  @AllDatabases
  void aComponentWithoutAColumnIsAnErrorEvenWithoutRows(TestDatabase db) {
    Engine engine = fill(db);
    Select q = select(T.id, T.name, T.pages).from(T).where(T.id.eq(-1L));
    ProjectionException e = assertThrows(ProjectionException.class, () -> engine.fetchInto(q, Missing.class));
    assertEquals("missing", e.component());
    assertTrue(e.getMessage().startsWith("cannot read " + Missing.class.getName() + " from this result: component "
        + "'missing' matches no column label "), e.getMessage());
    assertTrue(e.getMessage().contains("select exactly 2 columns in the order of [id, missing]"), e.getMessage());
    try (Session s = SessionFactory.builder(engine).build().openSession()) {
      assertThrows(ProjectionException.class, () -> s.select(T.id, T.name, T.pages).into(Missing.class).list());
    }
    // same count, but 'id' matched a label at another position: no silent positional mapping
    Select swapped = select(T.name, T.id).from(T);
    assertThrows(ProjectionException.class, () -> engine.fetchInto(swapped, Missing.class));
  }

  @AllDatabases
  void enumsByNameAndOrdinalAndAValueThatIsNoConstant(TestDatabase db) {
    Engine engine = fill(db);
    assertEquals(List.of(new GenreOf(1, Genre.NOVEL), new GenreOf(2, null)),
        engine.fetchInto(select(T.id, T.genre).from(T).orderBy(T.id.asc()), GenreOf.class));
    assertEquals(List.of(new Ordinal(1, Genre.ESSAY)),
        engine.fetchInto(select(T.id, Sql.count().as("genre")).from(T).where(T.id.eq(1L)).groupBy(T.id),
            Ordinal.class));
    Select notAGenre = select(T.id, T.name.as("genre")).from(T).orderBy(T.id.asc());
    ProjectionException e = assertThrows(ProjectionException.class, () -> engine.fetchInto(notAGenre, GenreOf.class));
    assertEquals("genre", e.component());
    assertTrue(e.getMessage().contains("cannot be read as component 'genre' (Genre): no constant "
        + Genre.class.getName() + ".Dune"), e.getMessage());
  }

  @AllDatabases
  void whatIsNotAProjectionSaysSo(TestDatabase db) {
    Engine engine = fill(db);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> engine.fetchInto(all(), String.class));
    assertTrue(e.getMessage().startsWith("java.lang.String is not a projection"), e.getMessage());
    try (Session s = SessionFactory.builder(engine).build().openSession()) {
      IllegalArgumentException entity = assertThrows(IllegalArgumentException.class,
          () -> s.select(T, T.name).into(TitleRow.class));
      assertTrue(entity.getMessage().contains("select its columns instead"), entity.getMessage());
    }
  }
}
