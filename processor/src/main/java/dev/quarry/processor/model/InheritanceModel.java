package dev.quarry.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an entity sits in a hierarchy (single-table, or joined when {@code joined} is set). Every class of the hierarchy has the same
 * column layout (the union of all classes' columns, the discriminator after the root's own), so
 * some columns of a class's model are synthetic: the discriminator (the constant {@code value})
 * and the columns of classes that are not this class or its ancestors (always null for it).
 *
 * @param root the hierarchy's root entity
 * @param isRoot whether this entity is the root
 * @param discriminatorColumn index of the discriminator column
 * @param value this class's discriminator value; null for an abstract class (it has no rows)
 * @param values this class's value and its subclasses' (the filter of a query of this class)
 * @param classes every class of the hierarchy by discriminator value, root first
 * @param absentColumns indexes of the columns of other branches (not properties of this class)
 * @param subclassColumns indexes of the columns declared below the root (nullable in the shared table)
 * @param joined the stored tables of a joined hierarchy; null for single-table inheritance
 */
public record InheritanceModel(ClassName root, boolean isRoot, int discriminatorColumn, String value,
    List<String> values, Map<String, ClassName> classes, Set<Integer> absentColumns, Set<Integer> subclassColumns,
    JoinedModel joined) {

  /** Whether column {@code index} is not a property of this class (discriminator or another branch's). */
  public boolean synthetic(int index) {
    return index == discriminatorColumn || absentColumns.contains(index);
  }

  /** Whether {@code p} is not a property of the entity of {@code e}; false for entities outside a hierarchy. */
  public static boolean synthetic(EntityModel e, PropertyModel p) {
    return e.inheritance() != null && e.inheritance().synthetic(p.index());
  }
}
