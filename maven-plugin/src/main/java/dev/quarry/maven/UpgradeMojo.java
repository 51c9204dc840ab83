package dev.quarry.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Upgrades the database to a target (default: head): {@code mvn quarry:upgrade}. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends QuarryMojo {
  /** head, heads, a revision id, label@head, +2 ... */
  @Parameter(property = "quarry.target", defaultValue = "head")
  String target;

  @Override
  List<String> command() {
    return List.of("upgrade", target);
  }
}
