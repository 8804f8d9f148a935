package dev.touchstone.export;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.result.ResultsJson;
import dev.touchstone.result.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Everything a run exports, after its results file is written: {@code metrics.prom} beside it
 * (atomically), the push to the Pushgateway, and {@code results.jsonl}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Exports {

    /** One JSON object per result, for log pipelines (ELK, Loki). */
    public static final String JSON_LINES_FILE = "results.jsonl";

    private Exports() {
    }

    /**
     * Exports the run recorded in {@code resultsFile}; {@code log} gets one line per file written
     * or push sent. A failed push fails, after the files are written.
     *
     * @return the files written
     */
    public static List<Path> afterRun(Path resultsFile, ExportSettings settings, Consumer<String> log) {
        RunResults results = ResultsJson.read(resultsFile);
        Path directory = resultsFile.toAbsolutePath().getParent();
        List<Path> written = new ArrayList<>();
        String exposition = PrometheusExposition.render(results);
        if (settings.prometheus()) {
            Path file = directory.resolve(PrometheusExposition.FILE_NAME);
            write(file, exposition);
            written.add(file);
            log.accept("Prometheus metrics written to " + file);
        }
        if (settings.jsonLines()) {
            Path file = directory.resolve(JSON_LINES_FILE);
            ResultsJson.writeLines(file, results);
            written.add(file);
            log.accept("results written as JSON lines to " + file);
        }
        if (settings.pushgateway().isPresent()) {
            Pushgateway.push(settings, exposition);
            log.accept("metrics pushed to " + Pushgateway.groupUrl(settings.pushgateway().get(), settings.job(),
                    settings.instance()));
        }
        return written;
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
