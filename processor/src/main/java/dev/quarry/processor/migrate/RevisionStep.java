package dev.quarry.processor.migrate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.quarry.processor.Diagnostics;
import dev.quarry.processor.Errors;
import dev.quarry.processor.Modules;
import dev.quarry.processor.RoundCandidates;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Processes {@code @Revision} classes: checks each class and the graph they form, writes one
 * {@code RevisionSource} listing them ({@code QuarryRevisions} in the lexicographically first package of
 * the revisions) and its service entry; in a named module, checks that module-info provides it.
 *
 * <p>Revisions are written in the round that declares them (a source written in the last round would not
 * be compiled by it); revisions of a later round, which only another processor could write, get a source
 * of their own and are checked against all revisions seen so far.
 */
public final class RevisionStep {
  /** The annotation this step processes. */
  public static final String ANNOTATION = MigrateNames.REVISION;
  static final String SOURCE_NAME = "QuarryRevisions";

  private final Elements elements;
  private final Filer filer;
  private final Diagnostics diagnostics;
  private final RevisionParser parser;
  private final Modules modules;
  private final Set<String> seen = new HashSet<>();
  private final List<RevisionModel> all = new ArrayList<>();
  private final List<ClassName> sources = new ArrayList<>();

  public RevisionStep(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.filer = env.getFiler();
    this.diagnostics = new Diagnostics(env.getMessager());
    this.parser = new RevisionParser(elements, env.getTypeUtils());
    this.modules = new Modules(elements, MigrateNames.REVISION_SOURCE.canonicalName(),
        Errors::revisionSourceNotProvided);
  }

  public void process(RoundEnvironment round) {
    modules.collect(round);
    List<RevisionModel> fresh = new ArrayList<>();
    for (TypeElement t : RoundCandidates.of(elements, round, new ArrayList<>(), ANNOTATION)) {
      if (!seen.add(t.getQualifiedName().toString())) {
        continue;
      }
      try {
        RevisionModel model = parser.parse(t, diagnostics);
        if (model != null) {
          fresh.add(model);
        }
      } catch (RuntimeException | LinkageError ex) {
        diagnostics.error(t, Errors.unexpected(t.getQualifiedName().toString(), ex));
      }
    }
    if (!fresh.isEmpty()) {
      int errors = diagnostics.errorCount();
      List<RevisionModel> everything = new ArrayList<>(all);
      everything.addAll(fresh);
      everything.sort(Comparator.comparing(r -> r.type().canonicalName()));
      List<RevisionModel> ordered = RevisionGraph.check(everything, diagnostics);
      all.addAll(fresh);
      boolean usable = fresh.stream().allMatch(RevisionModel::usable);
      if (usable && diagnostics.errorCount() == errors && !round.processingOver()) {
        writeSource(ordered.stream().filter(fresh::contains).toList());
      }
    }
    if (round.processingOver()) {
      modules.checkProvides(diagnostics);
      writeServiceFile();
    }
  }

  private void writeSource(List<RevisionModel> revisions) {
    String pkg = revisions.stream().map(r -> r.type().packageName()).min(Comparator.naturalOrder()).orElseThrow();
    ClassName name = ClassName.get(pkg, sources.isEmpty() ? SOURCE_NAME : SOURCE_NAME + "_" + (sources.size() + 1));
    List<TypeElement> originating = revisions.stream().map(RevisionModel::element).toList();
    JavaFile file = RevisionSourceWriter.write(name, revisions, modules.generatedReadable(originating.get(0)));
    try {
      JavaFileObject source = filer.createSourceFile(name.canonicalName(), originating.toArray(new Element[0]));
      try (Writer w = source.openWriter()) {
        w.write(file.toString());
      }
      sources.add(name);
      modules.registryWritten(name, originating);
    } catch (IOException ex) {
      diagnostics.error(originating.get(0), "could not write " + name.canonicalName() + ": " + ex.getMessage());
    }
  }

  private void writeServiceFile() {
    if (sources.isEmpty()) {
      return;
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", MigrateNames.SERVICE_FILE);
      try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        w.write("# Generated by Quarry: the revision sources of this compilation\n");
        for (ClassName s : sources) {
          w.write(s.reflectionName());
          w.write('\n');
        }
      }
    } catch (IOException ex) {
      diagnostics.error(null, "could not write " + MigrateNames.SERVICE_FILE + ": " + ex.getMessage());
    }
  }
}
