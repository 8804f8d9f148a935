package dev.touchstone.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Writes a synthetic log of a binary classifier's predictions as CSV:
 * {@code id,label,predicted,score,camera,weather}.
 *
 * <ul>
 *   <li>{@code label}: 0/1, about 30% positives (the rate varies a little by camera);</li>
 *   <li>{@code score}: logistic of a normal whose mean depends on the label; the separation is
 *       weaker in bad weather and on some cameras, so slices really differ in quality;
 *       six decimals;</li>
 *   <li>{@code predicted}: {@code score >= 0.5}, flipped for 2% of the rows (label noise of a
 *       post-processing step);</li>
 *   <li>{@code camera}: 5 values, {@code weather}: 4 values, uneven sizes.</li>
 * </ul>
 *
 * <p>Deterministic for a seed (one {@link SplittableRandom}, one draw order per row). Rows are
 * encoded straight to bytes into a 1 MiB buffer, without {@code String.format}: 10 million rows
 * take a few seconds. The file is written next to the target and then moved into place, so a
 * half-written file is never left under the final name.
 *
 * <p>Usage: {@code GenerateData <rows> <output.csv> [seed]} (seed defaults to 42).
 */
public final class GenerateData {

    static final String HEADER = "id,label,predicted,score,camera,weather\n";

    static final String[] CAMERAS = {"front", "rear", "left", "right", "roof"};
    static final double[] CAMERA_SHARE = {0.40, 0.25, 0.15, 0.12, 0.08};
    static final double[] CAMERA_POSITIVE_RATE = {0.32, 0.29, 0.30, 0.27, 0.25};
    static final double[] CAMERA_SEPARATION = {1.00, 0.95, 0.90, 0.90, 0.75};

    static final String[] WEATHERS = {"clear", "cloudy", "rain", "fog"};
    static final double[] WEATHER_SHARE = {0.50, 0.25, 0.17, 0.08};
    static final double[] WEATHER_SEPARATION = {1.00, 0.95, 0.80, 0.60};

    /** Mean of the latent normal is {@code ±BASE_SEPARATION * factors + BIAS}, sd 1. */
    static final double BASE_SEPARATION = 1.0;
    static final double BIAS = -0.2;
    static final double FLIP_RATE = 0.02;

    private GenerateData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GenerateData <rows> <output.csv> [seed]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0].replace("_", ""));
        Path output = Path.of(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : 42L;
        long start = System.nanoTime();
        long bytes = generate(rows, output, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("wrote %,d rows (%,d bytes) to %s in %.2f s (seed %d)%n",
                rows, bytes, output, seconds, seed);
    }

    /** Writes {@code rows} rows to {@code output}; returns the number of bytes written. */
    public static long generate(long rows, Path output, long seed) throws IOException {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0 but was " + rows);
        }
        Path absolute = output.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = absolute.resolveSibling(absolute.getFileName() + ".part");
        long written;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            written = write(rows, seed, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    static long write(long rows, long seed, OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] cameraBytes = ascii(CAMERAS);
        byte[][] weatherBytes = ascii(WEATHERS);
        double[] cameraCdf = cdf(CAMERA_SHARE);
        double[] weatherCdf = cdf(WEATHER_SHARE);

        RowBuffer buf = new RowBuffer(out, 1 << 20);
        buf.ascii(HEADER);
        for (long id = 0; id < rows; id++) {
            int camera = pick(cameraCdf, random.nextDouble());
            int weather = pick(weatherCdf, random.nextDouble());
            boolean positive = random.nextDouble() < CAMERA_POSITIVE_RATE[camera];
            double separation = BASE_SEPARATION * CAMERA_SEPARATION[camera] * WEATHER_SEPARATION[weather];
            double latent = (positive ? separation : -separation) + BIAS + random.nextGaussian();
            double score = 1.0 / (1.0 + Math.exp(-latent));
            long micros = Math.round(score * 1_000_000d);          // six decimals, 0..1_000_000
            boolean predicted = micros >= 500_000;                   // on the value as written
            if (random.nextDouble() < FLIP_RATE) {
                predicted = !predicted;
            }

            buf.ensure(64);
            buf.digits(id);
            buf.put((byte) ',');
            buf.put(positive ? (byte) '1' : (byte) '0');
            buf.put((byte) ',');
            buf.put(predicted ? (byte) '1' : (byte) '0');
            buf.put((byte) ',');
            buf.micros(micros);
            buf.put((byte) ',');
            buf.put(cameraBytes[camera]);
            buf.put((byte) ',');
            buf.put(weatherBytes[weather]);
            buf.put((byte) '\n');
        }
        buf.flush();
        return buf.total;
    }

    private static int pick(double[] cdf, double u) {
        for (int i = 0; i < cdf.length - 1; i++) {
            if (u < cdf[i]) {
                return i;
            }
        }
        return cdf.length - 1;
    }

    private static double[] cdf(double[] shares) {
        double[] cdf = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            cdf[i] = sum;
        }
        return cdf;
    }

    private static byte[][] ascii(String[] values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** A byte buffer with the few encoders a row needs. */
    private static final class RowBuffer {
        private final OutputStream out;
        private final byte[] bytes;
        private final byte[] scratch = new byte[20];
        private int pos;
        long total;

        RowBuffer(OutputStream out, int capacity) {
            this.out = out;
            this.bytes = new byte[capacity];
        }

        void ensure(int room) throws IOException {
            if (bytes.length - pos < room) {
                flush();
            }
        }

        void flush() throws IOException {
            out.write(bytes, 0, pos);
            total += pos;
            pos = 0;
        }

        void put(byte b) {
            bytes[pos++] = b;
        }

        void put(byte[] b) {
            System.arraycopy(b, 0, bytes, pos, b.length);
            pos += b.length;
        }

        void ascii(String s) throws IOException {
            ensure(s.length());
            put(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        /** A non-negative long in decimal. */
        void digits(long value) {
            int n = 0;
            do {
                scratch[n++] = (byte) ('0' + (value % 10));
                value /= 10;
            } while (value != 0);
            while (n > 0) {
                bytes[pos++] = scratch[--n];
            }
        }

        /** {@code micros / 1e6} with exactly six decimals: 0.000123, 1.000000. */
        void micros(long micros) {
            bytes[pos++] = micros >= 1_000_000 ? (byte) '1' : (byte) '0';
            bytes[pos++] = '.';
            long frac = micros >= 1_000_000 ? 0 : micros;
            for (int i = 5; i >= 0; i--) {
                bytes[pos + i] = (byte) ('0' + (frac % 10));
                frac /= 10;
            }
            pos += 6;
        }
    }
}
