package dev.touchstone.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Allure's executor.json from the variables of GitHub Actions, GitLab CI and Jenkins; never a secret. */
class CiExecutorTest {

    @Test
    void github_actions_links_the_run() {
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/detector", "GITHUB_RUN_NUMBER", "17", "GITHUB_RUN_ID", "9001",
                "GITHUB_WORKFLOW", "quality", "GITHUB_TOKEN", "ghs_secret");
        CiExecutor executor = CiExecutor.detect(env::get).orElseThrow();
        assertThat(executor.type()).isEqualTo("github");
        assertThat(executor.buildOrder()).isEqualTo(17L);
        assertThat(executor.buildName()).isEqualTo("quality #17");
        assertThat(executor.buildUrl()).isEqualTo("https://github.com/acme/detector/actions/runs/9001");
        assertThat(new String(AllureJson.executor(executor), StandardCharsets.UTF_8)).doesNotContain("ghs_secret");
    }

    @Test
    void gitlab_and_jenkins_are_recognised() {
        assertThat(CiExecutor.detect(Map.of("GITLAB_CI", "true", "CI_PIPELINE_IID", "5", "CI_PROJECT_PATH", "acme/detector",
                "CI_JOB_URL", "https://gitlab.example.com/acme/detector/-/jobs/77")::get))
                .hasValueSatisfying(e -> {
                    assertThat(e.type()).isEqualTo("gitlab");
                    assertThat(e.buildUrl()).isEqualTo("https://gitlab.example.com/acme/detector/-/jobs/77");
                });
        assertThat(CiExecutor.detect(Map.of("JENKINS_URL", "https://ci.example.com/", "BUILD_NUMBER", "3",
                "JOB_NAME", "detector", "BUILD_URL", "https://ci.example.com/job/detector/3/")::get))
                .hasValueSatisfying(e -> {
                    assertThat(e.type()).isEqualTo("jenkins");
                    assertThat(e.buildName()).isEqualTo("detector #3");
                });
    }

    @Test
    void credentials_queries_and_fragments_never_reach_a_link() {
        Map<String, String> env = Map.of("JENKINS_URL", "https://admin:hunter2@ci.example.com/",
                "BUILD_URL", "https://ci.example.com/job/x/3/?token=abc#frag");
        CiExecutor executor = CiExecutor.detect(env::get).orElseThrow();
        String json = new String(AllureJson.executor(executor), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("hunter2", "admin", "token=abc", "frag");
        assertThat(executor.buildUrl()).isEqualTo("https://ci.example.com/job/x/3/");
    }

    @Test
    void no_executor_off_ci() {
        assertThat(CiExecutor.detect(Map.<String, String>of()::get)).isEmpty();
    }
}
