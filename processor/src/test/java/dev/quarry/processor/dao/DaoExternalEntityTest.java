package dev.quarry.processor.dao;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.quarry.processor.QuarryProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derived finders over an entity compiled in another compilation: the second compilation sees only
 * the first one's class files, and reads the entity's properties from its Q-class.
 */
class DaoExternalEntityTest {
  private static final JavaFileObject STATUS = JavaFileObjects.forSourceString("lib.Status", """
      package lib;
      public enum Status { NEW, DONE }
      """);
  private static final JavaFileObject CUSTOMER = JavaFileObjects.forSourceString("lib.Customer", """
      package lib;
      import dev.quarry.annotation.*;
      @Entity
      @Table(name = "lib_customers")
      public class Customer {
        @Id public Long id;
        @Column(name = "full_name") public String name;
        public int age;
        public Status status;
        public java.time.LocalDate born;
        public boolean active;
      }
      """);

  private static Compilation compileWith(List<File> classPath, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new QuarryProcessor()).withOptions("-Xlint:-processing")
        .withClasspath(classPath).compile(sources);
  }

  private static File runtimeClasses() throws Exception {
    return new File(dev.quarry.types.Converter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The class files of the library, compiled with (or without) the processor, in {@code dir}. */
  private static File library(Path dir, boolean processed) throws Exception {
    Compiler javac = Compiler.javac().withOptions("-Xlint:-processing", "-proc:" + (processed ? "full" : "none"));
    Compilation lib = (processed ? javac.withProcessors(new QuarryProcessor()) : javac).compile(STATUS, CUSTOMER);
    assertThat(lib).succeeded();
    for (JavaFileObject out : lib.generatedFiles()) {
      String path = out.toUri().getPath();
      String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      if (!path.startsWith(prefix)) {
        continue; // generated sources
      }
      Path file = dir.resolve(path.substring(prefix.length()));
      Files.createDirectories(file.getParent());
      try (InputStream in = out.openInputStream(); OutputStream o = Files.newOutputStream(file)) {
        in.transferTo(o);
      }
    }
    return dir.toFile();
  }

  private static String generated(Compilation c, String name) throws IOException {
    return c.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
  }

  @Test
  void finderOverAnEntityOfAnotherCompilation(@TempDir Path dir) throws Exception {
    File lib = library(dir, true);
    assertThat(new File(lib, "lib/QCustomer.class").isFile()).isTrue();
    JavaFileObject dao = JavaFileObjects.forSourceString("app.CustomerQueries", """
        package app;
        import dev.quarry.annotation.*;
        import dev.quarry.orm.Page;
        import java.util.*;
        import lib.*;
        @Dao(entity = Customer.class)
        public interface CustomerQueries {
          List<Customer> findByNameAndAgeGreaterThan(String name, int age);
          Optional<Customer> findFirstByStatusOrderByBornDesc(Status status);
          List<Customer> findByNameStartingWithIgnoreCaseAndActiveTrue(String prefix);
          List<Customer> findTop3ByBornBefore(java.time.LocalDate date);
          Page<Customer> findByStatusIn(Collection<Status> statuses, int page, int size);
          long countByAgeLessThan(int age);
          boolean existsByName(String name);
          int deleteByStatus(Status status);
        }
        """);
    Compilation c = compileWith(List.of(runtimeClasses(), lib), dao);
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      assertWithMessage("%s", d).that(d.getKind()).isNotEqualTo(Diagnostic.Kind.ERROR);
      assertWithMessage("%s", d).that(d.getKind()).isNotEqualTo(Diagnostic.Kind.WARNING);
    }
    assertThat(c).succeeded();
    String impl = generated(c, "app.CustomerQueries_Impl").replaceAll("\\s+", " ");
    assertThat(impl).contains("Sql.selectFrom(QCustomer.customer) .where(QCustomer.customer.name.eq(name) "
        + ".and(QCustomer.customer.age.gt(age)))");
    assertThat(impl).contains(".orderBy(QCustomer.customer.born.desc())");
    assertThat(impl).contains(".orderBy(QCustomer.customer.id.asc()) .limit(3)");
    assertThat(impl).contains("QCustomer.customer.status.in(statuses)");
    assertThat(impl).contains("DaoSupport.entityReader(Customer_Mapping.INSTANCE)");
    assertThat(impl).contains("Sql.select(QCustomer.customer.id).from(QCustomer.customer)");
  }

  @Test
  void errorsAgainstTheQClass(@TempDir Path dir) throws Exception {
    File lib = library(dir, true);
    JavaFileObject dao = JavaFileObjects.forSourceString("app.Bad", """
        package app;
        import dev.quarry.annotation.*;
        import java.util.*;
        import lib.*;
        @Dao
        interface Bad {
          List<Customer> findByNmae(String name);
          List<Customer> findByAge(String age);
          List<Customer> findByNameGreaterThan(String name);
          List<Customer> findByActiveGreaterThan(boolean active);
        }
        """);
    Compilation c = compileWith(List.of(runtimeClasses(), lib), dao);
    assertThat(c).failed();
    assertThat(c.errors()).hasSize(3);
    assertThat(c).hadErrorContaining("Bad.findByNmae refers to property 'nmae', which Customer does not have; did "
        + "you mean 'name'?").inFile(dao).onLine(7);
    assertThat(c).hadErrorContaining("parameter 'age' of Bad.findByAge is java.lang.String, but 'age' needs "
        + "java.lang.Integer").inFile(dao).onLine(8);
    assertThat(c).hadErrorContaining("'GreaterThan' in Bad.findByActiveGreaterThan needs a comparable")
        .inFile(dao).onLine(10);
  }

  @Test
  void anEntityWithoutItsQClass(@TempDir Path dir) throws Exception {
    File lib = library(dir, false);
    assertThat(new File(lib, "lib/QCustomer.class").exists()).isFalse();
    JavaFileObject dao = JavaFileObjects.forSourceString("app.NoMeta", """
        package app;
        import dev.quarry.annotation.*;
        import java.util.*;
        @Dao
        interface NoMeta {
          List<lib.Customer> findByName(String name);
        }
        """);
    Compilation c = compileWith(List.of(runtimeClasses(), lib), dao);
    assertThat(c).failed();
    assertThat(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining("NoMeta.findByName needs entity lib.Customer, whose metamodel lib.QCustomer is "
        + "neither generated by this compilation nor on its class path; if lib.Customer is compiled elsewhere, compile "
        + "it with the Quarry processor and put its classes (or jar) on this compilation's class path")
        .inFile(dao).onLine(6);
  }
}
