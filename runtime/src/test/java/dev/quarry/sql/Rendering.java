package dev.quarry.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Parameter;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;

/** Helpers for rendering tests: compile for a vendor and compare SQL and bound values exactly. */
final class Rendering {
  private Rendering() {}

  static String sql(Executable e, Vendor v) {
    return e.compile(v).sql();
  }

  static List<Object> values(Executable e, Vendor v) {
    List<Object> out = new ArrayList<>();
    for (Parameter p : e.compile(v).parameters()) {
      out.add(p.value());
    }
    return out;
  }

  /** Asserts SQL text and bound values. */
  static void assertSql(Executable e, Vendor v, String expectedSql, Object... expectedValues) {
    CompiledStatement c = e.compile(v);
    assertEquals(expectedSql, c.sql(), "SQL for " + v);
    List<Object> values = new ArrayList<>();
    for (Parameter p : c.parameters()) {
      values.add(p.value());
    }
    assertEquals(java.util.Arrays.asList(expectedValues), values, "parameters for " + v);
    assertEquals(count(c.sql()), c.parameters().size(), "one parameter per ? for " + v);
  }

  private static long count(String sql) {
    return sql.chars().filter(ch -> ch == '?').count();
  }
}
