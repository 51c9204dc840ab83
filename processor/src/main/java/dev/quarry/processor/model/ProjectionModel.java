package dev.quarry.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.PropertyModel.Storage;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Projection} record: its components in constructor order, each with how its column is read.
 *
 * @param element the record declaration
 * @param type the record class
 * @param components the record components, in declaration order
 */
public record ProjectionModel(TypeElement element, ClassName type, List<Component> components) {
  /**
   * One component.
   *
   * @param name the component name
   * @param type its declared type ({@code long}, {@code List<Tag>})
   * @param kind how it is stored: a native kind, ENUM, CONVERTED or JSON
   * @param storage the enum, converter or JSON details; null for a native kind
   * @param valueType the boxed type the column's {@code SqlType} reads
   * @param primitive whether the component is primitive (a SQL NULL cannot be read into it)
   */
  public record Component(String name, TypeName type, ValueKind kind, Storage storage, TypeName valueType,
      boolean primitive) {}

  /** The generated reader: {@code BookRow_Projection}, {@code Outer_BookRow_Projection} for a nested record. */
  public ClassName projectionType() {
    return projectionType(type);
  }

  /** The generated reader of {@code record}. */
  public static ClassName projectionType(ClassName record) {
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "_Projection");
  }
}
