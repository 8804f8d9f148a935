package dev.touchstone.report.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The identity of a statement's result on a slice across runs: spec, check, slice, metric, the
 * kind of expectation, and which occurrence of these it is within its check (two statements on
 * the same slice, metric and kind). The engine and the report goal derive it the same way, the
 * engine from the statements it judged and the report goal from {@code results.json}, whose
 * entries are in the same order.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class AllureKeys {

    /** The label that carries the key on an Allure result. */
    public static final String LABEL = "touchstoneKey";

    private AllureKeys() {
    }

    /** Hands out keys in results order, numbering repeats of the same spec, check, slice, metric and kind. */
    public static final class Counter {
        private final Map<String, Integer> seen = new HashMap<>();

        public String next(String spec, String check, String slice, String metric, String kind) {
            String base = spec + "#" + check + "|" + slice + "|" + metric + "|" + kind;
            int occurrence = seen.merge(base, 1, Integer::sum) - 1;
            return base + "|" + occurrence;
        }
    }

    /** Allure's {@code historyId} (and {@code testCaseId}) of a key: its MD5, in hex, as Allure's own adapters do. */
    public static String historyId(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }
}
