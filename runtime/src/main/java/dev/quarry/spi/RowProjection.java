package dev.quarry.spi;

import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The row reader of a {@code @Projection} record, implemented by generated code
 * ({@code BookRow_Projection}) so that the runtime never touches the record reflectively: it reads
 * each component's column by index with the type its Java type decides and calls the canonical
 * constructor.
 *
 * <p>Internal: the signatures may change between versions together with the processor.
 *
 * @param <R> the record class
 */
@Internal
public interface RowProjection<R> {
  /** The record class. */
  Class<R> type();

  /** The component names, in declaration (constructor) order. */
  List<String> componentNames();

  /** The type each component is read with, in the same order. */
  List<SqlType<?>> componentTypes();

  /**
   * The record for the current row of {@code rs}: component {@code i} from JDBC column
   * {@code columns[i]} (1-based; see {@link Projections#bind}). Must not move the cursor.
   *
   * @throws dev.quarry.engine.ProjectionException when a primitive component's column is NULL or a value
   *     cannot be converted; other {@link SQLException}s as the driver throws them
   */
  R read(ResultSet rs, int[] columns, Vendor vendor) throws SQLException;
}
