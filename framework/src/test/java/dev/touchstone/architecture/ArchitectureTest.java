package dev.touchstone.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structure of the framework, held in place: data flows one way between packages, the
 * statistics library stays behind {@code stats}, internals stay behind public types, and the
 * HTTP client knows nothing of metrics or results.
 */
class ArchitectureTest {

    static final JavaClasses FRAMEWORK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.touchstone");

    /**
     * Packages, with each {@code x.internal} counted as part of {@code x}: an internal package is
     * its parent's implementation, split off only to keep it off the public API (a parent may
     * hand it a bridge to package-private methods). Deeper packages are their own.
     */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith("dev.touchstone")) {
                return SliceIdentifier.ignore();
            }
            boolean nestedInternal = name.endsWith(".internal") && !name.equals("dev.touchstone.internal");
            return SliceIdentifier.of(nestedInternal ? name.substring(0, name.length() - ".internal".length()) : name);
        }

        @Override
        public String getDescription() {
            return "packages of dev.touchstone, x.internal counted as x";
        }
    };

    @Test
    void packages_are_free_of_cycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(FRAMEWORK);
    }


    @Test
    void only_stats_uses_commons_statistics_and_rng() {
        noClasses().that().resideOutsideOfPackage("dev.touchstone.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.statistics..",
                        "org.apache.commons.rng..")
                .check(FRAMEWORK);
    }

    @Test
    void the_http_client_knows_nothing_of_models_metrics_results_or_assertions() {
        noClasses().that().resideInAPackage("dev.touchstone.model.endpoint..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.touchstone.metric..", "dev.touchstone.result..",
                        "dev.touchstone.assertion..", "dev.touchstone.model", "dev.touchstone.data")
                .check(FRAMEWORK);
    }

    @Test
    void evaluation_does_not_reach_up_to_judgement_results_or_reports() {
        noClasses().that().resideInAnyPackage("dev.touchstone.metric..", "dev.touchstone.model..",
                        "dev.touchstone.data..", "dev.touchstone.slice..", "dev.touchstone.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.touchstone.assertion..", "dev.touchstone.result..",
                        "dev.touchstone.report..", "dev.touchstone.gate..", "dev.touchstone.scope..")
                .check(FRAMEWORK);
    }

    @Test
    void no_public_signature_outside_internal_packages_exposes_an_internal_type() {
        ArchRule rule = ArchRuleDefinition.classes().that(EFFECTIVELY_PUBLIC)
                .and().resideOutsideOfPackage("..internal..")
                .should(notExposeInternalTypes());
        rule.check(FRAMEWORK);
    }

    static ArchCondition<JavaClass> notExposeInternalTypes() {
        return new ArchCondition<>("not expose types of ..internal.. packages in public signatures") {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                for (JavaCodeUnit unit : owner.getCodeUnits()) {
                    if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                        continue;
                    }
                    List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                    types.add(unit.getReturnType());
                    for (JavaType type : types) {
                        for (JavaClass involved : type.getAllInvolvedRawTypes()) {
                            if (isInternal(involved)) {
                                events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes "
                                        + involved.getName()));
                            }
                        }
                    }
                }
                for (JavaField field : owner.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
                        for (JavaClass involved : field.getType().getAllInvolvedRawTypes()) {
                            if (isInternal(involved)) {
                                events.add(SimpleConditionEvent.violated(field, field.getFullName() + " exposes "
                                        + involved.getName()));
                            }
                        }
                    }
                }
            }
        };
    }

    static boolean isInternal(JavaClass type) {
        return type.getPackageName().startsWith("dev.touchstone.") && type.getPackageName().contains(".internal");
    }

    /** Public, and so are the classes it is nested in: visible outside its package. */
    static final DescribedPredicate<JavaClass> EFFECTIVELY_PUBLIC = DescribedPredicate.describe("visible outside "
            + "their package", ArchitectureTest::isEffectivelyPublic);

    static boolean isEffectivelyPublic(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
                && type.getEnclosingClass().map(ArchitectureTest::isEffectivelyPublic).orElse(true);
    }
}
