package dev.quarry.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.RuntimeNames;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.ValueKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The row readers of a mapping: {@code read} (every column with its declared type), {@code readId}
 * (the key only), {@code readWithId} (as {@code read}, with the key the caller has just read) and
 * {@code readNew} (as {@code readWithId}, into a new subclass instance, with a known owner).
 *
 * <p>{@code readWithId} is what the session reads new rows with: each to-one reference goes through
 * {@code customerReference(id, references)}, which returns the object the session already tracks
 * for that key when it is of the property's type (with inheritance the tracked object may be another
 * subclass: then, and when nothing is tracked, a key-only reference as in {@code read}). {@code read}
 * (refresh, reload of expired state, direct callers) always creates key-only references.
 *
 * <p>Columns whose type is a plain built-in one ({@code SqlTypes.VARCHAR} / {@code varchar(n)}, and
 * the boxed {@code BIGINT}, {@code INTEGER}, {@code SMALLINT}, {@code TINYINT}, {@code DOUBLE},
 * {@code REAL}, {@code BOOLEAN}) are read with the JDBC getter directly, exactly as those types'
 * readers do ({@code rs.getString(i)}, {@code readLong(rs, i)}: a private static helper per used
 * type, null when the getter returns 0/false and {@code wasNull()}); every other column (converters,
 * enums, JSON, temporal, decimal, UUID, bytes, CHAR) goes through its {@code SqlType}.
 */
final class ReadWriter {
  private final EntityModel e;
  private final MappingWriter w;
  /** Kinds read by a {@code readLong}-style helper so far; the helpers are added after the readers. */
  private final EnumSet<ValueKind> helpers = EnumSet.noneOf(ValueKind.class);

  private ReadWriter(EntityModel e, MappingWriter w) {
    this.e = e;
    this.w = w;
  }

  static List<MethodSpec> methods(EntityModel e, MappingWriter w) {
    ReadWriter r = new ReadWriter(e, w);
    List<MethodSpec> out = new ArrayList<>();
    out.add(r.read());
    out.add(r.readId());
    PropertyModel id = r.simpleId();
    if (id != null) {
      out.add(r.readWithId(id));
      if (e.proxyable() && !InheritanceWriter.isAbstract(e)) {
        out.add(r.readNew(id));
      }
      if (id.storage() == null && (id.kind() == ValueKind.LONG || id.kind() == ValueKind.INT)) {
        out.add(r.sameId(id));
      }
      for (PropertyModel p : e.columns()) {
        if (p.reference() != null && p.embedded() == null && !w.synthetic(p)) {
          out.add(resolvingReference(p));
        }
      }
    }
    for (ValueKind k : r.helpers) {
      out.add(helper(k));
    }
    return out;
  }

  /**
   * The expression reading the column at {@code index} for {@code p}: the JDBC getter when the
   * column's type is a plain built-in one (what {@link TypeExpressions#sqlType} writes for a
   * {@code STRING} or boxed-number/boolean kind without storage), else {@code X_TYPE.read(...)}.
   */
  private CodeBlock value(PropertyModel p, int index) {
    CodeBlock at = MappingWriter.jdbcIndex(index);
    if (p.storage() == null) {
      switch (p.kind()) {
        case STRING:
          return CodeBlock.of("rs.getString($L)", at); // SqlTypes.VARCHAR, varchar(n)
        case BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE:
          helpers.add(p.kind());
          return CodeBlock.of("$N(rs, $L)", helperName(p.kind()), at);
        default:
          break;
      }
    }
    return CodeBlock.of("$N.read(rs, $L, vendor)", MappingWriter.typeConstant(p), at);
  }

  private static String helperName(ValueKind k) {
    return "read" + ClassName.bestGuess(k.boxed()).simpleName();
  }

  /** {@code readLong(rs, i)}: the value as {@code SqlTypes.BIGINT} reads it (null for SQL NULL), likewise per kind. */
  private static MethodSpec helper(ValueKind k) {
    ClassName boxed = ClassName.bestGuess(k.boxed());
    return MethodSpec.methodBuilder(helperName(k))
        .addJavadoc("Column {@code index} as {@code SqlTypes.$L} reads it: null for SQL NULL.\n", k.sqlTypesConstant())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(ResultSet.class, "rs")
        .addParameter(int.class, "index")
        .returns(boxed)
        .addException(SQLException.class)
        .addStatement("$T v = rs.$N(index)", boxed.unbox(), k.primitiveGetter())
        .addStatement("return $L && rs.wasNull() ? null : v", k == ValueKind.BOOLEAN ? "!v" : "v == 0")
        .build();
  }

  /**
   * The id property when the key is one column read as the property's value (what
   * {@code readWithId} can take from its argument); null for composite and embedded keys.
   */
  private PropertyModel simpleId() {
    if (e.idClass() != null || e.embeddedId() != null) {
      return null;
    }
    PropertyModel id = e.singleId();
    return id.embedded() != null || w.synthetic(id) ? null : id;
  }

  private MethodSpec.Builder reader(String name) {
    return w.override(name, e.type())
        .addParameter(ResultSet.class, "rs")
        .addParameter(int.class, "firstIndex")
        .addParameter(RuntimeNames.VENDOR, "vendor")
        .addParameter(e.type(), "e");
  }

  private MethodSpec read() {
    return reader("read")
        .addException(SQLException.class)
        .addCode(w.guarded(columns(null, false)))
        .addStatement("return e")
        .build();
  }

  private MethodSpec readWithId(PropertyModel id) {
    return reader("readWithId")
        .addParameter(Object.class, "id")
        .addParameter(RuntimeNames.REFERENCE_RESOLVER, "references")
        .addException(SQLException.class)
        .addCode(w.guarded(columns(id, false)))
        .addStatement("return e")
        .build();
  }

  /**
   * {@code readNew}: as {@code readWithId} into a new subclass instance, which has no interceptor
   * to suspend yet; a reference over a column whose relationship is {@code relation} is
   * {@code owner}, its key column not read. Any other {@code relation} is set afterwards.
   */
  private MethodSpec readNew(PropertyModel id) {
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T proxy = new $T()", e.proxyType(), e.proxyType())
        .addStatement("$T e = proxy", e.type())
        .add(columns(id, true));
    List<String> inline = new ArrayList<>();
    for (PropertyModel p : e.columns()) {
      if (ownerInline(p)) {
        inline.add("relation != " + e.relations().indexOf(p.reference()));
      }
    }
    inline.add(0, "relation >= 0");
    return w.override("readNew", e.type())
        .addParameter(ResultSet.class, "rs")
        .addParameter(int.class, "firstIndex")
        .addParameter(RuntimeNames.VENDOR, "vendor")
        .addParameter(Object.class, "id")
        .addParameter(int.class, "relation")
        .addParameter(Object.class, "owner")
        .addParameter(RuntimeNames.REFERENCE_RESOLVER, "references")
        .addParameter(RuntimeNames.ENTITY_INTERCEPTOR, "interceptor")
        .addException(SQLException.class)
        .addCode(body.build())
        .beginControlFlow("if ($L)", String.join(" && ", inline))
        .addStatement("setRelation(e, relation, owner)")
        .endControlFlow()
        .addStatement("proxy.quarryInterceptor(interceptor)")
        .addStatement("return e")
        .build();
  }

  /** Whether {@code readNew} sets {@code p}'s reference to the known owner itself (a plain foreign-key column). */
  private boolean ownerInline(PropertyModel p) {
    return p.reference() != null && p.embedded() == null && !w.synthetic(p);
  }

  /**
   * Statements reading every column into {@code e}; {@code id}, when given (readWithId), is set from
   * the argument {@code id} and references are resolved through the argument {@code references}.
   * With {@code knownOwner} (readNew), the reference whose relationship is the argument
   * {@code relation} is the argument {@code owner} instead, its column not read.
   */
  private CodeBlock columns(PropertyModel id, boolean knownOwner) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (PropertyModel p : e.columns()) {
      if (w.synthetic(p)) {
        continue; // single-table inheritance: the discriminator or another class's column
      }
      if (p == id) {
        // the key readId returned for this row, not read again (a reference key resolves like any other)
        body.addStatement(p.access().write("e", p.reference() != null
            ? owned(p, knownOwner, CodeBlock.of("$N(id, references)", MappingWriter.referenceMethod(p)))
            : w.converted(p, "id")));
        continue;
      }
      CodeBlock value;
      if (p.embedded() != null) {
        // components are read into locals; the value is built once its last column is read
        body.addStatement("$T $N = $L", p.valueType(), MappingWriter.local(p), value(p, p.index()));
        if (p.embedded().last()) {
          body.addStatement(EmbeddedMappings.assign(p.embedded().owner(), w.locals(p.embedded().owner())));
        }
        continue;
      }
      if (p.primitive() && p.kind().primitiveGetter() != null && p.storage() == null) {
        value = CodeBlock.of("rs.$N($L)", p.kind().primitiveGetter(), MappingWriter.jdbcIndex(p.index()));
      } else {
        value = value(p, p.index());
        if (p.primitive()) {
          body.addStatement("$T $N = $L", p.valueType(), MappingWriter.local(p), value);
          value = CodeBlock.of("$N == null ? $L : $N", MappingWriter.local(p), MappingWriter.zero(p.type()),
              MappingWriter.local(p));
        } else if (p.reference() != null) {
          String reference = MappingWriter.referenceMethod(p);
          value = id != null ? owned(p, knownOwner, CodeBlock.of("$N($L, references)", reference, value))
              : CodeBlock.of("$N($L)", reference, value);
        }
      }
      body.addStatement(p.access().write("e", value));
    }
    return body.build();
  }

  /** {@code relation == 0 ? (Customer) owner : read}, when the reference may be the known owner. */
  private CodeBlock owned(PropertyModel p, boolean knownOwner, CodeBlock read) {
    if (!knownOwner) {
      return read;
    }
    return CodeBlock.of("relation == $L ? ($T) owner : $L", e.relations().indexOf(p.reference()),
        p.reference().target(), read);
  }

  /**
   * {@code customerReference(id, references)}: the tracked object for the key when it is a
   * {@code Customer}, else the key-only reference of {@code customerReference(id)}.
   */
  private static MethodSpec resolvingReference(PropertyModel p) {
    ClassName target = p.reference().target();
    return MethodSpec.methodBuilder(MappingWriter.referenceMethod(p))
        .addJavadoc("The {@link $T} the session tracks for the key (its relationship still counts as not loaded),\n"
            + "else an unloaded one carrying only the key; null for a null key.\n", target)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(Object.class, "id")
        .addParameter(RuntimeNames.REFERENCE_RESOLVER, "references")
        .returns(target)
        .beginControlFlow("if (id == null)").addStatement("return null").endControlFlow()
        .addStatement("$T known = references.resolve($T.INSTANCE.identityType(), id)", Object.class,
            EntityModel.mappingType(target))
        .addComment("with inheritance the tracked object may be another subclass than the property's type")
        .beginControlFlow("if (known instanceof $T tracked)", target).addStatement("return tracked").endControlFlow()
        .addStatement("return $N(id)", MappingWriter.referenceMethod(p))
        .build();
  }

  /**
   * {@code sameId}: compares the row's key with an id without boxing it — called on every row of a
   * JOINED statement to recognise its owner's repeated rows.
   */
  private MethodSpec sameId(PropertyModel id) {
    ClassName boxed = ClassName.bestGuess(id.kind().boxed());
    return w.override("sameId", TypeName.BOOLEAN)
        .addParameter(ResultSet.class, "rs")
        .addParameter(int.class, "firstIndex")
        .addParameter(RuntimeNames.VENDOR, "vendor")
        .addParameter(Object.class, "id")
        .addException(SQLException.class)
        .beginControlFlow("if (!(id instanceof $T))", boxed).addStatement("return false").endControlFlow()
        .addStatement("$T v = rs.$N($L)", boxed.unbox(), id.kind().primitiveGetter(), MappingWriter.jdbcIndex(id.index()))
        .addStatement("return ($T) id == v && (v != 0 || !rs.wasNull())", boxed)
        .build();
  }

  private MethodSpec readId() {
    MethodSpec.Builder m = w.override("readId", ClassName.OBJECT)
        .addParameter(ResultSet.class, "rs")
        .addParameter(int.class, "firstIndex")
        .addParameter(RuntimeNames.VENDOR, "vendor")
        .addException(SQLException.class);
    if (e.idClass() == null) {
      PropertyModel id = e.singleId();
      return m.addStatement("return $L", value(id, id.index())).build();
    }
    for (int i : e.idColumns()) {
      PropertyModel p = e.columns().get(i);
      m.addStatement("$T $N = $L", p.valueType(), MappingWriter.local(p), value(p, i));
      m.beginControlFlow("if ($N == null)", MappingWriter.local(p)).addStatement("return null").endControlFlow();
    }
    return m.addStatement("return $L", w.newKey(w.idLocals())).build();
  }
}
