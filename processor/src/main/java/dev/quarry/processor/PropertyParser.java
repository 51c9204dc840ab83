package dev.quarry.processor;

import com.palantir.javapoet.TypeName;
import dev.quarry.processor.PropertyCollector.Candidate;
import dev.quarry.processor.model.ColumnModel;
import dev.quarry.processor.model.PropertyModel;
import dev.quarry.processor.model.PropertyModel.Defaults;
import dev.quarry.processor.model.ValueKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Parses a plain (non-relationship) property into a column. */
final class PropertyParser {
  private static final Set<ValueKind> VERSION_KINDS =
      EnumSet.of(ValueKind.SHORT, ValueKind.INT, ValueKind.LONG, ValueKind.INSTANT, ValueKind.LOCAL_DATE_TIME);
  private static final Set<ValueKind> TIMESTAMP_KINDS =
      EnumSet.of(ValueKind.INSTANT, ValueKind.LOCAL_DATE_TIME, ValueKind.OFFSET_DATE_TIME, ValueKind.LOCAL_DATE);

  private final Types types;
  private final Mirrors mirrors;
  private final TypeResolver resolver;

  PropertyParser(Types types, Mirrors mirrors, TypeResolver resolver) {
    this.types = types;
    this.mirrors = mirrors;
    this.resolver = resolver;
  }

  /** The column property, or null after reporting an error. */
  PropertyModel parse(Candidate c, int index, Diagnostics diagnostics) {
    Element element = c.element();
    String name = c.name();
    TypeResolver.Resolved resolved = resolver.resolve(name, element, c.type(), diagnostics);
    if (resolved == null) {
      return null;
    }
    boolean ok = true;
    boolean id = Mirrors.has(element, RuntimeNames.ID);
    AnnotationMirror versionAnnotation = Mirrors.find(element, RuntimeNames.VERSION);
    boolean version = versionAnnotation != null;
    if (version && id) {
      diagnostics.error(element, versionAnnotation, Errors.versionOnId(name));
      ok = false;
    } else if (version && !VERSION_KINDS.contains(resolved.kind())) {
      diagnostics.error(element, versionAnnotation, Errors.versionType(name, TypeResolver.display(c.type())));
      ok = false;
    }
    Defaults defaults = defaults(c, resolved, diagnostics);
    if (defaults == null || !ok) {
      return null;
    }
    ColumnModel column = EntityParser.columnOf(mirrors, element, name, resolved.primitive() || id);
    if (column.storageFormat() != null && !storageFormatFits(c, resolved, column.storageFormat(), diagnostics)) {
      return null;
    }
    return PropertyModel.builder().name(name).element(element).index(index).type(TypeName.get(c.type()))
        .valueType(resolved.valueType()).primitive(resolved.primitive()).kind(resolved.kind())
        .storage(resolved.storage()).column(column).access(c.access()).id(id).version(version).defaults(defaults)
        .build();
  }

  /** Whether {@code @Column(storageFormat)} is a pattern that writes and reads back the property's values. */
  private static boolean storageFormatFits(Candidate c, TypeResolver.Resolved resolved, String pattern,
      Diagnostics diagnostics) {
    ValueKind stored = resolved.kind() == ValueKind.CONVERTED ? resolved.storage().storedKind() : resolved.kind();
    AnnotationMirror column = Mirrors.find(c.element(), RuntimeNames.COLUMN);
    String problem = stored.isTemporal() ? StorageFormats.problem(stored, pattern) : null;
    if (!stored.isTemporal()) {
      diagnostics.error(c.element(), column, Errors.storageFormatNotTemporal(c.name(), TypeResolver.display(c.type())));
    } else if (problem != null) {
      diagnostics.error(c.element(), column, Errors.badStorageFormat(c.name(), pattern, problem));
    }
    return stored.isTemporal() && problem == null;
  }

  private Defaults defaults(Candidate c, TypeResolver.Resolved resolved, Diagnostics diagnostics) {
    Element element = c.element();
    boolean ok = true;
    TypeName clientDefault = null;
    AnnotationMirror cd = Mirrors.find(element, RuntimeNames.CLIENT_DEFAULT);
    if (cd != null) {
      if (resolved.primitive()) {
        diagnostics.error(element, cd, Errors.defaultOnPrimitive("@ClientDefault", c.name()));
        ok = false;
      } else {
        clientDefault = supplier("@ClientDefault", c, cd, diagnostics);
        ok &= clientDefault != null;
      }
    }
    TypeName onUpdate = null;
    AnnotationMirror ou = Mirrors.find(element, RuntimeNames.ON_UPDATE);
    if (ou != null) {
      onUpdate = supplier("@OnUpdate", c, ou, diagnostics);
      ok &= onUpdate != null;
    }
    boolean createdAt = false;
    boolean updatedAt = false;
    for (String annotation : List.of(RuntimeNames.CREATED_AT, RuntimeNames.UPDATED_AT)) {
      AnnotationMirror m = Mirrors.find(element, annotation);
      if (m == null) {
        continue;
      }
      if (!TIMESTAMP_KINDS.contains(resolved.kind())) {
        String simple = "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
        diagnostics.error(element, m, Errors.timestampType(simple, c.name(), TypeResolver.display(c.type())));
        ok = false;
      } else if (annotation.equals(RuntimeNames.CREATED_AT)) {
        createdAt = true;
      } else {
        updatedAt = true;
      }
    }
    if (!ok) {
      return null;
    }
    Defaults d = new Defaults(clientDefault, onUpdate, createdAt, updatedAt);
    return d.any() ? d : Defaults.NONE;
  }

  private TypeName supplier(String annotation, Candidate c, AnnotationMirror m, Diagnostics diagnostics) {
    TypeMirror supplier = mirrors.type(m, "value");
    List<? extends TypeMirror> args = resolver.typeArgumentsOf(supplier, "java.util.function.Supplier");
    TypeMirror boxed = resolver.box(c.type());
    if (args == null || args.size() != 1 || !types.isAssignable(args.get(0), boxed)) {
      diagnostics.error(c.element(), m, Errors.supplierType(annotation, TypeResolver.display(supplier),
          args == null || args.isEmpty() ? "?" : TypeResolver.display(args.get(0)), c.name(),
          TypeResolver.display(c.type())));
      return null;
    }
    if (!resolver.instantiable(supplier)) {
      diagnostics.error(c.element(), m, Errors.noPublicConstructor(annotation, TypeResolver.display(supplier)));
      return null;
    }
    return TypeName.get(types.erasure(supplier));
  }
}
