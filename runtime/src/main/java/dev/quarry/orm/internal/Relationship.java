package dev.quarry.orm.internal;

import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.Mappings;
import dev.quarry.spi.RelationInfo.Kind;
import dev.quarry.spi.RelationInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A relationship resolved against both mappings once: which foreign-key column links the two
 * tables (on this side for an owning reference, on the target for an inverse side) and which
 * relationship on the other side mirrors it (kept in sync in memory and on flush).
 */
final class Relationship {
  private static final Map<EntityMapping<?>, Relationship[]> CACHE = new ConcurrentHashMap<>();

  final EntityMapping<Object> owner;
  final int index;
  final RelationInfo info;
  final EntityMapping<Object> target;
  /** Owning reference: the foreign-key column in the owner's table; else -1. */
  final int ownerKey;
  /** Inverse side: the foreign-key column in the target's table; else -1. */
  final int targetKey;
  /** The mirroring relationship's index on the target, or -1 when declared on one side only. */
  final int mirror;
  /** Many-to-many: the association table, and which of its columns references each side; else null / -1. */
  final dev.quarry.sql.Table joinTable;
  final int joinOwnerColumn;
  final int joinTargetColumn;

  @SuppressWarnings("unchecked")
  private Relationship(EntityMapping<Object> owner, int index) {
    this.owner = owner;
    this.index = index;
    this.info = owner.relation(index);
    this.target = (EntityMapping<Object>) Mappings.of(info.target());
    this.ownerKey = info.foreignKeyColumn();
    int mirrorIndex = -1;
    int key = -1;
    if (!info.mappedBy().isEmpty()) {
      for (int r = 0; r < target.relationCount(); r++) {
        if (target.relation(r).name().equals(info.mappedBy())) {
          mirrorIndex = r;
          key = target.relation(r).foreignKeyColumn();
        }
      }
      if (key < 0 && info.kind() != Kind.MANY_TO_MANY) {
        throw new IllegalStateException(owner.entityName() + "." + info.name() + ": mappedBy \"" + info.mappedBy()
            + "\" names no owning reference of " + target.entityName() + "; recompile both entities");
      }
    } else {
      for (int r = 0; r < target.relationCount(); r++) {
        RelationInfo other = target.relation(r);
        if (other.target() == owner.entityType() && other.mappedBy().equals(info.name())) {
          mirrorIndex = r;
        }
      }
    }
    this.targetKey = key;
    this.mirror = mirrorIndex;
    if (info.kind() == Kind.MANY_TO_MANY) {
      boolean owningSide = info.mappedBy().isEmpty();
      this.joinTable = owningSide ? info.joinTable() : target.relation(mirrorIndex).joinTable();
      this.joinOwnerColumn = owningSide ? 0 : 1;
      this.joinTargetColumn = owningSide ? 1 : 0;
      if (joinTable == null) {
        throw new IllegalStateException(this + ": the many-to-many has no association table; recompile both entities");
      }
    } else {
      this.joinTable = null;
      this.joinOwnerColumn = -1;
      this.joinTargetColumn = -1;
    }
  }

  /** Relationship {@code r} of {@code m}. */
  static Relationship of(EntityMapping<Object> m, int r) {
    Relationship[] all = CACHE.get(m);
    if (all == null) {
      all = new Relationship[m.relationCount()];
      Relationship[] raced = CACHE.putIfAbsent(m, all);
      all = raced != null ? raced : all;
    }
    Relationship rel = all[r];
    if (rel == null) {
      rel = new Relationship(m, r);
      all[r] = rel; // benign race: equal values
    }
    return rel;
  }

  /** The interceptor property index of this relationship. */
  int property() {
    return owner.table().columns().size() + index;
  }

  boolean manyToMany() {
    return joinTable != null;
  }

  /** Whether this side writes the association rows of a many-to-many. */
  boolean owningManyToMany() {
    return joinTable != null && info.mappedBy().isEmpty();
  }

  boolean toMany() {
    return info.toMany();
  }

  /** Whether this side holds the foreign key (many-to-one, owning one-to-one). */
  boolean owning() {
    return ownerKey >= 0;
  }

  /**
   * The collection's declared order ({@code orderBy}) as sort keys naming its target's columns,
   * resolved once: JOINED and select-in statements sort by it on every query.
   */
  java.util.List<String> orderKeys() {
    java.util.List<String> keys = orderKeys;
    if (keys == null) {
      java.util.List<String> resolved = new java.util.ArrayList<>();
      String spec = info.orderBy();
      if (!spec.isBlank()) {
        for (String part : spec.split(",")) {
          resolved.add(Properties.sortKeyToColumn(target, part.trim()));
        }
      }
      keys = java.util.List.copyOf(resolved);
      orderKeys = keys; // benign race: equal values
    }
    return keys;
  }

  private volatile java.util.List<String> orderKeys;

  /**
   * The alias a JOINED statement gives this relationship's target table as its
   * {@code position}-th join ({@code j1_books}); made once per position, as tables are immutable.
   */
  dev.quarry.sql.Table joinAlias(int position) {
    dev.quarry.sql.Table[] known = aliases;
    if (position < known.length && known[position] != null) {
      return known[position];
    }
    dev.quarry.sql.Table alias = target.table().as("j" + position + "_" + info.name());
    dev.quarry.sql.Table[] grown = java.util.Arrays.copyOf(known, Math.max(known.length, position + 1));
    grown[position] = alias;
    aliases = grown; // benign race: a lost alias is made again, equal to this one
    return alias;
  }

  private volatile dev.quarry.sql.Table[] aliases = new dev.quarry.sql.Table[0];

  /** A new, empty collection of the property's kind. */
  java.util.Collection<Object> newCollection() {
    return info.collectionIsSet() ? new java.util.LinkedHashSet<>() : new java.util.ArrayList<>();
  }

  @Override
  public String toString() {
    return owner.entityName() + "." + info.name();
  }
}
