package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * What entities (and revisions, whose generated list is another service) compiled in a named module (a {@code module-info.java} in the compilation) need from
 * it. On the class path (the unnamed module) nothing changes: the module reads everything and the
 * service file lists the registries.
 *
 * <ul>
 *   <li>{@code @Generated} is in {@code java.compiler}, which a module reads only if it requires it:
 *       generated files in a module that does not read it go without the annotation, as AutoValue does.
 *   <li>A named module ignores {@code META-INF/services}: {@code ServiceLoader} finds the registry only
 *       through {@code provides dev.quarry.spi.MappingRegistry with ...;}, so a module that lacks it is
 *       a compile error on its declaration, giving the line to write. Only a module whose
 *       {@code module-info.java} is compiled here is checked: test classes compiled into a module
 *       ({@code --patch-module}, as Maven does) cannot change its declaration, and run on the class path.
 * </ul>
 */
public final class Modules {
  private static final String GENERATED = RuntimeNames.GENERATED.canonicalName();

  /** The error for a module whose provides directives lack generated providers of the service. */
  @FunctionalInterface
  public interface NotProvided {
    /**
     * @param module the module's name
     * @param line the provides directive to write
     * @param replace whether the module already has a provides directive of the service
     */
    String message(String module, String line, boolean replace);
  }

  private final Elements elements;
  private final String service;
  private final NotProvided notProvided;
  private final Map<String, Boolean> generatedReadable = new HashMap<>();
  /** Modules whose declaration is a source of this compilation. */
  private final Set<String> declaredHere = new HashSet<>();
  /** Registries written into named modules, by module name, in writing order. */
  private final Map<String, Set<ClassName>> registries = new LinkedHashMap<>();

  Modules(Elements elements) {
    this(elements, RuntimeNames.MAPPING_REGISTRY.canonicalName(), Errors::registryNotProvided);
  }

  /** Modules whose generated providers of {@code service} are checked against their provides directives. */
  public Modules(Elements elements, String service, NotProvided notProvided) {
    this.elements = elements;
    this.service = service;
    this.notProvided = notProvided;
  }

  /** Notes the modules declared by sources of this round ({@code module-info.java} is a root element). */
  public void collect(RoundEnvironment round) {
    for (Element e : round.getRootElements()) {
      if (e.getKind() == ElementKind.MODULE) {
        declaredHere.add(((ModuleElement) e).getQualifiedName().toString());
      }
    }
  }

  /** Whether files generated for {@code element} may carry {@code @Generated}. */
  public boolean generatedReadable(Element element) {
    ModuleElement module = namedModuleOf(element);
    if (module == null) {
      return true; // the unnamed module reads every module: output unchanged
    }
    // Elements.getTypeElement(module, name) resolves as code in that module does: null unless it reads java.compiler.
    return generatedReadable.computeIfAbsent(module.getQualifiedName().toString(),
        n -> elements.getTypeElement(module, GENERATED) != null);
  }

  /** Notes a registry written for {@code entities}, to be checked against their modules' provides. */
  public void registryWritten(ClassName registry, List<? extends Element> entities) {
    for (Element e : entities) {
      ModuleElement module = namedModuleOf(e);
      if (module != null && declaredHere.contains(module.getQualifiedName().toString())) {
        registries.computeIfAbsent(module.getQualifiedName().toString(), n -> new LinkedHashSet<>()).add(registry);
      }
    }
  }

  /**
   * Reports every named module that does not provide all the registries written into it so far. Call it
   * once, when processing is over, and before writing a registry in that round: reading a module's
   * directives makes javac resolve its {@code provides} clauses, and a registry not generated yet would
   * then be a spurious "cannot find symbol" or "does not have a default constructor" at module-info.java.
   */
  public void checkProvides(Diagnostics diagnostics) {
    for (Map.Entry<String, Set<ClassName>> entry : registries.entrySet()) {
      ModuleElement module = elements.getModuleElement(entry.getKey());
      if (module == null) {
        continue;
      }
      List<String> declared = new ArrayList<>();
      for (ModuleElement.Directive d : module.getDirectives()) {
        if (d instanceof ModuleElement.ProvidesDirective provides
            && provides.getService().getQualifiedName().contentEquals(service)) {
          for (TypeElement implementation : provides.getImplementations()) {
            declared.add(implementation.getQualifiedName().toString());
          }
        }
      }
      List<String> all = new ArrayList<>(declared);
      for (ClassName registry : entry.getValue()) {
        String name = registry.canonicalName();
        if (!all.contains(name)) {
          all.add(name);
        }
      }
      if (all.size() > declared.size()) {
        diagnostics.error(module, notProvided.message(entry.getKey(),
            "provides " + service + " with " + String.join(", ", all) + ";", !declared.isEmpty()));
      }
    }
    registries.clear();
  }

  private ModuleElement namedModuleOf(Element element) {
    ModuleElement module = elements.getModuleOf(element);
    return module == null || module.isUnnamed() ? null : module;
  }
}
