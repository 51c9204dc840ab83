package dev.quarry.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.query.CheckedQuery.Problem;
import dev.quarry.processor.query.CheckedQuery.StatementKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The @Query checker against an in-memory catalog: resolution, parameters, types, dialects, optional conditions. */
class QueryCheckerTest {
  static final String LONG = "java.lang.Long";
  static final String INT = "java.lang.Integer";
  static final String STRING = "java.lang.String";
  static final String BOOL = "java.lang.Boolean";
  static final String DECIMAL = "java.math.BigDecimal";
  static final String DOUBLE = "java.lang.Double";
  static final String INSTANT = "java.time.Instant";
  static final String STATUS = "com.shop.Status";

  static final Catalog CATALOG = new Catalog() {
    final List<CatalogTable> tables = List.of(
        new CatalogTable("users", List.of(
            new CatalogColumn("id", LONG, false),
            new CatalogColumn("email", STRING, false),
            new CatalogColumn("age", INT, true),
            new CatalogColumn("active", BOOL, false),
            new CatalogColumn("status", STATUS, true))),
        new CatalogTable("orders", List.of(
            new CatalogColumn("id", LONG, false),
            new CatalogColumn("user_id", LONG, false),
            new CatalogColumn("total", DECIMAL, false),
            new CatalogColumn("placed_at", INSTANT, false))),
        new CatalogTable("tags", List.of(
            new CatalogColumn("id", LONG, false),
            new CatalogColumn("order_id", LONG, false),
            new CatalogColumn("name", STRING, false),
            new CatalogColumn("weight", "java.lang.Double", true))));

    @Override
    public Optional<CatalogTable> table(String name) {
      return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public List<String> tableNames() {
      return tables.stream().map(CatalogTable::name).toList();
    }
  };

  static final Set<SqlDialect> PG = EnumSet.of(SqlDialect.POSTGRESQL);
  static final Set<SqlDialect> ALL = EnumSet.allOf(SqlDialect.class);

  static CheckedQuery check(String sql, Map<String, String> params) {
    return QueryChecker.check(sql, CATALOG, PG, params, Set.of());
  }

  static CheckedQuery check(String sql, Set<SqlDialect> dialects, Map<String, String> params) {
    return QueryChecker.check(sql, CATALOG, dialects, params, Set.of());
  }

  static CheckedQuery optional(String sql, Map<String, String> params, String... optional) {
    return QueryChecker.check(sql, CATALOG, PG, params, Set.of(optional));
  }

  static Map<String, String> params(String... nameType) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameType.length; i += 2) {
      m.put(nameType[i], nameType[i + 1]);
    }
    return m;
  }

  static void assertValid(CheckedQuery q) {
    assertEquals(List.of(), q.problems());
  }

  static void assertProblem(CheckedQuery q, ProblemKind kind, String message) {
    assertEquals(List.of(new Problem(kind, message)), q.problems());
  }

  static List<ProblemKind> kinds(CheckedQuery q) {
    return q.problems().stream().map(Problem::kind).toList();
  }

  static String jdbc(CheckedQuery q) {
    return q.parts().stream().map(p -> p instanceof SqlPart.Text t ? t.sql()
        : "[" + ((SqlPart.OptionalCondition) p).sql() + "]").collect(Collectors.joining());
  }

  static List<String> bound(CheckedQuery q) {
    return q.parts().stream().flatMap(p -> p instanceof SqlPart.Text t ? t.parameters().stream()
        : ((SqlPart.OptionalCondition) p).parameters().stream()).toList();
  }

  static ResultColumn col(String label, String type, boolean nullable) {
    return new ResultColumn(label, type, nullable);
  }

  @Nested
  class Text {
    @Test
    void namedParametersBecomeQuestionMarksInOrder() {
      CheckedQuery q = check("SELECT id FROM users WHERE email = :email AND id > :id",
          params("email", STRING, "id", LONG));
      assertValid(q);
      assertEquals(StatementKind.SELECT, q.kind());
      assertEquals(List.of(new SqlPart.Text("SELECT id FROM users WHERE email = ? AND id > ?", List.of("email", "id"))),
          q.parts());
    }

    @Test
    void aParameterUsedTwiceIsBoundTwice() {
      CheckedQuery q = check("SELECT id FROM users WHERE email = :e OR lower(email) = lower(:e)", params("e", STRING));
      assertValid(q);
      assertEquals("SELECT id FROM users WHERE email = ? OR lower(email) = lower(?)", jdbc(q));
      assertEquals(List.of("e", "e"), bound(q));
    }

    @Test
    void stringsCommentsQuotedNamesAndCastsAreLeftAlone() {
      String sql = "SELECT id, age::text AS a FROM users -- :nope\nWHERE email <> ':x' /* :y */ AND \"email\" = :e";
      CheckedQuery q = check(sql, params("e", STRING));
      assertValid(q);
      assertEquals(sql.replace(":e", "?"), jdbc(q));
      assertEquals(List.of("e"), bound(q));
    }

    @Test
    void parametersNamedLikeKeywordsParse() {
      CheckedQuery q = check("SELECT id FROM users WHERE age > :from AND age < :limit", params("from", INT, "limit", INT));
      assertValid(q);
      assertEquals("SELECT id FROM users WHERE age > ? AND age < ?", jdbc(q));
      assertEquals(Map.of("from", INT, "limit", INT), q.parameterTypes());
    }

    @Test
    void theTrailingSemicolonIsDropped() {
      CheckedQuery q = check("SELECT id FROM users;  ", params());
      assertValid(q);
      assertEquals("SELECT id FROM users", jdbc(q));
    }

    @Test
    void textIsNotRerendered() {
      String sql = "select   u.id\n  from USERS u\n where u.id=:id";
      CheckedQuery q = check(sql, params("id", LONG));
      assertValid(q);
      assertEquals("select   u.id\n  from USERS u\n where u.id=?", jdbc(q));
    }
  }

  @Nested
  class Resolution {
    @Test
    void unknownTableSuggestsTheClosest() {
      assertProblem(check("SELECT id FROM user", params()), ProblemKind.UNKNOWN_TABLE,
          "unknown table 'user' in @Query; did you mean 'users'? Name the table of an entity (its @Table name) or a "
              + "table declared for the checker");
    }

    @Test
    void unknownTableWithoutACloseName() {
      assertProblem(check("SELECT 1 FROM invoices", params()), ProblemKind.UNKNOWN_TABLE,
          "unknown table 'invoices' in @Query; name the table of an entity (its @Table name) or a table declared "
              + "for the checker");
    }

    @Test
    void unknownQualifiedColumn() {
      assertProblem(check("SELECT u.emial FROM users u", params()), ProblemKind.UNKNOWN_COLUMN,
          "unknown column 'emial' in users u; did you mean 'email'?");
    }

    @Test
    void unknownUnqualifiedColumnSearchesEveryTableInScope() {
      assertProblem(check("SELECT totl FROM users u JOIN orders o ON o.user_id = u.id", params()),
          ProblemKind.UNKNOWN_COLUMN, "unknown column 'totl' in users u, orders o; did you mean 'total'?");
    }

    @Test
    void unknownColumnWithoutSuggestion() {
      assertProblem(check("SELECT nickname FROM users", params()), ProblemKind.UNKNOWN_COLUMN,
          "unknown column 'nickname' in users; use a column of that table (the column name, not the Java property)");
    }

    @Test
    void ambiguousColumnNamesBothTables() {
      assertProblem(check("SELECT id FROM users u JOIN orders o ON o.user_id = u.id", params()),
          ProblemKind.AMBIGUOUS_COLUMN,
          "column 'id' is ambiguous: it is in both u and o; qualify it with its table or alias, e.g. u.id");
    }

    @Test
    void unknownAlias() {
      assertProblem(check("SELECT x.email FROM users u", params()), ProblemKind.UNKNOWN_ALIAS,
          "'x' in x.email is not a table or alias in scope; qualify the column with one of u, or add the table to "
              + "the FROM clause");
    }

    @Test
    void unknownAliasSuggestsTheClosest() {
      assertProblem(check("SELECT usrs.email FROM users usr JOIN orders o ON o.user_id = usr.id", params()),
          ProblemKind.UNKNOWN_ALIAS, "'usrs' in usrs.email is not a table or alias in scope; did you mean 'usr'? "
              + "Or qualify the column with one of usr, o, or add the table to the FROM clause");
    }

    @Test
    void tableNameQualifiesWhenThereIsNoAlias() {
      assertValid(check("SELECT users.email FROM users WHERE users.id = 1", params()));
    }

    @Test
    void plainNamesIgnoreCaseQuotedOnesDoNot() {
      assertValid(check("SELECT EMAIL, U.Id FROM USERS u", params()));
      assertValid(check("SELECT \"email\" FROM users", params()));
      assertEquals(List.of(ProblemKind.UNKNOWN_COLUMN), kinds(check("SELECT \"Email\" FROM users", params())));
    }

    @Test
    void joinsAndAliases() {
      CheckedQuery q = check("SELECT u.email, o.total, t.name FROM users u JOIN orders o ON o.user_id = u.id "
          + "LEFT JOIN tags t ON t.order_id = o.id WHERE u.active", params());
      assertValid(q);
      assertEquals(List.of(col("email", STRING, false), col("total", DECIMAL, false), col("name", STRING, true)),
          q.columns());
    }

    @Test
    void rightAndFullJoinsMakeTheOtherSideNullable() {
      CheckedQuery right = check("SELECT u.email, o.total FROM users u RIGHT JOIN orders o ON o.user_id = u.id",
          params());
      assertEquals(List.of(col("email", STRING, true), col("total", DECIMAL, false)), right.columns());
      CheckedQuery full = check("SELECT u.email, o.total FROM users u FULL JOIN orders o ON o.user_id = u.id",
          params());
      assertEquals(List.of(col("email", STRING, true), col("total", DECIMAL, true)), full.columns());
    }

    @Test
    void starExpandsEveryTableInOrder() {
      CheckedQuery q = check("SELECT * FROM users u LEFT JOIN orders o ON o.user_id = u.id", params());
      assertValid(q);
      assertEquals(9, q.columns().size());
      assertEquals(col("id", LONG, false), q.columns().get(0));
      assertEquals(col("placed_at", INSTANT, true), q.columns().get(8));
    }

    @Test
    void tableStarExpandsOneTable() {
      CheckedQuery q = check("SELECT o.*, u.email FROM users u JOIN orders o ON o.user_id = u.id", params());
      assertValid(q);
      assertEquals(List.of("id", "user_id", "total", "placed_at", "email"),
          q.columns().stream().map(ResultColumn::label).toList());
    }

    @Test
    void derivedTableWithAliasAndColumnNames() {
      CheckedQuery q = check("SELECT d.n, d.uid FROM (SELECT count(*), user_id FROM orders GROUP BY user_id) "
          + "AS d(n, uid) WHERE d.n > :min", params("min", LONG));
      assertValid(q);
      assertEquals(List.of(col("n", LONG, false), col("uid", LONG, false)), q.columns());
      assertEquals(Map.of("min", LONG), q.parameterTypes());
    }

    @Test
    void derivedTableColumnsAreTheSubquerysLabels() {
      CheckedQuery q = check("SELECT s.spent FROM (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) s",
          params());
      assertValid(q);
      assertEquals(List.of(col("spent", DECIMAL, true)), q.columns());
      assertEquals(List.of(ProblemKind.UNKNOWN_COLUMN),
          kinds(check("SELECT s.total FROM (SELECT user_id FROM orders) s", params())));
    }

    @Test
    void cteWithColumnList() {
      CheckedQuery q = check("WITH big (uid, amount) AS (SELECT user_id, total FROM orders WHERE total > :min) "
          + "SELECT u.email, b.amount FROM users u JOIN big b ON b.uid = u.id", params("min", DECIMAL));
      assertValid(q);
      assertEquals(List.of(col("email", STRING, false), col("amount", DECIMAL, false)), q.columns());
    }

    @Test
    void cteColumnCountMismatch() {
      assertProblem(check("WITH big (a, b, c) AS (SELECT user_id, total FROM orders) SELECT a FROM big", params()),
          ProblemKind.COLUMN_COUNT_MISMATCH,
          "WITH big names 3 columns but its query selects 2; name one column per selected column");
    }

    @Test
    void ctesSeeEarlierCtes() {
      assertValid(check("WITH a AS (SELECT id FROM users), b AS (SELECT id FROM a) SELECT id FROM b", params()));
    }

    @Test
    void recursiveCte() {
      CheckedQuery q = check("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :max) "
          + "SELECT i FROM n", params("max", INT));
      assertValid(q);
      assertEquals(List.of(col("i", INT, false)), q.columns());
    }

    @Test
    void subqueriesInWhere() {
      CheckedQuery q = check("SELECT u.email FROM users u WHERE u.id IN (SELECT o.user_id FROM orders o WHERE o.total > "
          + ":min) AND EXISTS (SELECT 1 FROM tags t WHERE t.order_id = u.id) AND u.age = (SELECT max(age) FROM users)",
          params("min", DECIMAL));
      assertValid(q);
    }

    @Test
    void correlatedSubqueryInTheSelectList() {
      CheckedQuery q = check("SELECT u.email, (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS n FROM users u",
          params());
      assertValid(q);
      assertEquals(List.of(col("email", STRING, false), col("n", LONG, true)), q.columns());
    }

    @Test
    void subqueryCannotSeeUnknownColumns() {
      assertEquals(List.of(ProblemKind.UNKNOWN_COLUMN),
          kinds(check("SELECT id FROM users WHERE id IN (SELECT user_idd FROM orders)", params())));
    }

    @Test
    void scalarSubqueryMustSelectOneColumn() {
      assertProblem(check("SELECT (SELECT id, email FROM users) FROM orders", params()),
          ProblemKind.COLUMN_COUNT_MISMATCH,
          "a subquery used as a value must select one column, this one selects 2; select a single column");
    }

    @Test
    void unionTypesAndCounts() {
      CheckedQuery q = check("SELECT id, email FROM users UNION SELECT id, name FROM tags ORDER BY email", params());
      assertValid(q);
      assertEquals(List.of(col("id", LONG, false), col("email", STRING, false)), q.columns());
      assertProblem(check("SELECT id, email FROM users UNION ALL SELECT id FROM tags", params()),
          ProblemKind.COLUMN_COUNT_MISMATCH,
          "the selects of UNION ALL differ in their columns: the first selects 2, select 2 selects 1; select the same "
              + "number of columns in each");
    }

    @Test
    void intersectAndExcept() {
      assertValid(check("SELECT id FROM users INTERSECT SELECT user_id FROM orders EXCEPT SELECT order_id FROM tags",
          params()));
    }

    @Test
    void usingAndNaturalJoinsMergeTheirColumns() {
      assertValid(check("SELECT id, email FROM users JOIN (SELECT user_id AS id, total FROM orders) t USING (id)",
          params()));
      assertValid(check("SELECT id FROM users NATURAL JOIN (SELECT user_id AS id FROM orders) t", params()));
    }

    @Test
    void quotedTableNamesMatchExactly() {
      assertValid(check("SELECT \"users\".id FROM \"users\"", params()));
      assertEquals(List.of(ProblemKind.UNKNOWN_TABLE), kinds(check("SELECT id FROM \"Users\"", params())));
    }

    @Test
    void backQuotedNamesOnMySql() {
      assertValid(check("SELECT `email` FROM `users` WHERE `id` = :id", EnumSet.of(SqlDialect.MYSQL),
          params("id", LONG)));
    }

    @Test
    void defaultIsAValueNotAColumn() {
      assertValid(check("INSERT INTO users (email, active) VALUES (:e, DEFAULT)", params("e", STRING)));
    }

    @Test
    void updateFromAndDeleteUsing() {
      assertValid(check("UPDATE orders SET total = total * :f FROM users u WHERE u.id = orders.user_id AND u.active",
          params("f", DECIMAL)));
      assertValid(check("DELETE FROM tags USING orders o WHERE o.id = tags.order_id AND o.total < :min",
          params("min", DECIMAL)));
      assertEquals(List.of(ProblemKind.UNKNOWN_COLUMN),
          kinds(check("DELETE FROM tags USING orders o WHERE o.total < 1 AND tags.nam = 'x'", params())));
    }

    @Test
    void excludedIsTheRowProposedForInsertion() {
      assertProblem(check("INSERT INTO users (id, email) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET email = "
          + "excluded.emial", params()), ProblemKind.UNKNOWN_COLUMN,
          "unknown column 'emial' in users excluded; did you mean 'email'?");
    }

    @Test
    void rowValuesCompareElementWise() {
      CheckedQuery q = check("SELECT id FROM users WHERE (email, age) = (:e, :a)", params("e", STRING, "a", INT));
      assertValid(q);
      assertEquals(Map.of("e", STRING, "a", INT), q.parameterTypes());
    }

    @Test
    void parametersInSubqueriesAreTyped() {
      CheckedQuery q = check("SELECT u.email, (SELECT count(*) FROM orders o WHERE o.user_id = u.id AND o.total > :t) "
          + "AS big FROM users u WHERE :since < (SELECT max(placed_at) FROM orders o2 WHERE o2.user_id = u.id)",
          params("t", DECIMAL, "since", INSTANT));
      assertValid(q);
      assertEquals(Map.of("t", DECIMAL, "since", INSTANT), q.parameterTypes());
    }

    @Test
    void unknownNamesInEveryClause() {
      assertEquals(List.of(ProblemKind.UNKNOWN_TABLE),
          kinds(check("SELECT u.id FROM users u JOIN order o ON o.user_id = u.id", params())));
      assertEquals(List.of(ProblemKind.UNKNOWN_TABLE),
          kinds(check("WITH a AS (SELECT id FROM userz) SELECT id FROM a", params())));
      assertEquals(List.of(ProblemKind.UNKNOWN_COLUMN),
          kinds(check("SELECT id FROM users GROUP BY id HAVING max(agee) > 1", params())));
      assertEquals(List.of(ProblemKind.UNKNOWN_COLUMN), kinds(check("SELECT id FROM users ORDER BY emial", params())));
    }

    @Test
    void derivedTablesSeeCtesButNotTheirSiblings() {
      assertValid(check("WITH a AS (SELECT id FROM users) SELECT d.id FROM (SELECT id FROM a) d", params()));
      assertEquals(List.of(ProblemKind.UNKNOWN_ALIAS),
          kinds(check("SELECT d.id FROM users u, (SELECT o.id FROM orders o WHERE o.user_id = u.id) d", params())));
      assertValid(check("SELECT d.id FROM users u, LATERAL (SELECT o.id FROM orders o WHERE o.user_id = u.id) d",
          params()));
    }

    @Test
    void aCteShadowsATable() {
      CheckedQuery q = check("WITH users AS (SELECT id, total FROM orders) SELECT total FROM users", params());
      assertValid(q);
      assertEquals(List.of(col("total", DECIMAL, false)), q.columns());
    }

    @Test
    void caseDifferencesAreSuggested() {
      assertProblem(check("SELECT \"EMAIL\" FROM users", params()), ProblemKind.UNKNOWN_COLUMN,
          "unknown column 'EMAIL' in users; did you mean 'email'?");
    }

    @Test
    void orderByMayNameAnOutputColumn() {
      assertValid(check("SELECT email AS e, count(*) AS n FROM users GROUP BY email ORDER BY n DESC, e", params()));
    }
  }

  @Nested
  class Parameters {
    @Test
    void unknownParameterSuggestsTheClosest() {
      assertEquals(List.of(
          new Problem(ProblemKind.UNKNOWN_PARAMETER, ":emial is not a parameter of the method; did you mean :email? "
              + "Add a method parameter named emial or rename the placeholder (the method's parameters: email)"),
          new Problem(ProblemKind.UNUSED_PARAMETER, "method parameter email is not used in the @Query; use it as "
              + ":email in the SQL or remove the parameter")),
          check("SELECT id FROM users WHERE email = :emial", params("email", STRING)).problems());
    }

    @Test
    void unusedParameter() {
      assertProblem(check("SELECT id FROM users", params("id", LONG)), ProblemKind.UNUSED_PARAMETER,
          "method parameter id is not used in the @Query; use it as :id in the SQL or remove the parameter");
    }

    @Test
    void positionalParameter() {
      assertProblem(check("SELECT id FROM users\nWHERE id = ?", params()), ProblemKind.POSITIONAL_PARAMETER,
          "positional parameter ? at line 2, column 12: @Query binds parameters by name; write :name and give the "
              + "method a parameter called name");
    }

    @Test
    void typeMismatchNamesBothTypes() {
      assertProblem(check("SELECT id FROM users WHERE age > :min", params("min", STRING)),
          ProblemKind.PARAMETER_TYPE_MISMATCH, "parameter :min is declared as java.lang.String but the query compares "
              + "it with java.lang.Integer; declare it as java.lang.Integer");
    }

    @Test
    void primitivesAndBoxesAreEqualAndIntWidensToLong() {
      assertValid(check("SELECT id FROM users WHERE age > :min AND id = :id", params("min", "int", "id", "int")));
      assertValid(check("SELECT id FROM users WHERE id = :id", params("id", "long")));
      assertEquals(List.of(ProblemKind.PARAMETER_TYPE_MISMATCH),
          kinds(check("SELECT id FROM users WHERE age = :a", params("a", "long"))));
    }

    @Test
    void comparisonWithTheParameterOnTheLeft() {
      CheckedQuery q = check("SELECT id FROM orders WHERE :since < placed_at", params("since", INSTANT));
      assertValid(q);
      assertEquals(Map.of("since", INSTANT), q.parameterTypes());
    }

    @Test
    void betweenTypesBothBounds() {
      CheckedQuery q = check("SELECT id FROM orders WHERE total BETWEEN :lo AND :hi", params("lo", DECIMAL, "hi", DECIMAL));
      assertValid(q);
      assertEquals(List.of("lo", "hi"), List.copyOf(q.parameterTypes().keySet()));
      assertEquals(DECIMAL, q.parameterTypes().get("hi"));
    }

    @Test
    void inWithOneParameterTakesACollection() {
      CheckedQuery q = check("SELECT email FROM users WHERE id IN (:ids)", params("ids", "java.util.List<java.lang.Long>"));
      assertValid(q);
      assertEquals(Map.of("ids", "java.util.Collection<java.lang.Long>"), q.parameterTypes());
      assertValid(check("SELECT email FROM users WHERE id IN (:ids)", params("ids", "java.util.Set<java.lang.Integer>")));
      assertValid(check("SELECT email FROM users WHERE id IN (:ids)",
          params("ids", "java.util.Collection<java.lang.Long>")));
    }

    @Test
    void inWithAScalarParameterIsAMismatch() {
      assertProblem(check("SELECT email FROM users WHERE id IN (:ids)", params("ids", LONG)),
          ProblemKind.PARAMETER_TYPE_MISMATCH, "parameter :ids is declared as java.lang.Long but the query compares it "
              + "with java.util.Collection<java.lang.Long>; declare it as java.util.Collection<java.lang.Long> (a List "
              + "or Set works too)");
    }

    @Test
    void inWithSeveralItemsTypesEachItem() {
      CheckedQuery q = check("SELECT email FROM users WHERE id IN (:a, :b, 3)", params("a", LONG, "b", LONG));
      assertValid(q);
      assertEquals(Map.of("a", LONG, "b", LONG), q.parameterTypes());
    }

    @Test
    void likeTakesAString() {
      assertValid(check("SELECT id FROM users WHERE email LIKE :p", params("p", STRING)));
      assertEquals(List.of(ProblemKind.PARAMETER_TYPE_MISMATCH),
          kinds(check("SELECT id FROM users WHERE email LIKE :p", params("p", INT))));
    }

    @Test
    void limitAndOffsetTakeLongsAndAcceptInts() {
      CheckedQuery q = check("SELECT id FROM users ORDER BY id LIMIT :n OFFSET :o", params("n", "int", "o", LONG));
      assertValid(q);
      assertEquals(Map.of("n", LONG, "o", LONG), q.parameterTypes());
    }

    @Test
    void enumsMatchExactly() {
      assertValid(check("SELECT id FROM users WHERE status = :s", params("s", STATUS)));
      assertProblem(check("SELECT id FROM users WHERE status = :s", params("s", "com.shop.Role")),
          ProblemKind.PARAMETER_TYPE_MISMATCH, "parameter :s is declared as com.shop.Role but the query compares it "
              + "with com.shop.Status; declare it as com.shop.Status");
    }

    @Test
    void aParameterWithoutContextIsAnObject() {
      CheckedQuery q = check("SELECT :x AS x FROM users", params("x", STRING));
      assertValid(q);
      assertEquals(Map.of("x", "java.lang.Object"), q.parameterTypes());
    }

    @Test
    void arithmeticAndFunctionsPassTheTypeOn() {
      CheckedQuery q = check("SELECT id FROM users WHERE age + :d > 3 AND lower(email) = lower(:e) "
          + "AND coalesce(age, :dflt) = 1", params("d", INT, "e", STRING, "dflt", INT));
      assertValid(q);
      assertEquals(Map.of("d", INT, "e", STRING, "dflt", INT), q.parameterTypes());
    }

    @Test
    void aCollectionOfTheWrongElementType() {
      assertProblem(check("SELECT email FROM users WHERE id NOT IN (:ids)",
          params("ids", "java.util.List<java.lang.String>")), ProblemKind.PARAMETER_TYPE_MISMATCH,
          "parameter :ids is declared as java.util.List<java.lang.String> but the query compares it with "
              + "java.util.Collection<java.lang.Long>; declare it as java.util.Collection<java.lang.Long> (a List or "
              + "Set works too)");
    }

    @Test
    void aParameterOnTheLeftOfInSubquery() {
      CheckedQuery q = check("SELECT email FROM users WHERE :oid IN (SELECT id FROM orders WHERE user_id = users.id)",
          params("oid", LONG));
      assertValid(q);
      assertEquals(Map.of("oid", LONG), q.parameterTypes());
    }

    @Test
    void aCollectionWhereOneValueIsExpected() {
      assertEquals(List.of(ProblemKind.PARAMETER_TYPE_MISMATCH), kinds(check("SELECT id FROM users WHERE id = :id",
          params("id", "java.util.List<java.lang.Long>"))));
    }

    @Test
    void longDoesNotNarrowToIntButIntegersWidenToDecimal() {
      assertValid(check("SELECT id FROM orders WHERE total > :t", params("t", "long")));
      assertEquals(List.of(ProblemKind.PARAMETER_TYPE_MISMATCH),
          kinds(check("SELECT id FROM orders WHERE total > :t", params("t", DOUBLE))));
    }

    @Test
    void multiRowValues() {
      CheckedQuery q = check("INSERT INTO tags (order_id, name) VALUES (:o, :a), (:o, :b)",
          params("o", LONG, "a", STRING, "b", STRING));
      assertValid(q);
      assertEquals("INSERT INTO tags (order_id, name) VALUES (?, ?), (?, ?)", jdbc(q));
      assertEquals(List.of("o", "a", "o", "b"), bound(q));
    }

    @Test
    void parameterTypesAreInFirstUseOrder() {
      CheckedQuery q = check("SELECT id FROM users WHERE email = :b AND age = :a AND email <> :b",
          params("a", INT, "b", STRING));
      assertEquals(List.of("b", "a"), List.copyOf(q.parameterTypes().keySet()));
    }
  }

  @Nested
  class Results {
    @Test
    void aggregates() {
      CheckedQuery q = check("SELECT count(*), count(age) AS c, sum(age) AS s, sum(total) AS st, min(placed_at) AS mn, "
          + "max(email) AS mx FROM users u JOIN orders o ON o.user_id = u.id", params());
      assertValid(q);
      assertEquals(List.of(col("count(*)", LONG, false), col("c", LONG, false), col("s", LONG, true),
          col("st", DECIMAL, true), col("mn", INSTANT, true), col("mx", STRING, true)), q.columns());
    }

    @Test
    void avgPerDialect() {
      String sql = "SELECT avg(total) AS a FROM orders";
      assertEquals(DECIMAL, check(sql, PG, params()).columns().get(0).javaType());
      assertEquals(DECIMAL, check(sql, EnumSet.of(SqlDialect.H2), params()).columns().get(0).javaType());
      assertEquals(DECIMAL, check(sql, EnumSet.of(SqlDialect.MARIADB), params()).columns().get(0).javaType());
      assertEquals(DECIMAL, check(sql, EnumSet.of(SqlDialect.MYSQL), params()).columns().get(0).javaType());
      assertEquals(DOUBLE, check(sql, EnumSet.of(SqlDialect.SQLITE), params()).columns().get(0).javaType());
      // dialects disagree: BigDecimal, which a SQLite double converts to without loss
      assertEquals(col("a", DECIMAL, true), check(sql, ALL, params()).columns().get(0));
    }

    @Test
    void coalesceIsNotNullWhenAnArgumentIsNot() {
      CheckedQuery q = check("SELECT coalesce(age, 0) AS a, coalesce(age, age) AS b FROM users", params());
      assertEquals(List.of(col("a", INT, false), col("b", INT, true)), q.columns());
    }

    @Test
    void caseTakesItsBranchType() {
      CheckedQuery q = check("SELECT CASE WHEN age > 17 THEN 'adult' ELSE 'minor' END AS k, "
          + "CASE status WHEN :s THEN 1 END AS one FROM users", params("s", STATUS));
      assertValid(q);
      assertEquals(List.of(col("k", STRING, false), col("one", INT, true)), q.columns());
      assertEquals(Map.of("s", STATUS), q.parameterTypes());
    }

    @Test
    void castsLiteralsArithmeticAndConcat() {
      CheckedQuery q = check("SELECT CAST(age AS bigint) AS a, age::text AS t, 1 AS i, 'x' AS s, 2.5 AS d, TRUE AS b, "
          + "age * 2 AS twice, total + 1 AS more, email || '!' AS loud FROM users, orders", params());
      assertValid(q);
      assertEquals(List.of(col("a", LONG, true), col("t", STRING, true), col("i", INT, false),
          col("s", STRING, false), col("d", DECIMAL, false), col("b", BOOL, false), col("twice", INT, true),
          col("more", DECIMAL, false), col("loud", STRING, false)), q.columns());
    }

    @Test
    void labelsAreTheAliasElseTheColumnElseTheExpressionText() {
      CheckedQuery q = check("SELECT u.email, u.age AS years, upper(email) FROM users u", params());
      assertEquals(List.of("email", "years", "upper(email)"), q.columns().stream().map(ResultColumn::label).toList());
      assertEquals(col("upper(email)", STRING, false), q.columns().get(2));
    }

    @Test
    void windowFunctions() {
      CheckedQuery q = check("SELECT row_number() OVER (PARTITION BY user_id ORDER BY placed_at) AS n, "
          + "sum(total) OVER (PARTITION BY user_id) AS running FROM orders", ALL, params());
      assertValid(q);
      assertEquals(List.of(col("n", LONG, false), col("running", DECIMAL, true)), q.columns());
    }

    @Test
    void integerDivisionIsADecimalOnMySql() {
      String sql = "SELECT age / 2 AS half FROM users";
      assertEquals(INT, check(sql, PG, params()).columns().get(0).javaType());
      assertEquals(DECIMAL, check(sql, EnumSet.of(SqlDialect.MYSQL), params()).columns().get(0).javaType());
    }

    @Test
    void moreAggregateTypes() {
      CheckedQuery q = check("SELECT sum(weight) AS w, min(age) AS youngest, count(DISTINCT name) AS n, "
          + "avg(weight) AS a FROM tags, users", EnumSet.of(SqlDialect.SQLITE), params());
      assertValid(q);
      assertEquals(List.of(col("w", DOUBLE, true), col("youngest", INT, true), col("n", LONG, false),
          col("a", DOUBLE, true)), q.columns());
    }

    @Test
    void unionMakesAColumnNullableWhenEitherSideIs() {
      CheckedQuery q = check("SELECT age FROM users UNION SELECT 1", params());
      assertEquals(List.of(col("age", INT, true)), q.columns());
      CheckedQuery widened = check("SELECT age AS x FROM users UNION SELECT id FROM orders", params());
      assertEquals(List.of(col("x", LONG, true)), widened.columns());
    }

    @Test
    void unknownFunctionsAreObjects() {
      CheckedQuery q = check("SELECT md5(email) AS h FROM users", params());
      assertValid(q);
      assertEquals(col("h", "java.lang.Object", true), q.columns().get(0));
    }
  }

  @Nested
  class Statements {
    @Test
    void insertValuesTakeTheColumnTypes() {
      CheckedQuery q = check("INSERT INTO users (email, age, active) VALUES (:email, :age, TRUE)",
          params("email", STRING, "age", "int"));
      assertValid(q);
      assertEquals(StatementKind.INSERT, q.kind());
      assertEquals(Map.of("email", STRING, "age", INT), q.parameterTypes());
      assertEquals(List.of(), q.columns());
    }

    @Test
    void insertColumnCountMismatch() {
      assertProblem(check("INSERT INTO users (email, age) VALUES (:email)", params("email", STRING)),
          ProblemKind.COLUMN_COUNT_MISMATCH, "INSERT INTO users names 2 columns but gives 1 value; give one value per "
              + "column");
    }

    @Test
    void insertIntoAnUnknownColumn() {
      assertProblem(check("INSERT INTO users (mail) VALUES ('x')", params()), ProblemKind.UNKNOWN_COLUMN,
          "unknown column 'mail' in users; did you mean 'email'?");
    }

    @Test
    void insertSelect() {
      CheckedQuery q = check("INSERT INTO tags (order_id, name) SELECT id, :name FROM orders WHERE total > :min",
          params("name", STRING, "min", DECIMAL));
      assertValid(q);
      assertEquals(Map.of("name", STRING, "min", DECIMAL), q.parameterTypes());
    }

    @Test
    void updateSetTakesTheColumnType() {
      CheckedQuery q = check("UPDATE users SET email = :email, age = age + :by WHERE id = :id",
          params("email", STRING, "by", INT, "id", LONG));
      assertValid(q);
      assertEquals(StatementKind.UPDATE, q.kind());
      assertEquals(List.of("email", "by", "id"), List.copyOf(q.parameterTypes().keySet()));
      assertEquals(INT, q.parameterTypes().get("by"));
    }

    @Test
    void deleteWithReturning() {
      CheckedQuery q = check("DELETE FROM orders WHERE placed_at < :before RETURNING id, total",
          params("before", INSTANT));
      assertValid(q);
      assertEquals(StatementKind.DELETE, q.kind());
      assertEquals(List.of(col("id", LONG, false), col("total", DECIMAL, false)), q.columns());
    }

    @Test
    void insertAndUpdateReturning() {
      CheckedQuery ins = check("INSERT INTO users (email, active) VALUES (:e, FALSE) RETURNING id", params("e", STRING));
      assertValid(ins);
      assertEquals(List.of(col("id", LONG, false)), ins.columns());
      CheckedQuery upd = check("UPDATE users SET age = NULL WHERE id = :id RETURNING *", params("id", LONG));
      assertValid(upd);
      assertEquals(5, upd.columns().size());
    }

    @Test
    void upsertOnConflict() {
      CheckedQuery q = check("INSERT INTO users (id, email, active) VALUES (:id, :e, TRUE) ON CONFLICT (id) "
          + "DO UPDATE SET email = excluded.email", EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.SQLITE),
          params("id", LONG, "e", STRING));
      assertValid(q);
    }

    @Test
    void ddlIsUnsupported() {
      assertProblem(check("CREATE TABLE x (a int)", params()), ProblemKind.UNSUPPORTED_STATEMENT,
          "@Query takes one SELECT, INSERT, UPDATE or DELETE statement, not a CREATE TABLE statement; write a single "
              + "SELECT, INSERT, UPDATE or DELETE (run DDL through migrations, and give each statement its own method)");
    }

    @Test
    void severalStatementsAreUnsupported() {
      assertProblem(check("SELECT 1; SELECT 2", params()), ProblemKind.UNSUPPORTED_STATEMENT,
          "@Query takes one SELECT, INSERT, UPDATE or DELETE statement, not 2 statements; write a single SELECT, "
              + "INSERT, UPDATE or DELETE (run DDL through migrations, and give each statement its own method)");
    }

    @Test
    void syntaxErrorsSayWhere() {
      assertProblem(check("SELECT id\nFROM users WHERE", params()), ProblemKind.SYNTAX,
          "the @Query SQL does not parse at line 2, column 12: unexpected \"WHERE\"; fix the SQL there (named "
              + "parameters are written :name)");
    }

    @Test
    void anUnclosedStringIsASyntaxError() {
      assertEquals(List.of(ProblemKind.SYNTAX), kinds(check("SELECT id FROM users WHERE email = 'x", params())));
    }

    @Test
    void emptyTextIsUnsupported() {
      assertEquals(List.of(ProblemKind.UNSUPPORTED_STATEMENT), kinds(check("  ", params())));
    }

    @Test
    void aQueryWithoutFrom() {
      CheckedQuery q = check("SELECT 1 + :x AS y", params("x", INT));
      assertValid(q);
      assertEquals(List.of(col("y", INT, true)), q.columns());
    }

    @Test
    void aDataModifyingCteIsUnsupported() {
      assertEquals(List.of(ProblemKind.UNSUPPORTED_STATEMENT), kinds(check(
          "WITH gone AS (DELETE FROM tags WHERE id = 1 RETURNING order_id) SELECT order_id FROM gone", params())));
    }

    @Test
    void syntaxErrorPositionsCountTheParametersAsWritten() {
      CheckedQuery q = check("SELECT id FROM users WHERE id = :id id", params("id", LONG));
      assertEquals(List.of(ProblemKind.SYNTAX), kinds(q));
      assertTrue(q.problems().get(0).message().contains("line 1, column 37"), q.problems().toString());
    }
  }

  @Nested
  class Dialects {
    static String message(String construct, String dialect, String option, String hint) {
      return construct + " is not supported by " + dialect + "; " + hint + ", or remove " + option
          + " from the processor option quarry.dialects";
    }

    @Test
    void returningPerDialect() {
      CheckedQuery ins = check("INSERT INTO users (email, active) VALUES ('a', TRUE) RETURNING id", ALL, params());
      assertEquals(List.of(
          new Problem(ProblemKind.DIALECT_SYNTAX, message("RETURNING on INSERT", "H2", "h2",
              "read the values with a separate SELECT")),
          new Problem(ProblemKind.DIALECT_SYNTAX, message("RETURNING on INSERT", "MySQL", "mysql",
              "read the values with a separate SELECT"))), ins.problems());
      CheckedQuery upd = check("UPDATE users SET age = 1 RETURNING id", EnumSet.of(SqlDialect.MARIADB), params());
      assertProblem(upd, ProblemKind.DIALECT_SYNTAX, message("RETURNING on UPDATE", "MariaDB", "mariadb",
          "read the values with a separate SELECT"));
      assertValid(check("DELETE FROM users RETURNING id", EnumSet.of(SqlDialect.MARIADB, SqlDialect.SQLITE,
          SqlDialect.POSTGRESQL), params()));
    }

    @Test
    void fullJoin() {
      CheckedQuery q = check("SELECT u.id FROM users u FULL OUTER JOIN orders o ON o.user_id = u.id",
          EnumSet.of(SqlDialect.SQLITE, SqlDialect.MYSQL), params());
      assertProblem(q, ProblemKind.DIALECT_SYNTAX, message("FULL OUTER JOIN", "MySQL", "mysql",
          "combine a LEFT JOIN and a RIGHT JOIN with UNION"));
      assertEquals(List.of(ProblemKind.DIALECT_SYNTAX, ProblemKind.DIALECT_SYNTAX), kinds(check(
          "SELECT u.id FROM users u FULL JOIN orders o ON o.user_id = u.id", EnumSet.of(SqlDialect.H2,
              SqlDialect.MARIADB, SqlDialect.POSTGRESQL), params())));
    }

    @Test
    void ilike() {
      assertValid(check("SELECT id FROM users WHERE email ILIKE :p", EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.H2),
          params("p", STRING)));
      assertProblem(check("SELECT id FROM users WHERE email ILIKE :p", EnumSet.of(SqlDialect.SQLITE),
          params("p", STRING)), ProblemKind.DIALECT_SYNTAX, message("ILIKE", "SQLite", "sqlite",
          "write LOWER(x) LIKE LOWER(:pattern)"));
    }

    @Test
    void fetchFirstIsNotOnSqliteOrMySql() {
      String sql = "SELECT id FROM users ORDER BY id OFFSET 10 ROWS FETCH FIRST :n ROWS ONLY";
      assertValid(check(sql, EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.H2, SqlDialect.MARIADB), params("n", INT)));
      assertEquals(List.of(ProblemKind.DIALECT_SYNTAX, ProblemKind.DIALECT_SYNTAX),
          kinds(check(sql, EnumSet.of(SqlDialect.SQLITE, SqlDialect.MYSQL), params("n", INT))));
      assertValid(check("SELECT id FROM users ORDER BY id LIMIT :n OFFSET 10", ALL, params("n", INT)));
    }

    @Test
    void upserts() {
      assertProblem(check("INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO NOTHING",
          EnumSet.of(SqlDialect.MYSQL), params()), ProblemKind.DIALECT_SYNTAX, message("INSERT ... ON CONFLICT",
          "MySQL", "mysql", "use ON DUPLICATE KEY UPDATE on MySQL and MariaDB, MERGE on H2"));
      assertProblem(check("INSERT INTO users (id, email) VALUES (1, 'a') ON DUPLICATE KEY UPDATE email = 'b'",
          EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.MARIADB), params()), ProblemKind.DIALECT_SYNTAX,
          message("INSERT ... ON DUPLICATE KEY UPDATE", "PostgreSQL", "postgresql",
              "use ON CONFLICT (...) DO UPDATE on PostgreSQL and SQLite, MERGE on H2"));
    }

    @Test
    void merge() {
      String sql = "MERGE INTO users u USING orders o ON u.id = o.user_id WHEN MATCHED THEN UPDATE SET age = :age";
      CheckedQuery pg = check(sql, EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.H2), params("age", INT));
      assertValid(pg);
      assertEquals(StatementKind.UPDATE, pg.kind());
      assertEquals(List.of(ProblemKind.DIALECT_SYNTAX), kinds(check(sql, EnumSet.of(SqlDialect.SQLITE), params("age", INT))));
    }

    @Test
    void doubleColonCast() {
      assertProblem(check("SELECT age::text FROM users", EnumSet.of(SqlDialect.MARIADB), params()),
          ProblemKind.DIALECT_SYNTAX, message("the :: cast", "MariaDB", "mariadb", "write CAST(x AS type)"));
    }

    @Test
    void distinctOn() {
      assertProblem(check("SELECT DISTINCT ON (user_id) user_id, total FROM orders ORDER BY user_id, placed_at DESC",
          EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.H2), params()), ProblemKind.DIALECT_SYNTAX,
          message("DISTINCT ON", "H2", "h2", "pick the rows with ROW_NUMBER() OVER (PARTITION BY ...) in a subquery"));
    }

    @Test
    void pipesMeanOrOnMySql() {
      assertEquals(List.of(ProblemKind.DIALECT_SYNTAX),
          kinds(check("SELECT email || 'x' FROM users", EnumSet.of(SqlDialect.MYSQL), params())));
    }

    @Test
    void limitWithACommaIsMySqlAndSqliteOnly() {
      assertValid(check("SELECT id FROM users LIMIT 10, 20", EnumSet.of(SqlDialect.MYSQL, SqlDialect.SQLITE), params()));
      assertProblem(check("SELECT id FROM users LIMIT 10, 20", PG, params()), ProblemKind.DIALECT_SYNTAX,
          message("LIMIT offset, count", "PostgreSQL", "postgresql", "write LIMIT count OFFSET offset"));
    }

    @Test
    void aggregateFilter() {
      assertValid(check("SELECT count(*) FILTER (WHERE age > 17) AS adults FROM users",
          EnumSet.of(SqlDialect.POSTGRESQL, SqlDialect.SQLITE, SqlDialect.H2), params()));
      assertEquals(List.of(ProblemKind.DIALECT_SYNTAX),
          kinds(check("SELECT count(*) FILTER (WHERE age > 17) AS adults FROM users", EnumSet.of(SqlDialect.MARIADB),
              params())));
    }

    @Test
    void identifierQuotes() {
      assertProblem(check("SELECT \"email\" FROM users", EnumSet.of(SqlDialect.MYSQL), params()),
          ProblemKind.DIALECT_SYNTAX, message("the double-quoted identifier \"email\" (read as a string literal)",
              "MySQL", "mysql", "use the name unquoted"));
      assertProblem(check("SELECT `email` FROM users", PG, params()), ProblemKind.DIALECT_SYNTAX,
          message("the back-quoted identifier `email`", "PostgreSQL", "postgresql",
              "use the name unquoted, or in double quotes"));
    }

    @Test
    void portableQueriesPassEverywhere() {
      assertValid(check("WITH t AS (SELECT user_id, sum(total) AS s FROM orders GROUP BY user_id) "
          + "SELECT u.email, t.s, rank() OVER (ORDER BY t.s DESC) AS r FROM users u LEFT JOIN t ON t.user_id = u.id "
          + "WHERE u.active = TRUE AND u.age BETWEEN :lo AND :hi ORDER BY r LIMIT 10", ALL,
          params("lo", INT, "hi", INT)));
    }

    @Test
    void stringLiteralsDoNotTriggerDialectChecks() {
      assertValid(check("SELECT id FROM users WHERE email = 'a ILIKE b || c :: d RETURNING'", ALL, params()));
    }
  }

  @Nested
  class Optional_ {
    @Test
    void theConditionOfAnOptionalParameterIsMarked() {
      CheckedQuery q = optional("SELECT id FROM users WHERE active = TRUE AND age >= :minAge ORDER BY id",
          params("minAge", INT), "minAge");
      assertValid(q);
      assertEquals(List.of(
          new SqlPart.Text("SELECT id FROM users WHERE active = TRUE AND ", List.of()),
          new SqlPart.OptionalCondition("minAge", "age >= ?", List.of("minAge")),
          new SqlPart.Text(" ORDER BY id", List.of())), q.parts());
    }

    @Test
    void severalOptionalConditionsAndRequiredParameters() {
      CheckedQuery q = optional("SELECT id FROM users WHERE age >= :min AND email = :e AND age <= :max",
          params("min", INT, "e", STRING, "max", INT), "min", "max");
      assertValid(q);
      assertEquals("SELECT id FROM users WHERE [age >= ?] AND email = ? AND [age <= ?]", jdbc(q));
      assertEquals(List.of("min", "e", "max"), bound(q));
    }

    @Test
    void insideAParenthesisedAndGroup() {
      CheckedQuery q = optional("SELECT id FROM users WHERE active AND (email = :e AND (age > :a))",
          params("e", STRING, "a", INT), "a");
      assertValid(q);
      assertEquals("SELECT id FROM users WHERE active AND (email = ? AND ([age > ?]))", jdbc(q));
    }

    @Test
    void betweenIsOneCondition() {
      CheckedQuery q = optional("SELECT id FROM users WHERE age BETWEEN :lo AND 99 AND active",
          params("lo", INT), "lo");
      assertValid(q);
      assertEquals("SELECT id FROM users WHERE [age BETWEEN ? AND 99] AND active", jdbc(q));
    }

    @Test
    void inJoinOnAndInASubquery() {
      CheckedQuery q = optional("SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id AND o.total > :min "
          + "WHERE u.id IN (SELECT user_id FROM orders WHERE placed_at > :since) GROUP BY u.id",
          params("min", DECIMAL, "since", INSTANT), "min", "since");
      assertValid(q);
      assertEquals("SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id AND [o.total > ?] "
          + "WHERE u.id IN (SELECT user_id FROM orders WHERE [placed_at > ?]) GROUP BY u.id", jdbc(q));
    }

    @Test
    void inHaving() {
      CheckedQuery q = optional("SELECT user_id FROM orders GROUP BY user_id HAVING count(*) > :n",
          params("n", LONG), "n");
      assertValid(q);
      assertEquals("SELECT user_id FROM orders GROUP BY user_id HAVING [count(*) > ?]", jdbc(q));
    }

    @Test
    void underOrIsAnError() {
      assertProblem(optional("SELECT id FROM users WHERE active OR age > :a", params("a", INT), "a"),
          ProblemKind.OTHER, "optional parameter :a is under OR, in a condition that cannot be left out alone; an "
              + "optional parameter may appear only in a condition joined by AND to a WHERE, HAVING or JOIN ... ON "
              + "clause (e.g. WHERE ... AND u.age >= :a), which is left out when it is null: move it there, or make "
              + "the parameter required");
      assertEquals(List.of(ProblemKind.OTHER), kinds(optional(
          "SELECT id FROM users WHERE active AND (age > :a OR age IS NULL)", params("a", INT), "a")));
    }

    @Test
    void outsideAConditionIsAnError() {
      String where = "optional parameter :a is not in a WHERE, HAVING or JOIN ... ON condition; an optional parameter "
          + "may appear only in a condition joined by AND to a WHERE, HAVING or JOIN ... ON clause (e.g. WHERE ... AND "
          + "u.age >= :a), which is left out when it is null: move it there, or make the parameter required";
      assertProblem(optional("SELECT :a AS x FROM users", params("a", INT), "a"), ProblemKind.OTHER, where);
      assertProblem(optional("UPDATE users SET age = :a WHERE id = 1", params("a", INT), "a"), ProblemKind.OTHER, where);
      assertProblem(optional("SELECT id FROM users LIMIT :a", params("a", INT), "a"), ProblemKind.OTHER, where);
    }

    @Test
    void twoOptionalParametersInOneCondition() {
      assertProblem(optional("SELECT id FROM users WHERE age BETWEEN :lo AND :hi", params("lo", INT, "hi", INT),
          "lo", "hi"), ProblemKind.OTHER, "optional parameters :lo and :hi are in the same condition (age BETWEEN "
              + ":lo AND :hi), which can be left out for only one of them; give each its own condition joined by AND "
              + "(e.g. x >= :lo AND x <= :hi), or make one of them required");
    }

    @Test
    void anOptionalParameterUsedOutsideItsConditionToo() {
      assertEquals(List.of(ProblemKind.OTHER),
          kinds(optional("SELECT :a AS x FROM users WHERE age > :a", params("a", INT), "a")));
    }

    @Test
    void nestedOptionalConditions() {
      CheckedQuery q = optional("SELECT id FROM users WHERE age > (SELECT min(age) FROM users WHERE email = :e) + :a",
          params("e", STRING, "a", INT), "e", "a");
      assertEquals(List.of(ProblemKind.OTHER), kinds(q));
    }

    @Test
    void anOptionalConditionInsideASelectListSubquery() {
      CheckedQuery q = optional("SELECT (SELECT count(*) FROM orders o WHERE o.user_id = u.id AND o.total > :t) AS n "
          + "FROM users u", params("t", DECIMAL), "t");
      assertValid(q);
      assertEquals("SELECT (SELECT count(*) FROM orders o WHERE o.user_id = u.id AND [o.total > ?]) AS n FROM users u",
          jdbc(q));
    }

    @Test
    void caseInsideAnOptionalCondition() {
      CheckedQuery q = optional("SELECT id FROM users WHERE CASE WHEN age > 1 AND active THEN :x END = 1 AND active",
          params("x", INT), "x");
      assertValid(q);
      assertEquals("SELECT id FROM users WHERE [CASE WHEN age > 1 AND active THEN ? END = 1] AND active", jdbc(q));
    }

    @Test
    void theSameOptionalParameterTwiceInItsCondition() {
      CheckedQuery q = optional("SELECT id FROM users WHERE active AND (email = :e OR lower(email) = :e)",
          params("e", STRING), "e");
      assertEquals(List.of(ProblemKind.OTHER), kinds(q)); // under OR: one problem for both uses
      CheckedQuery ok = optional("SELECT id FROM users WHERE active AND coalesce(:e, email) = :e",
          params("e", STRING), "e");
      assertValid(ok);
      assertEquals(List.of(new SqlPart.Text("SELECT id FROM users WHERE active AND ", List.of()),
          new SqlPart.OptionalCondition("e", "coalesce(?, email) = ?", List.of("e", "e"))), ok.parts());
    }
  }
}
