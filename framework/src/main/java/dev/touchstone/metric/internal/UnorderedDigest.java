package dev.touchstone.metric.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The fingerprint of examples whose rows come in no fixed order (a table or query on a
 * database without {@code ORDER BY}): each example's SHA-256 over its id and label, summed
 * modulo 2^256, so every order of the same rows gives the same digest and a changed, added or
 * removed row gives another. Only for data with ids, whose pairing does not depend on the order.
 */
final class UnorderedDigest {

    private final MessageDigest row = sha256();
    private final long[] sum = new long[4]; // little-endian 64-bit words
    private long count;

    /** Adds one example; the id's length comes first, so no id and label run into another pair. */
    void add(String id, @Nullable String label) {
        row.update((id.length() + ":" + id + "," + label).getBytes(StandardCharsets.UTF_8));
        byte[] hash = row.digest();
        long carry = 0;
        for (int w = 0; w < 4; w++) {
            long word = 0;
            for (int b = 0; b < 8; b++) {
                word |= (hash[w * 8 + b] & 0xFFL) << (8 * b);
            }
            long total = sum[w] + word;
            long next = Long.compareUnsigned(total, sum[w]) < 0 ? 1 : 0;
            total += carry;
            next |= carry == 1 && total == 0 ? 1 : 0;
            sum[w] = total;
            carry = next;
        }
        count++;
    }

    /** {@code sha256:} and the hex digest of the row count and the sum. */
    String finish() {
        MessageDigest digest = sha256();
        digest.update(("unordered\n" + count + "\n").getBytes(StandardCharsets.UTF_8));
        for (long word : sum) {
            for (int b = 0; b < 8; b++) {
                digest.update((byte) (word >>> (8 * b)));
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
