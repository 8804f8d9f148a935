package dev.touchstone.engine;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What a node needs while it runs: the run's configuration and collector, the listener for
 * report entries and, below a spec, the spec instance. Immutable; children get copies.
 */
final class QualityExecutionContext implements EngineExecutionContext {

    private final ConfigurationParameters parameters;
    private final EngineConfiguration configuration;
    private final RunCollector collector;
    private final EngineExecutionListener listener;
    private final Object specInstance;
    private final AllureOutput allure;

    QualityExecutionContext(ConfigurationParameters parameters, EngineConfiguration configuration, RunCollector collector,
            EngineExecutionListener listener, Object specInstance) {
        this(parameters, configuration, collector, listener, specInstance, null);
    }

    private QualityExecutionContext(ConfigurationParameters parameters, EngineConfiguration configuration,
            RunCollector collector, EngineExecutionListener listener, Object specInstance, AllureOutput allure) {
        this.parameters = parameters;
        this.configuration = configuration;
        this.collector = collector;
        this.listener = listener;
        this.specInstance = specInstance;
        this.allure = allure;
    }

    /** The configuration, read by the engine descriptor before anything runs. */
    EngineConfiguration configuration() {
        if (configuration == null) {
            throw new IllegalStateException("configuration not read yet");
        }
        return configuration;
    }

    /** Reads and checks the configuration; a bad value fails the whole run, naming the key. */
    QualityExecutionContext withConfigurationRead() {
        EngineConfiguration read = EngineConfiguration.from(parameters);
        return new QualityExecutionContext(parameters, read, collector, listener, specInstance,
                AllureOutput.create(read.allure()));
    }

    /** The run's Allure output, made when the configuration is read. */
    AllureOutput allure() {
        if (allure == null) {
            throw new IllegalStateException("configuration not read yet");
        }
        return allure;
    }

    /** A configuration key's value, or null: for settings read outside {@link EngineConfiguration} (exports). */
    String parameter(String key) {
        return parameters.get(key).orElse(null);
    }

    RunCollector collector() {
        return collector;
    }

    EngineExecutionListener listener() {
        return listener;
    }

    Object specInstance() {
        return specInstance;
    }

    QualityExecutionContext withSpecInstance(Object instance) {
        return new QualityExecutionContext(parameters, configuration, collector, listener, instance, allure);
    }
}
