package dev.quarry.sql;

import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.text;
import static dev.quarry.sql.Sql.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.ResultColumn;
import dev.quarry.engine.Row;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What compiling shares between statements of one cached shape, and what it must not share:
 * result columns are reused only for the very same selected objects, parameters are each
 * statement's own, immutable and unaffected by later compiles.
 */
class CompileReuseTest {
  final Users u = Users.USERS;

  private Select query(Users t, int minAge, String prefix) {
    return select(t.id, t.name, t.age).from(t).where(t.age.gt(minAge), t.name.startsWith(prefix), t.active.eq(true))
        .orderBy(t.name.asc()).limit(20);
  }

  private static List<Object> keys(CompiledStatement s) {
    List<Object> out = new ArrayList<>();
    s.resultColumns().forEach(c -> out.add(c.key()));
    return out;
  }

  private static List<Object> values(CompiledStatement s) {
    List<Object> out = new ArrayList<>();
    s.parameters().forEach(p -> out.add(p.value()));
    return out;
  }

  @Test
  void sameSelectedObjectsShareTheCachedResultColumns() {
    CompiledStatement first = query(u, 18, "A").compile(Vendor.POSTGRESQL);
    CompiledStatement second = query(u, 40, "B").compile(Vendor.POSTGRESQL);
    assertSame(first.resultColumns(), second.resultColumns());
    assertEquals(List.of(new ResultColumn(u.id, "id", SqlTypes.BIGINT), new ResultColumn(u.name, "name", u.name.type()),
        new ResultColumn(u.age, "age", SqlTypes.INTEGER)), second.resultColumns());
    assertEquals(List.of(40, "B%", true, 20), values(second));
  }

  @Test
  void anotherTableInstanceOfTheSameShapeGetsColumnsKeyedByItsOwnObjects() {
    Users other = new Users(); // same name, same shape, different column objects
    CompiledStatement mine = query(u, 18, "A").compile(Vendor.H2);
    CompiledStatement theirs = query(other, 18, "A").compile(Vendor.H2);
    assertEquals(mine.sql(), theirs.sql());
    assertEquals(List.of(u.id, u.name, u.age), keys(mine));
    List<Object> theirKeys = keys(theirs);
    assertSame(other.id, theirKeys.get(0));
    assertSame(other.name, theirKeys.get(1));
    assertSame(other.age, theirKeys.get(2));
  }

  @Test
  void aliasesBuiltPerQueryGetTheirOwnKeys() {
    Users a1 = u.as("x");
    Users a2 = u.as("x");
    CompiledStatement one = select(a1.name).from(a1).compile(Vendor.SQLITE);
    CompiledStatement two = select(a2.name).from(a2).compile(Vendor.SQLITE);
    assertSame(one.sql(), two.sql());
    assertSame(a2.name, two.resultColumns().get(0).key());
  }

  @Test
  void selectedValuesOfTheSameShapeKeepTheirOwnExpressionsAndTypes() {
    Expression<Integer> five = val(5);
    Expression<Long> six = val(6L);
    CompiledStatement a = select(five, count().as("n")).from(u).compile(Vendor.POSTGRESQL);
    CompiledStatement b = select(six, count().as("n")).from(u).compile(Vendor.POSTGRESQL);
    assertEquals(a.sql(), b.sql());
    assertSame(five, a.resultColumns().get(0).key());
    assertSame(six, b.resultColumns().get(0).key());
    assertEquals(SqlTypes.INTEGER, a.resultColumns().get(0).type());
    assertEquals(SqlTypes.BIGINT, b.resultColumns().get(0).type());
    assertEquals(List.of("expr1", "n"), List.of(b.resultColumns().get(0).label(), b.resultColumns().get(1).label()));
    assertEquals(List.of(6L), values(b));
  }

  @Test
  void selectingATableKeysByItsColumns() {
    Users other = new Users();
    CompiledStatement mine = select(u).from(u).compile(Vendor.MYSQL);
    CompiledStatement theirs = select(other).from(other).compile(Vendor.MYSQL);
    assertEquals(new ArrayList<Object>(u.columns()), keys(mine));
    assertEquals(new ArrayList<Object>(other.columns()), keys(theirs));
    assertSame(other.created, keys(theirs).get(4));
  }

  @Test
  void parametersAreImmutableAndSurviveLaterCompiles() {
    CompiledStatement first = query(u, 18, "A").compile(Vendor.POSTGRESQL);
    List<Parameter> params = first.parameters();
    for (int i = 0; i < 50; i++) {
      query(u, 100 + i, "Z" + i).compile(Vendor.POSTGRESQL);
    }
    assertEquals(List.of(18, "A%", true, 20), values(first));
    assertThrows(UnsupportedOperationException.class, () -> params.add(Parameter.of("x", 1)));
    assertThrows(UnsupportedOperationException.class, () -> params.set(0, Parameter.of("x", 1)));
    assertThrows(UnsupportedOperationException.class, params::clear);
    assertThrows(UnsupportedOperationException.class, () -> first.resultColumns().remove(0));
    // Re-wrapping a compiled statement's lists keeps them (they are immutable already).
    CompiledStatement copy = new CompiledStatement(first.sql(), params, first.resultColumns(), List.of("id"));
    assertSame(params, copy.parameters());
    assertSame(first.resultColumns(), copy.resultColumns());
    assertEquals(params, List.copyOf(params));
  }

  @Test
  void statementsOfVeryDifferentSizesKeepTheirOwnValues() {
    List<Long> ids = new ArrayList<>();
    for (long i = 0; i < 3000; i++) {
      ids.add(i * 7);
    }
    CompiledStatement big = select(u.id).from(u).where(u.id.in(ids)).compile(Vendor.POSTGRESQL);
    CompiledStatement none = select(u.id).from(u).compile(Vendor.POSTGRESQL);
    CompiledStatement small = query(u, 3, "c").compile(Vendor.POSTGRESQL);
    assertEquals(3000, big.parameters().size());
    assertEquals(7L * 2999, big.parameters().get(2999).value());
    assertEquals(List.of(), none.parameters());
    assertEquals(List.of(3, "c%", true, 20), values(small));
  }

  @Test
  void ownedParametersAreCheckedLikeACopy() {
    Parameter p = Parameter.of("a", 1);
    CompiledStatement s = CompiledStatement.withOwnedParameters("SELECT ?", new Parameter[] {p, null}, 1, List.of(),
        List.of());
    assertEquals(List.of(p), s.parameters());
    assertEquals(s, new CompiledStatement("SELECT ?", List.of(p), List.of(), List.of()));
    assertThrows(NullPointerException.class,
        () -> CompiledStatement.withOwnedParameters("SELECT ?", new Parameter[] {null}, 1, List.of(), List.of()));
    assertThrows(IndexOutOfBoundsException.class,
        () -> CompiledStatement.withOwnedParameters("SELECT ?", new Parameter[] {p}, 2, List.of(), List.of()));
    assertThrows(IndexOutOfBoundsException.class, () -> s.parameters().get(1));
  }

  @Test
  void aNodeUsedTwiceInOneStatementDoesNotPoisonTheCache() {
    Predicate twice = u.age.gt(1_000_001);
    CompiledStatement shared = select(u.id).from(u).where(twice, u.name.eq("s"), twice).compile(Vendor.OTHER);
    assertEquals(List.of(1_000_001, "s", 1_000_001), values(shared));
    CompiledStatement distinct = select(u.id).from(u).where(u.age.gt(1_000_002), u.name.eq("t"), u.age.gt(1_000_003))
        .compile(Vendor.OTHER);
    assertEquals(shared.sql(), distinct.sql());
    assertEquals(List.of(1_000_002, "t", 1_000_003), values(distinct));
    CompiledStatement sharedAgain = select(u.id).from(u).where(twice, u.name.eq("s2"), twice).compile(Vendor.OTHER);
    assertEquals(List.of(1_000_001, "s2", 1_000_001), values(sharedAgain));
  }

  @Test
  void dmlReturningKeysByItsOwnExpressions() {
    Users other = new Users();
    CompiledStatement mine = insertInto(u).set(u.name, "a").returning(u.id, u.name).compile(Vendor.POSTGRESQL);
    CompiledStatement theirs = insertInto(other).set(other.name, "b").returning(other.id, other.name)
        .compile(Vendor.POSTGRESQL);
    assertEquals(mine.sql(), theirs.sql());
    assertEquals(List.of(u.id, u.name), keys(mine));
    assertEquals(List.of(other.id, other.name), keys(theirs));
    assertNotSame(mine.resultColumns(), theirs.resultColumns());
  }

  @Test
  void rowsAreReadByTheStatementsOwnObjectsOnACachedShape() {
    try (Engine engine = Engine.create("jdbc:sqlite::memory:"); Connection c = engine.connect()) {
      c.executeUpdate(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL,"
          + " age INTEGER, active BOOLEAN, created TIMESTAMP)"));
      c.executeUpdate(insertInto(u).set(u.name, "Ann").set(u.age, 31).set(u.active, true));
      c.executeUpdate(insertInto(u).set(u.name, "Bob").set(u.age, 17).set(u.active, true));
      Row warm = c.execute(query(u, 18, "A")).one();
      assertEquals("Ann", warm.get(u.name));
      // Same shape, other column objects: each statement's rows answer to its own objects.
      Users other = new Users();
      Row row = c.execute(query(other, 10, "B")).one();
      assertEquals("Bob", row.get(other.name));
      assertEquals(17, row.get(other.age));
      Users alias = u.as("v");
      Row aliased = c.execute(query(alias, 10, "B")).one();
      assertEquals(17, aliased.get(alias.age));
      Row again = c.execute(query(alias.as("v"), 20, "A")).one();
      assertEquals("Ann", again.get("name"));
    }
  }
}
