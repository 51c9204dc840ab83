package dev.quarry.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Writes a revision merging several heads: {@code mvn quarry:merge -Dquarry.message="merge branches"}. */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MergeMojo extends QuarryMojo {
  /** What the merge is for. */
  @Parameter(property = "quarry.message", required = true)
  String message;

  /** The revisions to merge; default: every head. */
  @Parameter(property = "quarry.revisions", defaultValue = "heads")
  List<String> revisions;

  /** Source root the revision goes to. */
  @Parameter(property = "quarry.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
  File sourceDirectory;

  /** Package of the revision; default: the configuration's {@code revisions.package}. */
  @Parameter(property = "quarry.package")
  String revisionsPackage;

  @Override
  List<String> command() {
    List<String> args = new ArrayList<>(List.of("merge"));
    addOption(args, "--message", message);
    addOption(args, "--source-directory", sourceDirectory == null ? null : sourceDirectory.getPath());
    addOption(args, "--package", revisionsPackage);
    args.addAll(revisions);
    return args;
  }
}
