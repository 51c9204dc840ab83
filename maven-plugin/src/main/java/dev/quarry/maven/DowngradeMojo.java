package dev.quarry.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Downgrades the database to a target: {@code mvn quarry:downgrade -Dquarry.target=-1}. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends QuarryMojo {
  /** base, a revision id, -1 ... */
  @Parameter(property = "quarry.target", required = true)
  String target;

  @Override
  List<String> command() {
    return List.of("downgrade", target);
  }
}
