package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where per-example outcome files live in a baseline directory, and what they are called:
 * {@code outcomes/<model>@<dataset>-<hash>.csv}, the names percent-escaped (letters and digits of
 * any script stay as they are) and the hash taken over the file's content. Different models
 * never share a file, whatever their names ("fraud v1" and "fraud/v1", two specs' "detector"),
 * and equal outcomes are kept once.
 */
final class OutcomesFiles {

    private static final int HASH_CHARACTERS = 12;
    private static final int MAX_NAME_CHARACTERS = 80;
    // one file name under outcomes/: no separator, not hidden, not "." or ".."
    private static final Pattern CONFINED = Pattern.compile(BaselineStore.OUTCOMES + "/[^/\\\\.\\x00][^/\\\\\\x00]*");

    private OutcomesFiles() {
    }

    /** The path, relative to the baseline directory, of outcomes with content hash {@code hash}. */
    static String name(String model, String dataset, String hash) {
        String readable = escape(model) + "@" + escape(dataset);
        if (readable.length() > MAX_NAME_CHARACTERS) {
            readable = readable.substring(0, MAX_NAME_CHARACTERS);
        }
        return BaselineStore.OUTCOMES + "/" + readable + "-" + hash + ".csv";
    }

    /** The first characters of the SHA-256 of a file's bytes. */
    static String hash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a path written in {@code baseline.json} names a file under {@code outcomes/}, and nothing else. */
    static boolean isConfined(String relative) {
        return CONFINED.matcher(relative).matches();
    }

    /**
     * The outcomes file an entry names, inside {@code directory}: a path that leads elsewhere,
     * also through a symbolic link, fails.
     */
    static Path resolve(Path directory, String relative) {
        if (!isConfined(relative)) {
            throw new QualityConfigurationException("baseline outcomes '" + relative + "' are outside the baseline "
                    + "directory " + directory + ": expected a file name under " + BaselineStore.OUTCOMES + "/");
        }
        Path file = directory.resolve(relative);
        try {
            if (Files.exists(file) && !file.toRealPath().startsWith(directory.toRealPath())) {
                throw new QualityConfigurationException("baseline outcomes " + file + " lead outside the baseline "
                        + "directory " + directory + " (a symbolic link?)");
            }
        } catch (IOException e) {
            throw new QualityConfigurationException("cannot read baseline outcomes " + file + ": " + e, e);
        }
        return file;
    }

    // Letters and digits of any script, '.', '_' and '-' stay; everything else becomes %XX (UTF-8).
    private static String escape(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean plain = Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.' && i > 0;
            if (plain) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
