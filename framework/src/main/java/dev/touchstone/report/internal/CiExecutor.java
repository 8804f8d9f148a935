package dev.touchstone.report.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Allure's {@code executor.json} on a CI server: which server, which build, and a link to it,
 * from the variables GitHub Actions, GitLab CI and Jenkins set. Only those named variables are
 * read, never the whole environment; links lose any user info, query and fragment, so a token
 * in a URL does not reach the report.
 *
 * @param type       Allure's icon: {@code github}, {@code gitlab} or {@code jenkins}
 * @param buildOrder the build number, which orders Allure's history
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record CiExecutor(String name, String type, @Nullable String url, @Nullable Long buildOrder,
        @Nullable String buildName, @Nullable String buildUrl) {

    /** The CI server the variables describe, if any. */
    public static Optional<CiExecutor> detect(Function<String, String> env) {
        if ("true".equalsIgnoreCase(env.apply("GITHUB_ACTIONS"))) {
            String server = orDefault(env.apply("GITHUB_SERVER_URL"), "https://github.com");
            String repository = env.apply("GITHUB_REPOSITORY");
            String project = repository == null ? null : server + "/" + repository;
            String number = env.apply("GITHUB_RUN_NUMBER");
            String run = env.apply("GITHUB_RUN_ID");
            return Optional.of(new CiExecutor("GitHub Actions", "github", link(project), number(number),
                    join(env.apply("GITHUB_WORKFLOW"), number),
                    project == null || run == null ? null : link(project + "/actions/runs/" + run)));
        }
        if ("true".equalsIgnoreCase(env.apply("GITLAB_CI"))) {
            String number = orDefault(env.apply("CI_PIPELINE_IID"), env.apply("CI_PIPELINE_ID"));
            String name = join(env.apply("CI_PROJECT_PATH"), number);
            String job = env.apply("CI_JOB_NAME");
            return Optional.of(new CiExecutor("GitLab CI", "gitlab", link(env.apply("CI_PROJECT_URL")), number(number),
                    job == null || name == null ? name : name + " / " + job,
                    link(orDefault(env.apply("CI_JOB_URL"), env.apply("CI_PIPELINE_URL")))));
        }
        if (env.apply("JENKINS_URL") != null || env.apply("JENKINS_HOME") != null && env.apply("BUILD_URL") != null) {
            String number = env.apply("BUILD_NUMBER");
            return Optional.of(new CiExecutor("Jenkins", "jenkins", link(env.apply("JENKINS_URL")), number(number),
                    orDefault(join(env.apply("JOB_NAME"), number), env.apply("BUILD_TAG")), link(env.apply("BUILD_URL"))));
        }
        return Optional.empty();
    }

    /** A link without user info, query or fragment; null if it is not an absolute http(s) URL. */
    static @Nullable String link(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return null;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static @Nullable Long number(@Nullable String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String join(@Nullable String name, @Nullable String number) {
        if (name == null || name.isBlank()) {
            return number == null ? null : "#" + number;
        }
        return number == null ? name : name + " #" + number;
    }

    private static @Nullable String orDefault(@Nullable String value, @Nullable String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
