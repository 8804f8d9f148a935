package dev.touchstone.metric.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnorderedDigestTest {

    static String digest(List<String[]> rows) {
        UnorderedDigest digest = new UnorderedDigest();
        rows.forEach(r -> digest.add(r[0], r[1]));
        return digest.finish();
    }

    static List<String[]> rows(int n) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {"id-" + i, i % 3 == 0 ? "cat" : "dog"});
        }
        return rows;
    }

    @Test
    void every_order_of_the_same_rows_gives_the_same_digest() {
        List<String[]> rows = rows(1000);
        String first = digest(rows);
        Collections.shuffle(rows, new Random(7));
        assertThat(digest(rows)).isEqualTo(first).startsWith("sha256:").hasSize(7 + 64);
        Collections.reverse(rows);
        assertThat(digest(rows)).isEqualTo(first);
    }

    @Test
    void a_changed_added_or_removed_row_changes_the_digest() {
        List<String[]> rows = rows(1000);
        String first = digest(rows);
        List<String[]> changed = new ArrayList<>(rows);
        changed.set(500, new String[] {"id-500", "cat"});
        List<String[]> added = new ArrayList<>(rows);
        added.add(new String[] {"id-1000", "dog"});
        List<String[]> repeated = new ArrayList<>(rows);
        repeated.add(rows.get(3));
        assertThat(List.of(digest(changed), digest(added), digest(rows.subList(0, 999)), digest(repeated)))
                .doesNotContain(first).doesNotHaveDuplicates();
        // the id's length keeps "a,b" + "c" apart from "a" + "b,c"; a missing label from "null"
        assertThat(digest(List.<String[]>of(new String[] {"a,b", "c"})))
                .isNotEqualTo(digest(List.<String[]>of(new String[] {"a", "b,c"})));
    }

    @Test
    void the_sum_carries_across_words_as_a_256_bit_number() throws Exception {
        List<String[]> rows = rows(5000);
        BigInteger sum = BigInteger.ZERO;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String[] r : rows) {
            byte[] hash = sha.digest((r[0].length() + ":" + r[0] + "," + r[1]).getBytes(StandardCharsets.UTF_8));
            byte[] bigEndian = new byte[32];
            for (int i = 0; i < 32; i++) {
                bigEndian[i] = hash[31 - i];
            }
            sum = sum.add(new BigInteger(1, bigEndian));
        }
        sum = sum.mod(BigInteger.TWO.pow(256));
        byte[] be = sum.toByteArray();
        byte[] littleEndian = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            byte b = be[be.length - 1 - i];
            littleEndian[i] = b;
        }
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        expected.update(("unordered\n" + rows.size() + "\n").getBytes(StandardCharsets.UTF_8));
        expected.update(littleEndian);
        assertThat(digest(rows)).isEqualTo("sha256:" + HexFormat.of().formatHex(expected.digest()));
    }
}
