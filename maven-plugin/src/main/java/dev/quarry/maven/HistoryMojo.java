package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Lists the project's revisions, newest first: {@code mvn quarry:history -Dquarry.range=base:head}. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends QuarryMojo {
  /** Only the revisions in this range FROM:TO. */
  @Parameter(property = "quarry.range")
  String range;

  @Override
  List<String> command() {
    List<String> args = new ArrayList<>(List.of("history"));
    addOption(args, "--rev-range", range);
    return args;
  }
}
