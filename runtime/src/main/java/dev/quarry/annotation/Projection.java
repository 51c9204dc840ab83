package dev.quarry.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a query result type: the processor generates its row reader
 * ({@code BookRow_Projection}), which builds the record with its canonical constructor from columns
 * read by index, and lists it in the compilation's registry. Read rows into it with
 * {@code session.select(...).into(BookRow.class)} (ORM), {@code result.into(BookRow.class)} or
 * {@code connection.fetchInto(select, BookRow.class)} (Core).
 *
 * <p><b>Columns to components.</b> Each component takes the column whose label equals its name,
 * ignoring case and underscores ({@code createdAt} takes {@code CREATED_AT}, {@code created_at} or
 * {@code createdat}); columns no component names are ignored. When some component matches no label,
 * and the result has exactly as many columns as the record has components, and no component
 * matched a label at another position, components take the columns by position instead. Otherwise
 * reading fails with {@link dev.quarry.engine.ProjectionException}, naming the record, the
 * components that match nothing and the result's labels; so does a label two columns share when a
 * component needs it.
 *
 * <p><b>Types.</b> A component's Java type decides how its column is read, as for an entity
 * property: primitives and their boxes, {@code String}, {@code BigDecimal}, {@code BigInteger},
 * java.time types, {@code UUID}, {@code byte[]}, enums (by name, or {@link Enumerated} ORDINAL),
 * {@link Convert} converters, global converters ({@link AutoApply}, {@link Converters}) and
 * {@link Json}. Annotate the component itself ({@code record Row(@Convert(MoneyConverter.class) Money price)}).
 * A SQL NULL in a primitive component, or a value the driver or converter cannot convert, fails with
 * {@link dev.quarry.engine.ProjectionException} naming the record, the component and the labels.
 *
 * <p>The record must not be generic or private (the generated reader in its package calls its
 * constructor); a mistake here is a compile error on the record or the component.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Projection {}
