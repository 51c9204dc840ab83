package dev.quarry.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.RuntimeNames;
import dev.quarry.processor.model.EntityModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.ValueKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The row reader of a mapping, {@code read}, and {@code readId} / {@code sameId} (the key only).
 *
 * <p>{@code read} serves every caller through its arguments: the target ({@code null}: a new
 * instance the caller gives its interceptor afterwards), the key the caller has already read
 * ({@code null}: read it), the resolver of to-one keys ({@code ReferenceResolver.NONE}: key-only
 * references) and a to-one relationship whose value the caller knows (a collection element read with
 * its owner: that column is not read). Each to-one reference goes through
 * {@code customerReference(key, references)}, which returns the object the session already tracks for
 * that key when it is of the property's type (with inheritance the tracked object may be another
 * subclass: then, and when nothing is tracked, a key-only reference).
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
    out.add(r.sameId());
    for (PropertyModel p : e.columns()) {
      if (r.ownerInline(p)) {
        out.add(resolvingReference(p));
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
    return CodeBlock.of("$N.read(rs, $L, vendor)", w.typeConstant(p), at);
  }

  static String helperName(ValueKind k) {
    return "read" + ClassName.bestGuess(k.boxed()).simpleName();
  }

  /** {@code readLong(rs, i)}: the value as {@code SqlTypes.BIGINT} reads it (null for SQL NULL), likewise per kind. */
  static MethodSpec helper(ValueKind k) {
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
   * {@code read} can take from its argument); null for composite and embedded keys.
   */
  private PropertyModel simpleId() {
    if (e.idClass() != null || e.embeddedId() != null) {
      return null;
    }
    PropertyModel id = e.singleId();
    return id.embedded() != null || w.synthetic(id) ? null : id;
  }

  private MethodSpec read() {
    CodeBlock.Builder body = CodeBlock.builder().add(columns(simpleId()));
    for (RelationModel rel : e.relations()) {
      if (!rel.toMany() && !knownInline(rel)) {
        // no plain foreign-key column of its own (an inverse one-to-one): set after the columns
        body.beginControlFlow("if (knownRelation == $L)", e.relations().indexOf(rel))
            .addStatement(rel.access().write("e", CodeBlock.of("($T) known", rel.type())))
            .endControlFlow();
      }
    }
    return w.override("read", e.type())
        .addParameter(ResultSet.class, "rs")
        .addParameter(int.class, "firstIndex")
        .addParameter(RuntimeNames.VENDOR, "vendor")
        .addParameter(e.type(), "target")
        .addParameter(Object.class, "id")
        .addParameter(RuntimeNames.REFERENCE_RESOLVER, "references")
        .addParameter(int.class, "knownRelation")
        .addParameter(Object.class, "known")
        .addException(SQLException.class)
        .addStatement("$T e = target != null ? target : newManagedInstance(null)", e.type())
        .addCode(w.guarded(body.build()))
        .addStatement("return e")
        .build();
  }

  /** Whether {@code read} sets {@code p}'s reference itself, from its key column or as the known value. */
  private boolean ownerInline(PropertyModel p) {
    return p.reference() != null && p.embedded() == null && !w.synthetic(p);
  }

  /** Whether {@code rel}'s known value is set where its foreign-key column would be read. */
  private boolean knownInline(RelationModel rel) {
    return e.columns().stream().anyMatch(p -> p.reference() == rel && ownerInline(p));
  }

  /**
   * Statements reading every column into {@code e}; the single key column {@code id} (when not null)
   * is the argument {@code id} unless that is null, and references resolve through the argument
   * {@code references}, the one of {@code knownRelation} being the argument {@code known}.
   */
  private CodeBlock columns(PropertyModel id) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (PropertyModel p : e.columns()) {
      if (w.synthetic(p)) {
        continue; // single-table inheritance: the discriminator or another class's column
      }
      if (p.embedded() != null) {
        // components are read into locals; the value is built once its last column is read
        body.addStatement("$T $N = $L", p.valueType(), MappingWriter.local(p), value(p, p.index()));
        if (p.embedded().last()) {
          body.addStatement(EmbeddedMappings.assign(p.embedded().owner(), w.locals(p.embedded().owner())));
        }
        continue;
      }
      CodeBlock value;
      boolean plainPrimitive = p.primitive() && p.kind().primitiveGetter() != null && p.storage() == null;
      if (p.reference() != null) {
        // the key readId returned for this row is not read again; a reference key resolves like any other
        CodeBlock key = p == id ? CodeBlock.of("id != null ? id : $L", value(p, p.index())) : value(p, p.index());
        value = CodeBlock.of("knownRelation == $L ? ($T) known : $N($L, references)",
            e.relations().indexOf(p.reference()), p.reference().target(), MappingWriter.referenceMethod(p), key);
      } else if (plainPrimitive) {
        value = CodeBlock.of("rs.$N($L)", p.kind().primitiveGetter(), MappingWriter.jdbcIndex(p.index()));
      } else {
        value = value(p, p.index());
        if (p.primitive()) {
          body.addStatement("$T $N = $L", p.valueType(), MappingWriter.local(p), value);
          value = CodeBlock.of("$N == null ? $L : $N", MappingWriter.local(p), MappingWriter.zero(p.type()),
              MappingWriter.local(p));
        }
      }
      if (p == id && p.reference() == null) {
        value = CodeBlock.of("id != null ? ($T) id : $L", p.valueType(), value);
      }
      body.addStatement(p.access().write("e", value));
    }
    return body.build();
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
   * {@code sameId}: compares the row's key with an id — called on every row of a JOINED statement to
   * recognise its owner's repeated rows; a {@code long}/{@code int} key without boxing it.
   */
  private MethodSpec sameId() {
    MethodSpec.Builder m = w.override("sameId", TypeName.BOOLEAN)
        .addParameter(ResultSet.class, "rs")
        .addParameter(int.class, "firstIndex")
        .addParameter(RuntimeNames.VENDOR, "vendor")
        .addParameter(Object.class, "id")
        .addException(SQLException.class);
    PropertyModel key = simpleId();
    if (key == null || key.storage() != null || (key.kind() != ValueKind.LONG && key.kind() != ValueKind.INT)) {
      return m.addStatement("return id.equals(readId(rs, firstIndex, vendor))").build();
    }
    ClassName boxed = ClassName.bestGuess(key.kind().boxed());
    return m.beginControlFlow("if (!(id instanceof $T))", boxed).addStatement("return false").endControlFlow()
        .addStatement("$T v = rs.$N($L)", boxed.unbox(), key.kind().primitiveGetter(), MappingWriter.jdbcIndex(key.index()))
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
