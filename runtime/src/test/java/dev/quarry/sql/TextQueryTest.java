package dev.quarry.sql;

import static dev.quarry.sql.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Parameter;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw SQL with named parameters. */
class TextQueryTest {
  private static List<Object> values(CompiledStatement c) {
    return c.parameters().stream().map(Parameter::value).toList();
  }

  @Test
  void namedParametersAreBoundByName() {
    TextQuery q = text("SELECT * FROM users WHERE age > :min_age AND name = :name OR age < :min_age")
        .bind("name", "Ann").bind("min_age", 18);
    CompiledStatement c = q.compile(Vendor.POSTGRESQL);
    assertEquals("SELECT * FROM users WHERE age > ? AND name = ? OR age < ?", c.sql());
    assertEquals(List.of(18, "Ann", 18), values(c));
    assertEquals("min_age", c.parameters().get(0).name());
    assertEquals(SqlTypes.INTEGER, c.parameters().get(0).type());
    assertEquals(List.of("min_age", "name"), q.parameterNames());
  }

  @Test
  void colonsInsideLiteralsIdentifiersCommentsAndCastsAreNotParameters() {
    String sql = "SELECT ':not', \"col:umn\", `x:y`, E'it\\'s :no', $$ :nope $$, $tag$ :nah $tag$, x::text, $1"
        + " -- :comment\n /* :block /* nested :n */ */ FROM t WHERE a = :yes AND b = 'it''s :no' AND c = \\:literal";
    TextQuery q = text(sql).bind("yes", 1);
    assertEquals(List.of("yes"), q.parameterNames());
    assertEquals("SELECT ':not', \"col:umn\", `x:y`, E'it\\'s :no', $$ :nope $$, $tag$ :nah $tag$, x::text, $1"
        + " -- :comment\n /* :block /* nested :n */ */ FROM t WHERE a = ? AND b = 'it''s :no' AND c = :literal",
        q.compile(Vendor.POSTGRESQL).sql());
  }

  @Test
  void errorsNameTheProblem() {
    IllegalStateException unbound = assertThrows(IllegalStateException.class,
        () -> text("SELECT :a, :b").bind("a", 1).compile(Vendor.H2));
    assertTrue(unbound.getMessage().contains(":b"), unbound.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> text("SELECT :a").bind("z", 1));
    assertTrue(unknown.getMessage().contains(":z"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> text("SELECT ?"));
    assertThrows(IllegalArgumentException.class, () -> text("SELECT 'unterminated"));
    assertThrows(IllegalArgumentException.class, () -> text("SELECT /* open"));
  }

  @Test
  void nullAndTypedValues() {
    CompiledStatement c = text("UPDATE t SET a = :a, b = :b").bind("a", null, SqlTypes.INTEGER).bind("b", null)
        .compile(Vendor.SQLITE);
    assertEquals(SqlTypes.INTEGER, c.parameters().get(0).type());
    assertEquals(SqlTypes.ANY, c.parameters().get(1).type());
  }

  @Test
  void typedResultColumns() {
    Users u = Users.USERS;
    Expression<Long> total = Sql.resultColumn("total", SqlTypes.BIGINT);
    CompiledStatement c = text("SELECT name, count(*) AS total FROM users GROUP BY name").columns(u.name, total)
        .compile(Vendor.POSTGRESQL);
    assertSame(u.name, c.resultColumns().get(0).key());
    assertEquals("name", c.resultColumns().get(0).label());
    assertSame(total, c.resultColumns().get(1).key());
    assertEquals("total", c.resultColumns().get(1).label());
    assertEquals(SqlTypes.BIGINT, c.resultColumns().get(1).type());
  }

  @Test
  void hostileValuesStayParameters() {
    for (String v : HostileInputTest.VALUES) {
      CompiledStatement c = text("SELECT * FROM t WHERE a = :v").bind("v", v).compile(Vendor.MYSQL);
      assertEquals("SELECT * FROM t WHERE a = ?", c.sql());
      assertEquals(List.of(v), values(c));
    }
  }
}
