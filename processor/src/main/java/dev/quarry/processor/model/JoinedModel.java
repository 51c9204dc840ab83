package dev.quarry.processor.model;

import java.util.List;

/**
 * The stored tables of a joined-inheritance hierarchy ({@code InheritanceType.JOINED}), as seen
 * from one of its classes: one table per class of the hierarchy, the root's holding the root's
 * columns and the discriminator, each subclass's holding the key and the subclass's own columns.
 *
 * @param tables the stored tables' names, root first, every table after its parent's
 * @param parents for each table, the index of its parent's table (-1 for the root's)
 * @param columnTables for each column of the union layout, the index of the table storing it
 * @param path the indexes of this class's tables, root first
 */
public record JoinedModel(List<String> tables, List<Integer> parents, List<Integer> columnTables,
    List<Integer> path) {

  /** The table holding this class's own columns (the last of its path). */
  public String ownTable() {
    return tables.get(path.get(path.size() - 1));
  }
}
