package dev.quarry.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * An embedded value: one property of the entity whose {@code @Embeddable} type's components are
 * consecutive columns of the entity's table (flattened, so the column-indexed mapping, snapshots
 * and dirty checking treat them like any other column).
 *
 * @param name the owner's property name ({@code homeAddress})
 * @param element the owner's field or getter
 * @param type the embeddable class
 * @param record whether the embeddable is a record (built with its canonical constructor)
 * @param access how generated code reaches the property on the entity
 * @param prefix the column prefix applied to every component column
 * @param id whether this is the entity's {@code @EmbeddedId}
 * @param components the components, in column order
 */
public record EmbeddedModel(String name, Element element, ClassName type, boolean record, Access access,
    String prefix, boolean id, List<Component> components) {

  /**
   * One component of the embeddable.
   *
   * @param name the component's property name ({@code city})
   * @param column index of its column in the owner's table
   * @param access how generated code reaches it on an embeddable value (record: its accessor)
   */
  public record Component(String name, int column, Access access) {}

  /** Index of the first column. */
  public int firstColumn() {
    return components.get(0).column();
  }

  /** Index of the last column. */
  public int lastColumn() {
    return components.get(components.size() - 1).column();
  }
}
