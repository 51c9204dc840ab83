package dev.quarry.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * {@code snapshot} and {@code dirtyColumns} of a mapping: straight-line code that switches
 * interception off once and reads every column with the expression {@code get} uses, instead of
 * one {@code get(e, i)} call (and one suspend and resume) per column.
 */
final class SnapshotWriter {
  private final EntityModel e;
  private final MappingWriter w;

  private SnapshotWriter(EntityModel e, MappingWriter w) {
    this.e = e;
    this.w = w;
  }

  /** {@code snapshot} and {@code dirtyColumns}. */
  static List<MethodSpec> methods(EntityModel e, MappingWriter w) {
    SnapshotWriter s = new SnapshotWriter(e, w);
    return List.of(s.snapshot(), s.dirtyColumns());
  }

  /** The private helper {@code dirtyColumns} calls, if it needs one. */
  static List<MethodSpec> helpers(EntityModel e, MappingWriter w) {
    SnapshotWriter s = new SnapshotWriter(e, w);
    return e.columns().stream().anyMatch(s::general) ? List.of(sameValue()) : List.of();
  }

  /** What {@code get(e, i)} returns for column {@code p}. */
  private CodeBlock value(PropertyModel p) {
    return w.synthetic(p) ? InheritanceWriter.syntheticValue(e, p) : w.value(p);
  }

  private MethodSpec snapshot() {
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("Object[] s = new Object[$L]", e.columns().size());
    for (PropertyModel p : e.columns()) {
      CodeBlock value = value(p);
      if (w.synthetic(p)) {
        body.addStatement("s[$L] = $L", p.index(), value);
      } else if (p.kind() == ValueKind.BYTES && p.storage() == null) {
        // a copy, so that changing the array in place shows as a change
        body.addStatement("s[$L] = $N.copy($L)", p.index(), w.typeConstant(p), value);
      } else if (MutableValues.mutable(p)) {
        // a deep copy, so that changing a JSON map, list or object in place shows as a change
        body.addStatement("s[$L] = $L", p.index(), MutableValues.copy(w, p, value));
      } else {
        body.addStatement("s[$L] = $L", p.index(), value);
      }
    }
    body.addStatement("return s");
    return w.override("snapshot", ArrayTypeName.of(Object.class)).addParameter(e.type(), "e")
        .addCode(w.guarded(body.build())).build();
  }

  private MethodSpec dirtyColumns() {
    if (e.columns().stream().allMatch(p -> p.index() < Long.SIZE)) {
      return dirtyColumnsByBits();
    }
    CodeBlock.Builder body = CodeBlock.builder();
    for (PropertyModel p : e.columns()) {
      body.beginControlFlow("if (!$L)", same(p)).addStatement("dirty[n++] = $L", p.index()).endControlFlow();
    }
    return w.override("dirtyColumns", TypeName.get(int[].class)).addParameter(e.type(), "e")
        .addParameter(Object[].class, "snapshot")
        .addStatement("int[] dirty = new int[$L]", e.columns().size())
        .addStatement("int n = 0")
        .addCode(w.guarded(body.build()))
        .addStatement("return n == dirty.length ? dirty : $T.copyOf(dirty, n)", Arrays.class)
        .build();
  }

  /**
   * {@code dirtyColumns} for up to 64 columns: the changed columns as bits, so an unchanged object
   * (every object but the changed few, at every flush) allocates nothing.
   */
  private MethodSpec dirtyColumnsByBits() {
    CodeBlock.Builder body = CodeBlock.builder();
    for (PropertyModel p : e.columns()) {
      body.beginControlFlow("if (!$L)", same(p)).addStatement("changed |= 1L << $L", p.index()).endControlFlow();
    }
    return w.override("dirtyColumns", TypeName.get(int[].class)).addParameter(e.type(), "e")
        .addParameter(Object[].class, "snapshot")
        .addStatement("long changed = 0L")
        .addCode(w.guarded(body.build()))
        .beginControlFlow("if (changed == 0L)")
        .addStatement("return NO_COLUMNS")
        .endControlFlow()
        .addStatement("int[] dirty = new int[$T.bitCount(changed)]", Long.class)
        .beginControlFlow("for (int n = 0; changed != 0L; changed &= changed - 1)")
        .addStatement("dirty[n++] = $T.numberOfTrailingZeros(changed)", Long.class)
        .endControlFlow()
        .addStatement("return dirty")
        .build();
  }

  /** Whether column {@code p}'s current value equals {@code snapshot[index]}, as {@code dirtyColumns} always judged it. */
  private CodeBlock same(PropertyModel p) {
    CodeBlock value = value(p);
    CodeBlock old = CodeBlock.of("snapshot[$L]", p.index());
    if (w.synthetic(p)) {
      return CodeBlock.of("$T.equals($L, $L)", Objects.class, value, old);
    }
    if (MutableValues.mutable(p)) {
      return MutableValues.same(w, p, value, old);
    }
    if (p.type().isPrimitive() && p.embedded() == null && p.reference() == null) {
      // the boxed snapshot value unboxed, compared as its equals would: floating point by bits
      String local = "old" + p.index();
      TypeName boxed = p.type().box();
      if (p.type().equals(TypeName.DOUBLE)) {
        return CodeBlock.of("($L instanceof $T $N && $T.doubleToLongBits($N) == $T.doubleToLongBits($L))", old, boxed,
            local, Double.class, local, Double.class, value);
      } else if (p.type().equals(TypeName.FLOAT)) {
        return CodeBlock.of("($L instanceof $T $N && $T.floatToIntBits($N) == $T.floatToIntBits($L))", old, boxed,
            local, Float.class, local, Float.class, value);
      }
      return CodeBlock.of("($L instanceof $T $N && $N == $L)", old, boxed, local, local, value);
    }
    if (general(p)) {
      return CodeBlock.of("sameValue($L, $L)", value, old);
    }
    return CodeBlock.of("$T.equals($L, $L)", Objects.class, value, old);
  }

  /**
   * Whether column {@code p} is compared with {@code sameValue}: its value may be a {@code byte[]}
   * (a reference's key is an Object: the target's id, whatever its type).
   */
  private boolean general(PropertyModel p) {
    if (w.synthetic(p) || MutableValues.mutable(p)) {
      return false;
    }
    return p.reference() != null || mayBeBytes(p.type());
  }

  /** Whether a value of static type {@code type} may be a {@code byte[]} (compared by content). */
  private static boolean mayBeBytes(TypeName type) {
    TypeName raw = type instanceof ParameterizedTypeName t ? t.rawType() : type;
    if (raw.isPrimitive()) {
      return false;
    }
    if (raw instanceof ClassName c) {
      return c.equals(ClassName.OBJECT) || c.equals(ClassName.get(Serializable.class))
          || c.equals(ClassName.get(Cloneable.class));
    }
    if (raw instanceof ArrayTypeName a) {
      return a.componentType().equals(TypeName.BYTE);
    }
    return true; // a type variable or anything unforeseen: the general comparison
  }

  /** The general comparison: arrays by content, anything else with {@code equals}. */
  private static MethodSpec sameValue() {
    return MethodSpec.methodBuilder("sameValue")
        .addJavadoc("Whether a column value equals its snapshot value: arrays by content.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(Object.class, "value")
        .addParameter(Object.class, "old")
        .returns(TypeName.BOOLEAN)
        .addStatement("return value instanceof byte[] bytes && old instanceof byte[] o\n"
            + "? $T.equals(bytes, o) : $T.equals(value, old)", Arrays.class, Objects.class)
        .build();
  }
}
