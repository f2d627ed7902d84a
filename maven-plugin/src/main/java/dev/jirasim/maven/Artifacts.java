package dev.jirasim.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Jirasim's jars fetched by coordinates through the build's own repository session (local repository, the project's
 * remote repositories, the reactor), with nothing on the plugin's class path. Uses only resolver API that
 * Maven 3.8 has.
 */
final class Artifacts {
    static final String GROUP = "dev.jirasim";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    Artifacts(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /** {@code dev.jirasim:jirasim-simulator:VERSION:jar:standalone}, the runnable simulator. */
    Path standaloneSimulator(String version) throws ArtifactResolutionException {
        var artifact = new DefaultArtifact(GROUP, "jirasim-simulator", "standalone", "jar", version);
        ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
        return result.getArtifact().getFile().toPath();
    }

    /**
     * {@code dev.jirasim:jirasim-conformance-suite:VERSION} with its runtime dependencies: the class path of the
     * suite's command line (the shaded jar the repository builds is not an attached artifact).
     */
    List<Path> conformanceClasspath(String version) throws DependencyResolutionException {
        var root = new Dependency(new DefaultArtifact(GROUP, "jirasim-conformance-suite", "", "jar", version), "runtime");
        var request = new DependencyRequest(new CollectRequest(root, repositories), null);
        var files = new ArrayList<Path>();
        for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
            files.add(result.getArtifact().getFile().toPath());
        }
        return files;
    }
}
