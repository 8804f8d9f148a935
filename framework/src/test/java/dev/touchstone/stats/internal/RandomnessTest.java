package dev.touchstone.stats.internal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RandomnessTest {

    /**
     * Golden values: the first outputs of {@code stream(seed, key)}, computed by an independent
     * Python transcription of the documented derivation (SplitMix64 hashing of seed and UTF-8 key,
     * two SplitMix64 outputs as the state, then XoRoShiRo128++ as published by Blackman and
     * Vigna). They pin the reproducibility contract: if they change, every user's bootstrap
     * intervals change.
     */
    static Stream<Arguments> golden() {
        return Stream.of(
                Arguments.of(42L, "spec#check[camera=front]",
                        new long[] {-6772028802685775715L, 8602051603452221994L, -775400897091522889L, -1724066561128221002L}),
                Arguments.of(0L, "",
                        new long[] {-143166025920463668L, 5407951765014931951L, 3314699416675182216L, -343837652761245784L}),
                Arguments.of(-1L, "ünïcødé ✓",
                        new long[] {789353760099065986L, 7340016674910611263L, -3898103327307755443L, 1186358036063414079L}));
    }

    @ParameterizedTest
    @MethodSource("golden")
    void producesTheDocumentedStream(long seed, String key, long[] expected) {
        UniformRandomProvider rng = Randomness.stream(seed, key);
        long[] actual = new long[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = rng.nextLong();
        }
        assertThat(actual).containsExactly(expected);
    }

    @Test
    void sameSeedAndKeyGiveTheSameNumbers() {
        UniformRandomProvider a = Randomness.stream(42, "check-1");
        UniformRandomProvider b = Randomness.stream(42, "check-1");
        for (int i = 0; i < 10_000; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void differentKeysOrSeedsGiveUnrelatedStreams() {
        Set<Long> firstOutputs = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            firstOutputs.add(Randomness.stream(42, "check-" + i).nextLong());
            firstOutputs.add(Randomness.stream(i, "check").nextLong());
        }
        assertThat(firstOutputs).hasSize(40_000);
        assertThat(Randomness.stream(1, "a").nextLong()).isNotEqualTo(Randomness.stream(1, "a\0").nextLong());
    }

    @Test
    void streamsAreUncorrelated() {
        UniformRandomProvider a = Randomness.stream(42, "x");
        UniformRandomProvider b = Randomness.stream(42, "y");
        int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (a.nextDouble() - 0.5) * (b.nextDouble() - 0.5);
        }
        // correlation estimate: sd of each product term is 1/12, so 12 * sum / n has sd 1/sqrt(n)
        assertThat(Math.abs(12 * sum / n)).isLessThan(5 / Math.sqrt(n));
    }

    @Test
    void rejectsNullKey() {
        assertThatNullPointerException().isThrownBy(() -> Randomness.stream(1, null)).withMessage("key must not be null");
    }
}
