package com.example.compat;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import org.junit.platform.engine.TestEngine;

/**
 * Runs under the JUnit Platform 6: the first check fails if the platform is not 6.x (and, as every
 * check must, makes a quality statement).
 */
@QualitySpec
class JUnit6PlatformQualityTest {

    static final Dataset toy = Dataset.builder("toy").columns("label", "predicted", "group")
            .row("a", "a", "x").row("b", "b", "x").row("a", "a", "y").row("b", "a", "y")
            .build().withLabel("label").withPrediction("predicted");

    static final Model model = Model.logged("toy-model", toy);

    @QualityCheck
    void runsOnJUnitPlatform6() {
        String version = TestEngine.class.getPackage().getImplementationVersion();
        if (version == null || !version.startsWith("6.")) {
            throw new AssertionError("expected the JUnit Platform 6.x on the test classpath but found " + version);
        }
        assertThat(model).overall().size().isAtLeast(4);
    }

    @QualityCheck
    void evaluatesStatementsAndSlices() {
        assertThat(model).overall().accuracy().isAtLeast(0.7);
        assertThat(model).onEachSliceOf("group").size().isAtLeast(2);
    }
}
