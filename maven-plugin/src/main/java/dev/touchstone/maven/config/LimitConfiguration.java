package dev.touchstone.maven.config;

/**
 * {@code <limit><metric>recall</metric><minimum>0.80</minimum></limit>}: a bound on one metric.
 * Values are kept as written; {@link MojoOptionsConverter} parses and validates them.
 */
public class LimitConfiguration {

    private String metric;
    private String minimum;
    private String maximum;
    private String maxRegression;

    public LimitConfiguration() {
    }

    public LimitConfiguration(String metric, String minimum, String maximum, String maxRegression) {
        this.metric = metric;
        this.minimum = minimum;
        this.maximum = maximum;
        this.maxRegression = maxRegression;
    }

    /** The metric as results.json names it: {@code recall}, {@code roc_auc}, {@code f1(macro)}. */
    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    /** The smallest allowed value: {@code 0.8} or {@code 80%}. */
    public String getMinimum() {
        return minimum;
    }

    public void setMinimum(String minimum) {
        this.minimum = minimum;
    }

    /** The largest allowed value: {@code 0.1} or {@code 10%}. */
    public String getMaximum() {
        return maximum;
    }

    public void setMaximum(String maximum) {
        this.maximum = maximum;
    }

    /** The largest allowed worsening against the result's baseline value: {@code 0.01} or {@code 1%}. */
    public String getMaxRegression() {
        return maxRegression;
    }

    public void setMaxRegression(String maxRegression) {
        this.maxRegression = maxRegression;
    }
}
