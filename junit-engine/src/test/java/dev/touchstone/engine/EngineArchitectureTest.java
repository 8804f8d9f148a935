package dev.touchstone.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's surface, as in Cucumber's: the engine class and its constants, nothing else. */
class EngineArchitectureTest {

    static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.touchstone.engine");

    @Test
    void only_the_engine_and_its_constants_are_public() {
        classes().that().arePublic().and().areTopLevelClasses().should().haveSimpleName("TouchstoneTestEngine").orShould()
                .haveSimpleName("Constants").check(ENGINE);
    }

    @Test
    void descriptors_and_resolvers_are_final() {
        classes().that().haveSimpleNameEndingWith("Descriptor").or().haveSimpleNameEndingWith("Resolver")
                .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL).check(ENGINE);
    }
}
