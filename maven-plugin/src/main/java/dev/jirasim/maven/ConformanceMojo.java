package dev.jirasim.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Runs the conformance gate against a target file, or against the simulator that start started, and writes its
 * reports (JUnit XML, JSON, Markdown, HTML). A failing scenario fails the build, naming it. Bound to
 * integration-test by default: it must run while the simulator that start started is still up, and stop takes it
 * down at post-integration-test. When it fails the build it stops that simulator itself, because
 * post-integration-test will not run then. The gate runs in a forked JVM with the suite's own class path.
 */
@Mojo(name = "conformance", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class ConformanceMojo extends AbstractMojo {
    /** Skips start, stop and conformance. */
    @Parameter(property = "jirasim.skip", defaultValue = "false")
    boolean skip;

    /** A target file; without it, the simulator that start started, described by a target file written for it. */
    @Parameter(property = "jirasim.conformance.target")
    File target;

    /** Scenario files, or directories to search for them. */
    @Parameter(required = true)
    List<File> scenarios;

    /** Only scenarios whose tags match this JUnit tag expression, such as {@code token & !clock}. */
    @Parameter(property = "jirasim.conformance.tags")
    String tags;

    /** An expected-deviation manifest: known failures that do not fail the build. */
    @Parameter(property = "jirasim.conformance.expectedDeviations")
    File expectedDeviations;

    /** Where the reports go. */
    @Parameter(property = "jirasim.conformance.reportDirectory", defaultValue = "${project.build.directory}/jirasim-conformance")
    File reportDirectory;

    /** The version of {@code dev.jirasim:jirasim-conformance-suite} to run. */
    @Parameter(property = "jirasim.suiteVersion", defaultValue = "${plugin.version}")
    String suiteVersion;

    /** Seconds the whole run may take before it is stopped and the build fails. */
    @Parameter(property = "jirasim.conformance.timeout", defaultValue = "1800")
    int timeout;

    @Parameter(defaultValue = "${project.build.directory}/jirasim", readonly = true, required = true)
    File workDirectory;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    List<RemoteRepository> remoteRepositories;

    private final RepositorySystem repositorySystem;

    @Inject
    public ConformanceMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Jirasim conformance: skipped");
            return;
        }
        RunningSimulator sim = Context.simulator(getPluginContext());
        Path targetFile = targetFile(sim);
        var scenarioPaths = new ArrayList<Path>();
        for (File s : scenarios) {
            if (!s.exists()) throw new MojoExecutionException("Jirasim conformance: no such scenario file or directory: " + s);
            scenarioPaths.add(s.toPath());
        }
        if (expectedDeviations != null && !expectedDeviations.isFile()) {
            throw new MojoExecutionException("Jirasim conformance: no such expected-deviation manifest: " + expectedDeviations);
        }
        List<Path> classpath;
        try {
            classpath = new Artifacts(repositorySystem, repositorySession, remoteRepositories).conformanceClasspath(suiteVersion);
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("Cannot resolve " + Artifacts.GROUP + ":jirasim-conformance-suite:" + suiteVersion + ": " + e.getMessage(), e);
        }
        var command = new ConformanceCommand(Context.java(), targetFile, scenarioPaths,
                tags, expectedDeviations == null ? null : expectedDeviations.toPath(), reportDirectory.toPath());
        // The generated target reads the admin token from the gate's environment, which masks it in every report.
        Map<String, String> environment = sim != null && target == null && sim.adminToken() != null
                ? Map.of(TargetFile.TOKEN_VARIABLE, sim.adminToken()) : Map.of();
        getLog().info("Jirasim conformance against " + targetFile + (tags == null ? "" : ", tags " + tags));
        ConformanceCommand.Verdict verdict;
        try {
            verdict = ConformanceFork.run(command, classpath, environment, workDirectory.toPath(), Duration.ofSeconds(timeout),
                    getLog()::info, getLog()::warn);
        } catch (IOException e) {
            throw new MojoExecutionException("Jirasim conformance could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while running the conformance gate", e);
        }
        if (verdict.passed()) {
            getLog().info("Jirasim conformance passed; reports in " + reportDirectory);
            return;
        }
        if (sim != null) {
            getLog().info("Stopping Jirasim now: the failing build will not reach post-integration-test");
            StopMojo.stop(sim, Duration.ofSeconds(10), getLog());
            Context.forget(getPluginContext());
        }
        throw new MojoFailureException("Jirasim conformance failed, " + verdict.message() + " (reports in " + reportDirectory + ")");
    }

    private Path targetFile(RunningSimulator sim) throws MojoExecutionException {
        if (target != null) {
            if (!target.isFile()) throw new MojoExecutionException("Jirasim conformance: no such target file: " + target);
            return target.toPath();
        }
        if (sim == null) {
            throw new MojoExecutionException("Jirasim conformance has no target: configure <target>, or run the start goal before it in this project");
        }
        Path file = workDirectory.toPath().resolve("conformance-target.yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, TargetFile.forSimulator(TargetFile.template(), sim.baseUrl(), sim.adminToken() != null), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
