package dev.jirasim.simulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of docs/architecture.md, checked on every build: no package cycles, HTTP types only at
 * the edges (route classes and the server), and the core (world, JQL, clock, common) free of any service.
 */
class ArchitectureTest {
    /** Plain-Java model and engines. */
    private static final String[] CORE = {"..simulator.world..", "..simulator.jql..", "..simulator.clock..", "..simulator.common..",
        "..simulator.journal..", "..simulator.faults..", "..simulator.webhooks.."};
    /** One package per emulated service or control surface. */
    private static final String[] SERVICES = {"..simulator.atlassian..", "..simulator.jira..", "..simulator.dc..", "..simulator.nango..",
        "..simulator.control.."};
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jirasim.simulator");

    @Test
    void packagesHaveNoCycles() {
        // Each package is one slice; a cycle among them fails with its path.
        slices().matching("dev.jirasim.simulator.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingDependsOnTheRootPackage() {
        // The root package is the entry point (the JirasimServer façade, the command line, the state file).
        noClasses().that().resideOutsideOfPackage("dev.jirasim.simulator")
                .should().dependOnClassesThat().resideInAPackage("dev.jirasim.simulator").check(MAIN);
    }

    @Test
    void theCoreKnowsNoServiceAndNoServer() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
                .orShould().dependOnClassesThat().resideInAnyPackage("..simulator.server..", "..simulator.tenant..")
                .because("routes -> services -> world/jql/clock, never back").check(MAIN);
    }

    @Test
    void servicesDoNotReachIntoTheServer() {
        noClasses().that().resideInAnyPackage(SERVICES)
                .should().dependOnClassesThat().resideInAPackage("..simulator.server..").check(MAIN);
    }

    @Test
    void commonIsALeaf() {
        // Shared plumbing (the JSON mapper, error shapes, escaping, redaction) that every layer may use.
        classes().that().resideInAPackage("..simulator.common..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..simulator.common..", "java..", "com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void javalinOnlyInRoutesAndTheServer() {
        noClasses().that().resideOutsideOfPackage("dev.jirasim.simulator.server..")
                .and().haveSimpleNameNotEndingWith("Routes")
                .and().areNotNestedClasses()
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
                .because("HTTP belongs to route adapters and the server; services and the model are plain Java")
                .check(MAIN);
    }
}
