/**
 * The query catalog: the tables and columns a {@code @Query} is checked against
 * ({@link dev.quarry.processor.query.Catalog}), built by
 * {@link dev.quarry.processor.catalog.CatalogBuilder#of CatalogBuilder.of} for the DAO generator.
 *
 * <p>A catalog knows three kinds of tables:
 *
 * <ul>
 *   <li><b>This compilation's entities.</b> Each entity's table (single-table inheritance: the
 *       hierarchy's shared table; joined inheritance: one table per class, a subclass's holding the
 *       key and its own columns), with every column the schema DDL creates, in its order: simple
 *       columns, embedded and embedded-id components, the foreign-key columns of to-one references,
 *       the discriminator and the version; and every many-to-many association table (its two
 *       key columns, typed as the ids they reference). Nullability is the DDL's: key columns are
 *       NOT NULL, subclass columns of a single table are nullable. A column's type is the qualified,
 *       boxed Java type its values read as from JDBC: the native type, an enum's qualified name, a
 *       converted value's database-side type (the converter's second type argument), and
 *       {@code java.lang.String} for a {@code @Json} column (its document text), whatever the
 *       property's Java type.
 *   <li><b>Entities compiled in another module or jar</b>, through the registry they ship: for every
 *       table its entities map, a compilation writes a resource at the root of its class output,
 *       {@code quarry-table.<name>.properties} (the table name lower-cased, {@code schema.table}
 *       when qualified, each character other than {@code a-z 0-9 . _ - $} as {@code ~} and four hex
 *       digits), which the jar carries next to the registry. When a query names a table the catalog
 *       does not know, it reads that resource from the compilation's class path
 *       ({@code Filer.getResource(CLASS_PATH, "", ...)}), once per compilation; a table with no
 *       resource is unknown. The root, not {@code META-INF/}: javac's class path skips every
 *       directory of a jar whose name is not a Java identifier, so it never finds a jar's
 *       {@code META-INF} resources (it does in a class directory); and an identifier directory
 *       would be a package of every module that ships one (split packages on the module path). The
 *       resource is a {@link java.util.Properties} file (ASCII, other characters as
 *       {@code \}{@code uXXXX}):
 *       <pre>
 * format=1
 * table=shop.orders
 * column.1=java.lang.Long not-null id
 * column.2=com.shop.Status not-null status
 * column.3=java.math.BigDecimal null total</pre>
 *       one {@code column.N} per column in table order, {@code N} from 1: the Java type, {@code null}
 *       or {@code not-null}, and the column name (the rest of the value, so it may hold spaces). A
 *       reader skips a resource whose {@code format} it does not know. A jar on the module path of
 *       a modular compilation is not on the class path: its tables are not found.
 *   <li><b>Declared tables</b>, for views and tables no entity maps:
 *       {@code @QueryTable(name = "v_totals", columns = {@QueryColumn(name = "total", type =
 *       BigDecimal.class)})} on the DAO interface, an enclosing type or the package, repeatable.
 *       A declared table may not name a table of this compilation's entities, declare a column twice,
 *       or give a column a type no entity column reads as.
 * </ul>
 *
 * <p>Names match ignoring case, as databases fold plain names; {@code tableNames()} (for "did you
 * mean") lists this compilation's and the declared tables, then the class-path tables found so far.
 */
package dev.quarry.processor.catalog;
