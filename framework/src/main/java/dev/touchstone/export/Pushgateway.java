package dev.touchstone.export;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.Secret;
import dev.touchstone.config.internal.SecretAccess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Pushes an exposition to a Prometheus Pushgateway: {@code PUT <url>/metrics/job/<job>[/instance/<instance>]},
 * which replaces every metric of that group, so a run's results never mix with an earlier run's.
 * Credentials go in the {@code Authorization} header only and never into a message.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Pushgateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Pushgateway() {
    }

    /** The URL of the group a push replaces. */
    public static URI groupUrl(URI base, String job, Optional<String> instance) {
        String root = base.toString().replaceAll("/+$", "");
        StringBuilder path = new StringBuilder(root).append("/metrics/job/").append(encode(job));
        instance.ifPresent(i -> path.append("/instance/").append(encode(i)));
        return URI.create(path.toString());
    }

    /** Pushes {@code exposition}; a failure names the URL and the status, never a credential. */
    public static void push(ExportSettings settings, String exposition) {
        URI base = settings.pushgateway().orElseThrow();
        URI url = groupUrl(base, settings.job(), settings.instance());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(exposition, StandardCharsets.UTF_8));
        settings.token().ifPresent(t -> request.header("Authorization", "Bearer " + reveal(t)));
        settings.username().ifPresent(user -> request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + reveal(settings.password().orElseThrow())).getBytes(StandardCharsets.UTF_8))));
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new QualityConfigurationException("could not push the metrics to the Pushgateway at " + url + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QualityConfigurationException("interrupted while pushing the metrics to " + url, e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new QualityConfigurationException("the Pushgateway at " + url + " refused the metrics: HTTP "
                    + response.statusCode() + (body.isEmpty() ? "" : ": " + abbreviate(body)));
        }
    }

    private static String reveal(Secret secret) {
        return SecretAccess.reveal(secret);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
