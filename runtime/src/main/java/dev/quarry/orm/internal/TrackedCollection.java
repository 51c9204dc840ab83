package dev.quarry.orm.internal;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.RandomAccess;

/**
 * The collection a session puts into a loaded object's relationship (SQLAlchemy's instrumented
 * collections): a list or set like any other, which tells the session of every element added or
 * removed so the other side follows at once — {@code user.getOrders().add(order)} sets
 * {@code order.getUser()} and takes the order out of its previous user's loaded orders; for a
 * many-to-many, the element's own collection gains or loses the owner ({@link RelationSync}).
 * Nothing is written until flush, which compares the collection with what was loaded.
 */
final class TrackedCollection {
  private TrackedCollection() {}

  /**
   * {@code elements} (already filled) as the tracked collection of relationship {@code rel} of
   * {@code owner}; an {@code ArrayList} or {@code LinkedHashSet} a loader filled is taken over.
   */
  static Collection<Object> of(SessionState session, EntityEntry owner, Relationship rel, Collection<?> elements) {
    Hook hook = new Hook(session, owner, rel);
    return rel.info.collectionIsSet() ? new TrackedSet(hook, elements) : new TrackedList(hook, elements);
  }

  /** Whether {@code value} is already the tracked collection of {@code owner}'s relationship {@code rel}. */
  static boolean isTracked(Object value, EntityEntry owner, Relationship rel) {
    Hook hook = value instanceof TrackedList l ? l.hook : value instanceof TrackedSet s ? s.hook : null;
    return hook != null && hook.owner == owner && hook.rel == rel;
  }

  /** Tells the session of changes made by the application (not those the session makes itself). */
  private static final class Hook {
    final SessionState session;
    final EntityEntry owner;
    final Relationship rel;

    Hook(SessionState session, EntityEntry owner, Relationship rel) {
      this.session = session;
      this.owner = owner;
      this.rel = rel;
    }

    void added(Object element) {
      if (active()) {
        RelationSync.elementAdded(session, owner, rel, element);
      }
    }

    void removed(Object element) {
      if (active()) {
        RelationSync.elementRemoved(session, owner, rel, element);
      }
    }

    private boolean active() {
      return owner.attachedTo(session) && !session.interceptionSuppressed();
    }
  }

  /** A tracked {@code List}: every structural change goes through {@link #add(int, Object)}, {@link #remove(int)} or {@link #set}. */
  static final class TrackedList extends AbstractList<Object> implements RandomAccess {
    private final Hook hook;
    private final ArrayList<Object> elements;

    @SuppressWarnings("unchecked")
    TrackedList(Hook hook, Collection<?> elements) {
      this.hook = hook;
      // a list a loader just filled is taken over, not copied
      this.elements = elements.getClass() == ArrayList.class ? (ArrayList<Object>) elements : new ArrayList<>(elements);
    }

    @Override
    public Object get(int index) {
      return elements.get(index);
    }

    @Override
    public int size() {
      return elements.size();
    }

    @Override
    public void add(int index, Object element) {
      elements.add(index, element);
      modCount++;
      hook.added(element);
    }

    @Override
    public Object remove(int index) {
      Object removed = elements.remove(index);
      modCount++;
      hook.removed(removed);
      return removed;
    }

    @Override
    public Object set(int index, Object element) {
      Object previous = elements.set(index, element);
      if (previous != element) {
        hook.removed(previous);
        hook.added(element);
      }
      return previous;
    }

    @Override
    public Object[] toArray() {
      return elements.toArray(); // the flush's snapshot of a loaded collection, without iterator overhead
    }
  }

  /** A tracked {@code Set} in insertion order; removal through its iterator is tracked too. */
  static final class TrackedSet extends AbstractSet<Object> {
    private final Hook hook;
    private final LinkedHashSet<Object> elements;

    @SuppressWarnings("unchecked")
    TrackedSet(Hook hook, Collection<?> elements) {
      this.hook = hook;
      this.elements = elements.getClass() == LinkedHashSet.class ? (LinkedHashSet<Object>) elements
          : new LinkedHashSet<>(elements);
    }

    @Override
    public int size() {
      return elements.size();
    }

    @Override
    public boolean contains(Object o) {
      return elements.contains(o);
    }

    @Override
    public boolean add(Object element) {
      if (!elements.add(element)) {
        return false;
      }
      hook.added(element);
      return true;
    }

    @Override
    public boolean remove(Object o) {
      if (!elements.remove(o)) {
        return false;
      }
      hook.removed(o);
      return true;
    }

    @Override
    public Iterator<Object> iterator() {
      Iterator<Object> it = elements.iterator();
      return new Iterator<>() {
        private Object last;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Object next() {
          last = it.next();
          return last;
        }

        @Override
        public void remove() {
          it.remove();
          hook.removed(last);
        }
      };
    }

    @Override
    public Object[] toArray() {
      return elements.toArray();
    }
  }
}
