package dev.jirasim.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Starts the simulator in a forked JVM from its standalone jar, waits until its health probe answers ready, and
 * sets {@code jirasim.baseUrl}, {@code jirasim.port}, {@code jirasim.authUrl}, {@code jirasim.apiUrl},
 * {@code jirasim.nangoUrl} and {@code jirasim.adminUrl} as project properties. Forked, so
 * that Javalin, Jetty and Logback never share a class loader with Maven's own SLF4J and plugins.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractMojo {
    /** Skips start, stop and conformance. */
    @Parameter(property = "jirasim.skip", defaultValue = "false")
    boolean skip;

    /** The version of {@code dev.jirasim:jirasim-simulator:jar:standalone} to run. */
    @Parameter(property = "jirasim.simulatorVersion", defaultValue = "${plugin.version}")
    String simulatorVersion;

    /** The port; 0 lets the simulator pick a free one, which is then exported as {@code jirasim.port}. */
    @Parameter(defaultValue = "0")
    int port;

    /** A world file (YAML or JSON) instead of the default world. */
    @Parameter(property = "jirasim.fixture")
    File fixture;

    /** Requires {@code Authorization: Bearer <token>} on the control API; passed in the environment, never printed in full. */
    @Parameter(property = "jirasim.adminToken")
    String adminToken;

    /** Further simulator options, such as {@code --site-urls local} or {@code --log-level WARN}. */
    @Parameter
    List<String> args;

    /** Options for the simulator's JVM, such as {@code -Xmx256m}. */
    @Parameter
    List<String> jvmArgs;

    /** Seconds to wait for the simulator to answer ready before the build fails. */
    @Parameter(property = "jirasim.startupTimeout", defaultValue = "60")
    int startupTimeout;

    /** Where the simulator's output goes. */
    @Parameter(defaultValue = "${project.build.directory}/jirasim/simulator.log")
    File logFile;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    List<RemoteRepository> remoteRepositories;

    private final RepositorySystem repositorySystem;

    @Inject
    public StartMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Jirasim: skipped");
            return;
        }
        if (Context.simulator(getPluginContext()) != null) {
            throw new MojoExecutionException("Jirasim is already running for " + project.getArtifactId() + ": one start per project, with a stop after it");
        }
        SimulatorCommand command;
        try {
            Path jar = new Artifacts(repositorySystem, repositorySession, remoteRepositories).standaloneSimulator(simulatorVersion);
            command = new SimulatorCommand(Context.java(), jar, port, fixture == null ? null : fixture.toPath(), adminToken, args, jvmArgs);
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot find the simulator " + Artifacts.GROUP + ":jirasim-simulator:" + simulatorVersion
                    + ":jar:standalone: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Jirasim: " + e.getMessage(), e);
        }
        getLog().info("Starting Jirasim " + simulatorVersion + " in a forked JVM" + (adminToken == null ? "" : ", admin token " + Secrets.mask(adminToken)));
        getLog().debug("Jirasim command: " + String.join(" ", command.command()));
        RunningSimulator sim;
        try {
            sim = SimulatorLauncher.start(command, logFile.toPath(), Duration.ofSeconds(startupTimeout));
        } catch (SimulatorException e) {
            throw new MojoExecutionException("Jirasim did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while starting Jirasim", e);
        }
        Context.remember(getPluginContext(), sim);
        sim.properties().forEach(project.getProperties()::setProperty);
        getLog().info("Jirasim " + sim.version() + " is ready at " + sim.baseUrl() + " (pid " + sim.pid() + ", output in " + logFile + ")");
        getLog().info("Project properties: " + String.join(", ", sim.properties().keySet()));
    }
}
