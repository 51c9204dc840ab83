package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Records the database as at targets without running anything: {@code mvn quarry:stamp -Dquarry.targets=head}. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StampMojo extends QuarryMojo {
  /** head, base, revision ids. */
  @Parameter(property = "quarry.targets", required = true)
  List<String> targets;

  @Override
  List<String> command() {
    List<String> args = new ArrayList<>(List.of("stamp"));
    args.addAll(targets);
    return args;
  }
}
