package com.example.langdetect.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Apache OpenNLP's language detector ({@code langdetect-183.bin} from the
 * {@code opennlp-models-langdetect} jar, read from the classpath): a text in, an ISO 639-3 code and
 * its confidence out. The model is loaded once per JVM; {@link LanguageDetectorME} is not
 * documented as thread-safe, so each thread gets its own over the shared model.
 */
public final class LanguageDetector {

    /** The model file inside the opennlp-models-langdetect jar. */
    public static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** The version of the model, as the jar's model.properties gives it. */
    public static final String MODEL_VERSION = "1.8.3";

    /** One prediction: an ISO 639-3 code such as {@code eng}, and the model's confidence in it. */
    public record Detection(String language, double confidence) {
    }

    private static volatile LanguageDetector shared;

    private final ThreadLocal<LanguageDetectorME> detectors;

    private LanguageDetector(LanguageDetectorModel model) {
        this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    /** The detector over the model from the classpath, loaded on first use (about a second). */
    public static LanguageDetector shared() {
        LanguageDetector detector = shared;
        if (detector == null) {
            synchronized (LanguageDetector.class) {
                detector = shared;
                if (detector == null) {
                    detector = new LanguageDetector(load());
                    shared = detector;
                }
            }
        }
        return detector;
    }

    private static LanguageDetectorModel load() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the language detection model " + MODEL_RESOURCE
                        + " is not on the classpath: add org.apache.opennlp:opennlp-models-langdetect");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language detection model " + MODEL_RESOURCE, e);
        }
    }

    public Detection detect(String text) {
        Language best = detectors.get().predictLanguage(text);
        return new Detection(best.getLang(), best.getConfidence());
    }
}
