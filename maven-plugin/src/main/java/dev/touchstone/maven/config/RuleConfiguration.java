package dev.touchstone.maven.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <rule><slices>camera=*</slices><limits>...</limits></rule>}: limits every result on the
 * matching slices must meet. {@code slices} holds comma-separated glob patterns; absent means
 * every slice.
 */
public class RuleConfiguration {

    private String slices;
    private List<LimitConfiguration> limits = new ArrayList<>();

    public RuleConfiguration() {
    }

    public RuleConfiguration(String slices, List<LimitConfiguration> limits) {
        this.slices = slices;
        this.limits = new ArrayList<>(limits);
    }

    public String getSlices() {
        return slices;
    }

    public void setSlices(String slices) {
        this.slices = slices;
    }

    public List<LimitConfiguration> getLimits() {
        return limits;
    }

    public void setLimits(List<LimitConfiguration> limits) {
        this.limits = limits;
    }
}
