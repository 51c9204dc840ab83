package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.assertClean;
import static dev.quarry.processor.Sources.assertSingleError;
import static dev.quarry.processor.Sources.compile;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converters, global converters, enums and JSON: every misuse is an error on its line, with the fix. */
class CustomTypeErrorsTest {
  private static final String HEADER = "package com.shop;\nimport dev.quarry.annotation.*;\nimport java.util.*;\n";

  private static JavaFileObject file(String name, String body) {
    return source("com.shop." + name, HEADER + body);
  }

  private static final JavaFileObject CODE = source("com.shop.Code", """
      package com.shop;
      public record Code(String text) {}
      """);

  private static JavaFileObject converter(String name, String annotations, String types, String extra) {
    return file(name, annotations + "\npublic class " + name + " implements dev.quarry.types.Converter<" + types
        + "> {\n" + extra + """
          public Object toDatabase(Object v) { return null; }
          public Object fromDatabase(Object v) { return null; }
        }
        """.replace("Object toDatabase(Object v)", types.split(",")[1].trim() + " toDatabase("
            + types.split(",")[0].trim() + " v)").replace("Object fromDatabase(Object v)",
            types.split(",")[0].trim() + " fromDatabase(" + types.split(",")[1].trim() + " v)"));
  }

  // --- @Convert ---------------------------------------------------------------------------------

  @Test
  void convertWithAStoredTypeThatIsNoColumnType() {
    JavaFileObject c = converter("CodeConverter", "", "Code, StringBuilder", "");
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Convert(CodeConverter.class) Code code; //!
        }
        """);
    assertSingleError(compile(CODE, c, f), f, "converter com.shop.CodeConverter stores values as StringBuilder, "
        + "which is not a supported column type; convert to String, a number");
  }

  @Test
  void convertWithoutPublicNoArgumentConstructor() {
    JavaFileObject c = converter("CodeConverter", "", "Code, String", "  public CodeConverter(int x) {}\n");
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Convert(CodeConverter.class) Code code; //!
        }
        """);
    assertSingleError(compile(CODE, c, f), f,
        "@Convert class com.shop.CodeConverter needs a public no-argument constructor");
  }

  @Test
  void convertTogetherWithJson() {
    JavaFileObject c = converter("CodeConverter", "", "Code, String", "");
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Convert(CodeConverter.class)
          @Json Code code; //!
        }
        """);
    assertSingleError(compile(CODE, c, f), f, "property 'code' has both @Convert and @Json; keep @Json");
  }

  // --- enums ------------------------------------------------------------------------------------

  @Test
  void enumeratedTogetherWithConvert() {
    JavaFileObject level = source("com.shop.Level", "package com.shop;\npublic enum Level { LOW, HIGH }\n");
    JavaFileObject c = converter("LevelConverter", "", "Level, String", "");
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Enumerated(EnumType.ORDINAL) //!
          @Convert(LevelConverter.class) Level level;
        }
        """);
    assertSingleError(compile(level, c, f), f,
        "property 'level' has both @Enumerated and @Convert; @Convert decides the storage, so remove @Enumerated");
  }

  @Test
  void enumeratedOnAPropertyThatIsNoEnum() {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Enumerated String status; //!
        }
        """);
    assertSingleError(compile(f), f,
        "@Enumerated on property 'status' of type String, which is not an enum; remove @Enumerated");
  }

  // --- @Json ------------------------------------------------------------------------------------

  @Test
  void jsonOnAPrimitive() {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Json int count; //!
        }
        """);
    assertSingleError(compile(f), f, "@Json on property 'count' of primitive type int");
  }

  @Test
  void jsonOnAnInterfaceJacksonCannotCreate() {
    JavaFileObject shape = source("com.shop.Shape", "package com.shop;\npublic interface Shape { double area(); }\n");
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Json Shape shape; //!
        }
        """);
    assertSingleError(compile(shape, f), f, "@Json property 'shape' has the abstract type com.shop.Shape, which "
        + "Jackson cannot create when reading; declare a concrete class or record, or annotate");
  }

  @Test
  void jsonOnAnInterfaceWithJacksonPolymorphismIsAccepted() {
    JavaFileObject shape = source("com.shop.Shape", """
        package com.shop;
        @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS)
        public interface Shape { double area(); }
        """);
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Json Shape shape;
          @Json List<Shape> shapes;
          @Json Map<String, List<Integer>> scores;
        }
        """);
    Compilation c = compile(shape, f);
    assertClean(c);
    assertThat(c).generatedSourceFile("com.shop.QThing").contentsAsUtf8String()
        .contains("JsonTypes.of(Map.class, new TypeReference<Map<String, List<Integer>>>() {})");
  }

  @Test
  void jsonOnTheId() {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id @Json Map<String, Object> id; //!
        }
        """);
    // one error: the failed key property does not also make the entity report "no @Id"
    assertSingleError(compile(f), f, "@Json property 'id' cannot be an @Id; a JSON document is no key");
  }

  @Test
  void jsonWithoutJacksonOnTheClassPath() throws Exception {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Json Map<String, Object> preferences; //!
        }
        """);
    Compilation c = Compiler.javac().withProcessors(new QuarryProcessor()).withOptions("-Xlint:-processing")
        .withClasspath(List.of(runtimeClasses())).compile(f);
    assertSingleError(c, f, "@Json on property 'preferences' needs Jackson, which is not on the class path; add "
        + "the dependency com.fasterxml.jackson.core:jackson-databind");
  }

  // --- global converters ------------------------------------------------------------------------

  @Test
  void autoApplyOnAClassThatIsNoConverter() {
    JavaFileObject c = file("NotAConverter", """
        @AutoApply //!
        public class NotAConverter {}
        """);
    assertSingleError(compile(c), c, "@AutoApply names com.shop.NotAConverter, which does not implement "
        + "dev.quarry.types.Converter<J, D>");
  }

  @Test
  void autoApplyForANativelyStoredType() {
    JavaFileObject c = converter("Upper", "@AutoApply //!", "String, String", "");
    assertSingleError(compile(c), c, "@AutoApply converter com.shop.Upper converts String, which Quarry stores "
        + "natively; a global converter would change every String column: remove it from @AutoApply and put "
        + "@Convert(Upper.class) on the properties that need it");
  }

  @Test
  void autoApplyForAParameterizedType() {
    JavaFileObject c = converter("Csv", "@AutoApply //!", "List<String>, String", "");
    assertSingleError(compile(c), c, "@AutoApply converter com.shop.Csv converts List<String>, which is not one "
        + "concrete class");
  }

  @Test
  void autoApplyWithAStoredTypeThatIsNoColumnType() {
    JavaFileObject c = converter("CodeConverter", "@AutoApply //!", "Code, StringBuilder", "");
    assertSingleError(compile(CODE, c), c, "converter com.shop.CodeConverter stores values as StringBuilder");
  }

  @Test
  void autoApplyWithoutPublicNoArgumentConstructor() {
    JavaFileObject c = converter("CodeConverter", "@AutoApply //!", "Code, String", "  CodeConverter(int x) {}\n");
    assertSingleError(compile(CODE, c), c,
        "@AutoApply class com.shop.CodeConverter needs a public no-argument constructor");
  }

  @Test
  void twoGlobalConvertersForOneType() {
    JavaFileObject first = converter("ACodeConverter", "@AutoApply", "Code, String", "");
    JavaFileObject second = converter("BCodeConverter", "@AutoApply //!", "Code, String", "");
    assertSingleError(compile(CODE, second, first), second, "two global converters for com.shop.Code: "
        + "com.shop.ACodeConverter and com.shop.BCodeConverter; keep one global converter per type");
  }

  @Test
  void convertersListingAConverterForANativeType() {
    JavaFileObject c = converter("Upper", "", "String, String", "");
    JavaFileObject config = file("Config", """
        @Converters({
            Upper.class}) //!
        public class Config {}
        """);
    assertSingleError(compile(c, config), config, "@Converters converter com.shop.Upper converts String");
  }

  @Test
  void globalConverterAppliesConvertWinsAndEnumeratedOptsOut() {
    JavaFileObject level = source("com.shop.Level", "package com.shop;\npublic enum Level { LOW, HIGH }\n");
    JavaFileObject codes = converter("CodeConverter", "@AutoApply", "Code, String", "");
    JavaFileObject other = converter("OtherCodeConverter", "", "Code, Integer", "");
    JavaFileObject levels = converter("LevelConverter", "@AutoApply", "Level, Integer", "");
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          Code code;
          @Convert(OtherCodeConverter.class) Code other;
          Level level;
          @Enumerated Level levelByName;
        }
        """);
    Compilation c = compile(CODE, level, codes, other, levels, f);
    assertClean(c);
    String q = generated(c, "com.shop.QThing");
    assertThat(q).contains("SqlTypes.VARCHAR.converted(new CodeConverter(), Code.class)");
    assertThat(q).contains("SqlTypes.INTEGER.converted(new OtherCodeConverter(), Code.class)");
    assertThat(q).contains("SqlTypes.INTEGER.converted(new LevelConverter(), Level.class)");
    assertThat(q).contains("SqlTypes.enumByName(Level.class, Level.values())");
  }

  @Test
  void globalConverterAppliesToIdsAndTheForeignKeysReferencingThem() {
    JavaFileObject codes = converter("CodeConverter", "@AutoApply", "Code, String", "");
    JavaFileObject product = file("Product", """
        @Entity
        public class Product {
          @Id Code sku;
        }
        """);
    JavaFileObject line = file("Line", """
        @Entity
        public class Line {
          @Id Long id;
          @ManyToOne(fetch = FetchType.JOINED) Product product;
        }
        """);
    Compilation c = compile(CODE, codes, product, line);
    assertClean(c);
    assertThat(generated(c, "com.shop.QProduct")).contains("SqlTypes.VARCHAR.converted(new CodeConverter(), Code.class)");
    assertThat(generated(c, "com.shop.QLine")).contains("SqlTypes.VARCHAR.converted(new CodeConverter(), Code.class)");
  }

  @Test
  void convertersRegistersAConverterFromALibraryJar(@TempDir Path library) throws Exception {
    Compilation lib = Compiler.javac().compile(CODE, converter("CodeConverter", "", "Code, String", ""));
    assertThat(lib).succeeded();
    for (JavaFileObject out : lib.generatedFiles()) {
      if (out.getKind() == JavaFileObject.Kind.CLASS) {
        String path = out.toUri().getPath();
        Path target = library.resolve(path.substring(path.indexOf("com/shop/")));
        Files.createDirectories(target.getParent());
        try (InputStream in = out.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    JavaFileObject info = source("com.shop.app.package-info", """
        @dev.quarry.annotation.Converters({com.shop.CodeConverter.class})
        package com.shop.app;
        """);
    JavaFileObject f = source("com.shop.app.Thing", """
        package com.shop.app;
        import dev.quarry.annotation.*;
        @Entity
        public class Thing {
          @Id Long id;
          com.shop.Code code;
        }
        """);
    List<File> classpath = new ArrayList<>(List.of(runtimeClasses(), library.toFile()));
    Compilation c = Compiler.javac().withProcessors(new QuarryProcessor()).withOptions("-Xlint:-processing")
        .withClasspath(classpath).compile(info, f);
    assertClean(c);
    assertThat(generated(c, "com.shop.app.QThing")).contains("SqlTypes.VARCHAR.converted(new CodeConverter(), Code.class)");
  }

  private static String generated(Compilation c, String name) {
    try {
      return c.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    } catch (IOException ex) {
      throw new AssertionError(ex);
    }
  }

  /** The runtime's classes (annotations, types) without anything else: no Jackson. */
  private static File runtimeClasses() throws URISyntaxException {
    return new File(dev.quarry.types.Converter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  // --- @Column(storageFormat) -------------------------------------------------------------------

  @Test
  void storageFormatOnATextProperty() {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Column(storageFormat = "yyyy-MM-dd") String day; //!
        }
        """);
    assertSingleError(compile(f), f, "@Column(storageFormat) is for date and time properties, but 'day' has type "
        + "String; remove storageFormat");
  }

  @Test
  void storageFormatWithoutTheTimeOfADateTime() {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Column(storageFormat = "yyyy/MM/dd") java.time.LocalDateTime at; //!
        }
        """);
    assertSingleError(compile(f), f, "@Column(storageFormat = \"yyyy/MM/dd\") of 'at' cannot write a LocalDateTime"
        + " and read it back");
  }

  @Test
  void storageFormatThatIsNoPattern() {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Column(storageFormat = "yyyy-MM-dd {") java.time.LocalDate day; //!
        }
        """);
    assertSingleError(compile(f), f, "@Column(storageFormat = \"yyyy-MM-dd {\") of 'day' is not a DateTimeFormatter"
        + " pattern");
  }

  @Test
  void storageFormatOfADateTimeCompiles() {
    JavaFileObject f = file("Thing", """
        @Entity
        public class Thing {
          @Id Long id;
          @Column(storageFormat = "yyyy/MM/dd HH:mm") java.time.LocalDateTime at;
          @Column(storageFormat = "yyyy-MM-dd'T'HH:mm:ssX") java.time.Instant seen;
        }
        """);
    Compilation compilation = compile(f);
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("com.shop.QThing").contentsAsUtf8String()
        .contains("SqlTypes.TIMESTAMP.withStorageFormat(\"yyyy/MM/dd HH:mm\")");
  }
}
