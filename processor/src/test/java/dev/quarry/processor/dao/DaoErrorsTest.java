package dev.quarry.processor.dao;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.quarry.processor.QuarryProcessor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile errors of {@code @Dao} interfaces: each on the method (or annotation) to change, saying what to change. */
class DaoErrorsTest {
  private static final JavaFileObject USER = JavaFileObjects.forSourceString("test.User", """
      package test;
      import dev.quarry.annotation.*;
      @Entity
      public class User {
        @Id public Long id;
        public String name;
        public int age;
        public boolean active;
        public java.time.LocalDate born;
      }
      """);

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new QuarryProcessor()).withOptions("-Xlint:-processing")
        .compile(sources);
  }

  static int markedLine(JavaFileObject source) throws java.io.IOException {
    String[] lines = source.getCharContent(true).toString().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("//!")) {
        return i + 1;
      }
    }
    throw new AssertionError("no //! marker");
  }

  private static void assertError(String body, String message) throws java.io.IOException {
    JavaFileObject dao = JavaFileObjects.forSourceString("test.UserQueries", """
        package test;
        import dev.quarry.annotation.*;
        import java.util.*;
        @Dao(entity = User.class)
        interface UserQueries {
        """ + body + "\n}\n");
    Compilation c = compile(USER, dao);
    assertThat(c).failed();
    assertWithMessage("errors: %s", c.errors()).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining(message).inFile(dao).onLine(markedLine(dao));
  }

  @Test
  void unknownPropertyWithSuggestion() throws Exception {
    assertError("  List<User> findByNmae(String name); //!", "refers to property 'nmae', which User does not have; "
        + "did you mean 'name'?");
  }

  @Test
  void unknownPropertyBeforeAnOperator() throws Exception {
    assertError("  List<User> findByAgeeGreaterThan(int age); //!", "property 'agee'");
  }

  @Test
  void wrongParameterType() throws Exception {
    assertError("  List<User> findByAge(\n String age); //!", "parameter 'age' of UserQueries.findByAge is "
        + "java.lang.String, but 'age' needs java.lang.Integer");
  }

  @Test
  void missingParameter() throws Exception {
    assertError("  List<User> findByNameAndAge(String name); //!", "needs a parameter of type java.lang.Integer for 'age'");
  }

  @Test
  void extraParameter() throws Exception {
    assertError("  List<User> findByName(String name,\n int age); //!", "parameter 'age' of UserQueries.findByName "
        + "is not used by any condition");
  }

  @Test
  void unsupportedKeyword() throws Exception {
    assertError("  List<User> findByNameMatches(String regex); //!", "keyword 'Matches'");
  }

  @Test
  void unsupportedVerb() throws Exception {
    assertError("  List<User> readByName(String name); //!", "'read' in UserQueries.readByName is not supported");
  }

  @Test
  void distinctIsUnsupported() throws Exception {
    assertError("  List<User> findDistinctByName(String name); //!", "'Distinct'");
  }

  @Test
  void neitherQueryNorFinder() throws Exception {
    assertError("  List<User> adults(); //!", "is neither annotated @Query nor a derived finder");
  }

  @Test
  void likeNeedsAString() throws Exception {
    assertError("  List<User> findByAgeLike(int age); //!", "'Like' in UserQueries.findByAgeLike needs a String "
        + "property");
  }

  @Test
  void ignoreCaseNeedsAString() throws Exception {
    assertError("  List<User> findByAgeIgnoreCase(int age); //!", "IgnoreCase in UserQueries.findByAgeIgnoreCase "
        + "applies to String properties");
  }

  @Test
  void trueNeedsABoolean() throws Exception {
    assertError("  List<User> findByNameTrue(); //!", "needs a boolean property");
  }

  @Test
  void beforeNeedsADate() throws Exception {
    assertError("  List<User> findByAgeBefore(int age); //!", "needs a date/time property");
  }

  @Test
  void greaterThanNeedsAComparable() throws Exception {
    assertError("  List<User> findByActiveGreaterThan(boolean a); //!", "needs a comparable");
  }

  @Test
  void inNeedsACollectionOfThePropertyType() throws Exception {
    assertError("  List<User> findByAgeIn(\n List<String> ages); //!", "needs java.util.Collection<? extends "
        + "java.lang.Integer>");
  }

  @Test
  void inWithAnArrayOfAnotherType() throws Exception {
    assertError("  List<User> findByAgeIn(\n String[] ages); //!", "parameter 'ages' of UserQueries.findByAgeIn is "
        + "java.lang.String[], but 'age' needs java.util.Collection<? extends java.lang.Integer> or "
        + "java.lang.Integer[]; change the parameter's type");
  }

  @Test
  void inWithAnArrayOfShorts() throws Exception {
    assertError("  List<User> findByAgeNotIn(\n short[] ages); //!", "is short[], but 'age' needs");
  }

  @Test
  void unknownOrderProperty() throws Exception {
    assertError("  List<User> findAllByOrderBySurnameDesc(); //!", "OrderBy in UserQueries.findAllByOrderBySurnameDesc"
        + " names property 'surname'");
  }

  @Test
  void findAllReturnsAList() throws Exception {
    assertError("  User findAllByName(String name); //!", "must return List<User> or Stream<User>");
  }

  @Test
  void countReturnsANumber() throws Exception {
    assertError("  String countByName(String name); //!", "(count) must return long or int");
  }

  @Test
  void existsReturnsABoolean() throws Exception {
    assertError("  int existsByName(String name); //!", "(exists) must return boolean");
  }

  @Test
  void deleteReturnsACountOrVoid() throws Exception {
    assertError("  boolean deleteByName(String name); //!", "(delete) must return long, int or void");
  }

  @Test
  void finderOfANonEntity() throws Exception {
    assertError("  List<String> findByName(String name); //!", "is not an @Entity of this compilation");
  }

  @Test
  void orderByOnACount() throws Exception {
    assertError("  long countByNameOrderByAge(String name); //!", "OrderBy in UserQueries.countByNameOrderByAge has "
        + "no effect");
  }

  @Test
  void dropIfNullOnAPrimitive() throws Exception {
    assertError("  List<User> findByAge(\n @DropIfNull int age); //!", "@DropIfNull on parameter 'age'");
  }

  @Test
  void dropIfNullOnADelete() throws Exception {
    assertError("  long deleteByName(\n @DropIfNull String name); //!", "would delete every row");
  }

  @Test
  void genericMethod() throws Exception {
    assertError("  <T> List<User> findByName(String name); //!", "must not declare type parameters");
  }

  @Test
  void badLimit() throws Exception {
    assertError("  List<User> findTop0ByName(String name); //!", "must be a positive integer");
  }

  @Test
  void emptyCondition() throws Exception {
    assertError("  List<User> findByNameOrAndAge(String name, int age); //!", "empty condition");
  }

  @Test
  void noEntityForACount() throws Exception {
    JavaFileObject dao = JavaFileObjects.forSourceString("test.Counts", """
        package test;
        @dev.quarry.annotation.Dao
        interface Counts {
          long countByName(String name); //!
        }
        """);
    Compilation c = compile(USER, dao);
    assertThat(c).hadErrorContaining("cannot tell which entity Counts.countByName is about").inFile(dao)
        .onLine(markedLine(dao));
  }

  @Test
  void daoOnAConcreteClass() throws Exception {
    JavaFileObject dao = JavaFileObjects.forSourceString("test.Concrete", """
        package test;
        @dev.quarry.annotation.Dao //!
        class Concrete {}
        """);
    Compilation c = compile(USER, dao);
    assertThat(c).hadErrorContaining("@Dao must annotate an interface or an abstract class").inFile(dao);
  }

  // --- pages ---------------------------------------------------------------------------------------

  @Test
  void pageWithoutPageParameters() throws Exception {
    assertError("  dev.quarry.orm.Page<User> findByName(\n String name); //!", "UserQueries.findByName returns "
        + "dev.quarry.orm.Page<test.User>, so its last two parameters must be the page number (from 1) and the page "
        + "size, both int, but it has only 'java.lang.String name'; end its parameters with 'int page, int size'");
  }

  @Test
  void pageParametersOfTheWrongType() throws Exception {
    assertError("  dev.quarry.orm.Page<User> findByName(String name, long page,\n Integer size); //!",
        "but it has 'long page, java.lang.Integer size' last; end its parameters with 'int page, int size'");
  }

  @Test
  void pageWithoutParametersAtAll() throws Exception {
    assertError("  dev.quarry.orm.Page<User> findAll(); //!", "but it has no parameters; end its parameters with "
        + "'int page, int size'");
  }

  @Test
  void pageWithFirst() throws Exception {
    assertError("  dev.quarry.orm.Page<User> findFirst3ByName(String name, int page, int size); //!",
        "UserQueries.findFirst3ByName returns a Page, whose size the 'size' parameter sets, but 'First3' in its name "
        + "limits the rows too; remove 'First3' (findBy…) or return a List");
  }

  @Test
  void pageQueryWithItsOwnLimit() throws Exception {
    assertError("  @Query(\"SELECT * FROM user WHERE id IN (SELECT id FROM user LIMIT 5) ORDER BY id LIMIT 10\") //!\n"
        + "  dev.quarry.orm.Page<User> firstTen(int page, int size);", "the SQL of UserQueries.firstTen ends with its "
        + "own LIMIT, but a method returning a Page gets LIMIT and OFFSET from its page and size parameters; remove "
        + "the LIMIT clause, or return a List");
  }

  @Test
  void pageQueryUnchecked() throws Exception {
    assertError("  @Query(\"SELECT * FROM user\")\n  @SkipQueryVerification(\"why not\") //!\n"
        + "  dev.quarry.orm.Page<User> everyone(int page, int size);", "UserQueries.everyone cannot return a Page: its "
        + "SQL is not checked (@SkipQueryVerification)");
  }

  @Test
  void pageOfAnUpdate() throws Exception {
    assertError("  @Query(\"UPDATE user SET age = 1 RETURNING id\")\n  dev.quarry.orm.Page<Long> touch(int page, int size); //!",
        "UserQueries.touch cannot return a Page: it runs an UPDATE, and only a SELECT reads pages");
  }

  @Test
  void pageQueryParametersAreNotSqlParameters() throws Exception {
    assertError("  @Query(\"SELECT * FROM user WHERE age > :size\") //!\n"
        + "  dev.quarry.orm.Page<User> older(int page, int size);", ":size");
  }

  // --- @Query plumbing -------------------------------------------------------------------------------

  @Test
  void checkerProblemIsAnErrorOnTheQuery() throws Exception {
    JavaFileObject dao = JavaFileObjects.forSourceString("test.Q1", """
        package test;
        import dev.quarry.annotation.*;
        @Dao
        interface Q1 {
          @Query("SELECT * FROM user WHERE agee > :minAge") //!
          java.util.List<User> adults(int minAge);
        }
        """);
    Compilation c = compile(USER, dao);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("agee").inFile(dao).onLine(markedLine(dao));
  }

  @Test
  void skippedVerificationIsANote() throws Exception {
    JavaFileObject dao = JavaFileObjects.forSourceString("test.Q2", """
        package test;
        import dev.quarry.annotation.*;
        @Dao
        interface Q2 {
          @Query("SELECT * FROM user WHERE age > :minAge")
          @SkipQueryVerification("vendor function") //!
          java.util.List<User> adults(int minAge);
        }
        """);
    Compilation c = compile(USER, dao);
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("the SQL of Q2.adults is not checked (@SkipQueryVerification: vendor function)")
        .inFile(dao).onLine(markedLine(dao));
  }

  @Test
  void emptyQuery() throws Exception {
    assertError("  @Query(\"  \") //!\n  List<User> nothing();", "@Query of UserQueries.nothing has no SQL");
  }

  @Test
  void derivedFindersCompile() {
    JavaFileObject dao = JavaFileObjects.forSourceString("test.Finders", """
        package test;
        import dev.quarry.annotation.*;
        import java.util.*;
        @Dao(entity = User.class)
        public interface Finders {
          Optional<User> findByName(String name);
          List<User> findAllByAgeGreaterThanEqualAndActiveTrueOrderByNameDescAgeAsc(int age);
          List<User> findByNameIgnoreCaseOrAgeBetween(String name, int low, int high);
          List<User> findTop2ByBornBefore(java.time.LocalDate date);
          java.util.stream.Stream<User> findByNameStartingWithIgnoreCase(String prefix);
          List<User> findByAgeInAndNameIsNotNull(Collection<Integer> ages);
          List<User> findByNameAndAge(@DropIfNull String name, @DropIfNull Integer age);
          long countByActiveFalse();
          boolean existsByName(String name);
          int deleteByAgeLessThan(int age);
          void deleteByNameContaining(String part);
          List<User> findByAgeIn(int[] ages);
          List<User> findByIdNotInAndAgeIn(long[] ids, Integer[] ages);
          List<User> findByNameIn(String... names);
          dev.quarry.orm.Page<User> findByActive(boolean active, int page, int size);
          dev.quarry.orm.Page<User> findAllByOrderByNameAsc(int page, int size);
          @Query("SELECT * FROM user WHERE age > :age ORDER BY age")
          dev.quarry.orm.Page<User> olderThan(int age, int page, int size);
          record Named(Long id, String name) {}
          @Query("SELECT id, name FROM user WHERE (name LIKE :pattern) ORDER BY id")
          dev.quarry.orm.Page<Named> named(@DropIfNull String pattern, int first, int count);
          record Row(Long id, String name) {}  // hides dev.quarry.engine.Row in the implementation
          @Query("SELECT id, name FROM user WHERE age > :age")
          List<Row> rows(int age);
          @Query("SELECT id, name FROM user ORDER BY id")
          dev.quarry.orm.Page<Row> rowPage(int page, int size);
        }
        """);
    Compilation c = compile(USER, dao);
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      assertWithMessage("%s", d).that(d.getKind()).isNotEqualTo(Diagnostic.Kind.ERROR);
      assertWithMessage("%s", d).that(d.getKind()).isNotEqualTo(Diagnostic.Kind.WARNING);
    }
    assertThat(c).succeeded();
    assertThat(c.generatedSourceFiles().stream().map(JavaFileObject::getName).toList().toString())
        .contains("Finders_Impl");
  }
}
