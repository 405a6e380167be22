package com.contactsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of ContactSync (README, "Code map"): the job — configuration at the bottom, the
 * capabilities (sources, normalization, sink, dead letters) on it, the keyed operator on those and
 * the job's assembly on top — and the tools around it (CLI, embedded stack, generator, bench,
 * verify, privacy), which may use the job but are never used by it.
 */
@AnalyzeClasses(packages = "com.contactsync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] TOOLS = {
        "com.contactsync.cli..", "com.contactsync.embedded..", "com.contactsync.generate..",
        "com.contactsync.bench..", "com.contactsync.verify..", "com.contactsync.privacy..", "com.contactsync.runstate..", "com.contactsync.shapes.."
    };
    static final String[] CAPABILITIES = {
        "com.contactsync.source..", "com.contactsync.normalize..", "com.contactsync.sink..", "com.contactsync.deadletter.."
    };

    @ArchTest
    static final ArchRule theJobNeverDependsOnItsTools = noClasses()
            .that().resideInAnyPackage("com.contactsync.job..", "com.contactsync.config..", "com.contactsync.sync..")
            .or().resideInAnyPackage(CAPABILITIES)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
            .because("the job jar holds only what runs on a cluster");

    @ArchTest
    static final ArchRule nothingInTheJobImportsUpward = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Config").definedBy("com.contactsync.config..")
            .layer("Capabilities").definedBy(CAPABILITIES)
            .layer("Sync").definedBy("com.contactsync.sync..")
            .layer("Job").definedBy("com.contactsync.job..")
            .layer("Tools").definedBy(TOOLS)
            .whereLayer("Tools").mayNotBeAccessedByAnyLayer()
            .whereLayer("Job").mayOnlyBeAccessedByLayers("Tools")
            .whereLayer("Sync").mayOnlyBeAccessedByLayers("Job", "Tools")
            .whereLayer("Capabilities").mayOnlyBeAccessedByLayers("Sync", "Job", "Tools")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Capabilities", "Sync", "Job", "Tools");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.contactsync.(**)").should().beFreeOfCycles();
}
