package dev.quarry.processor.dao;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.query.CheckedQuery;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @Dao} interface or abstract class: what {@link DaoImplWriter} needs to write
 * its {@code _Impl}, nothing it has to look up in the compiler's model again.
 *
 * @param element the declaration
 * @param type the interface or class
 * @param implType the generated implementation
 * @param isInterface whether the implementation implements (else extends) it
 * @param methods the abstract methods, in declaration order
 */
public record DaoModel(TypeElement element, ClassName type, ClassName implType, boolean isInterface,
    List<Method> methods) {

  /**
   * What a method returns around its rows or count. {@code PAGE}: {@code dev.quarry.orm.Page}, the
   * method's last two parameters being the page number (from 1) and the page size.
   */
  public enum Wrap { ONE, OPTIONAL, LIST, STREAM, PAGE, LONG, INT, BOOLEAN, VOID }

  /** A method parameter. */
  public record Param(String name, TypeName type, boolean dropIfNull) {}

  /** An abstract method to implement. */
  public sealed interface Method permits Derived, Query {
    ExecutableElement element();

    List<Param> params();

    TypeName returnType();

    Wrap wrap();

    default String name() {
      return element().getSimpleName().toString();
    }
  }

  /** What a derived method does. */
  public enum Subject { FIND, COUNT, EXISTS, DELETE }

  /** A comparison keyword of a derived finder, with the number of values it takes. */
  public enum Operator {
    EQ(1), NE(1), LT(1), LE(1), GT(1), GE(1), BETWEEN(2), IN(1), NOT_IN(1), IS_NULL(0), IS_NOT_NULL(0), LIKE(1),
    NOT_LIKE(1), STARTING_WITH(1), ENDING_WITH(1), CONTAINING(1), TRUE(0), FALSE(0), BEFORE(1), AFTER(1);

    private final int arity;

    Operator(int arity) {
      this.arity = arity;
    }

    public int arity() {
      return arity;
    }
  }

  /** One condition: {@code property operator params}. */
  public record Criterion(PropertyModel property, String path, Operator operator, boolean ignoreCase,
      List<Param> params) {}

  /** One ORDER BY key. */
  public record Order(PropertyModel property, boolean descending) {}

  /**
   * A finder derived from the method name.
   *
   * @param limit rows to read at most (findFirst3By: 3); 0 for all
   * @param conditions ORed groups of ANDed conditions; empty for none
   */
  public record Derived(ExecutableElement element, List<Param> params, TypeName returnType, Wrap wrap,
      Subject subject, int limit, EntityModel entity, List<List<Criterion>> conditions, List<Order> orders)
      implements Method {}

  /** How one result column is read: its 0-based index (or label when unchecked) and the type reading it. */
  public record ColumnRead(int index, String label, TypeName javaType, CodeBlock sqlType) {}

  /** What a {@code @Query}'s rows become. */
  public sealed interface Read permits EntityRead, RecordRead, ScalarRead, NoRows {}

  /** Entities: {@code positions[i]} is the 1-based position of the table's column i (null when unchecked). */
  public record EntityRead(EntityModel entity, int[] positions) implements Read {}

  /** Records, built with one column per component in component order. */
  public record RecordRead(ClassName record, List<ColumnRead> components) implements Read {}

  /** One value per row. */
  public record ScalarRead(ColumnRead column) implements Read {}

  /** A row count. */
  public record NoRows() implements Read {}

  /**
   * A {@code @Query} method.
   *
   * @param sql the SQL as written
   * @param checked what the checker found, or null when verification is skipped
   * @param dml whether it writes (INSERT, UPDATE, DELETE)
   * @param changesExistingRows whether it updates or deletes
   * @param changed the entity whose table it writes, or null (unknown: a session expires everything)
   * @param resultTypes the types declared for the result columns (checked queries), in order
   */
  public record Query(ExecutableElement element, List<Param> params, TypeName returnType, Wrap wrap, String sql,
      CheckedQuery checked, boolean dml, boolean changesExistingRows, EntityModel changed, Read read,
      List<CodeBlock> resultTypes, List<String> resultLabels) implements Method {}
}
