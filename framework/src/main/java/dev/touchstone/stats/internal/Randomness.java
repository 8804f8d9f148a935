package dev.touchstone.stats.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apiguardian.api.API;

/**
 * Deterministic, independent random streams: one per (run seed, statement key).
 *
 * <p>Why not one shared generator? With a shared generator every bootstrap would consume numbers
 * left over by whatever ran before it, so results would depend on test execution order, on
 * filtering ({@code -Dtest=...}) and on parallelism. Here each statement (or slice, or any other
 * unit of work) derives its own stream from the run seed ({@code touchstone.seed}) and a stable
 * key, such as its unique id: the same seed and key give the same numbers, bit for bit, on every
 * JVM and in any order.
 *
 * <p>Derivation: the key's UTF-8 bytes and the seed are hashed with the SplitMix64 finalizer
 * (Stafford's "variant 13" mixer, a bijection on 64-bit values with full avalanche); the hash
 * seeds a SplitMix64 sequence whose next two outputs become the 128-bit state of an
 * XoRoShiRo128++ generator (Blackman and Vigna 2021; period 2^128 - 1, passes BigCrush). The two
 * outputs are distinct (SplitMix64's output function is a bijection of distinct successive
 * states), so the state is never all zeros. Different keys land on unrelated states of a
 * 2^128-period generator, which makes overlap between streams practically impossible.
 *
 * <p>This derivation is part of Touchstone's reproducibility contract: changing it changes every
 * bootstrap interval of every user. The golden values in {@code RandomnessTest} guard it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Randomness {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Randomness() {
    }

    /**
     * A generator for the unit of work named {@code key} in the run seeded with {@code seed}.
     * Every call returns a fresh generator at the start of its stream.
     *
     * @param seed the run seed ({@code touchstone.seed})
     * @param key a stable name for the unit of work, such as a check's unique id and slice
     * @throws NullPointerException if {@code key} is null
     */
    public static UniformRandomProvider stream(long seed, String key) {
        Objects.requireNonNull(key, "key must not be null");
        long state = streamSeed(seed, key);
        // The first two outputs of a SplitMix64 generator whose state is the hash.
        long s0 = mix(state + GOLDEN_GAMMA);
        long s1 = mix(state + 2 * GOLDEN_GAMMA);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    /** The 64-bit hash of (seed, key) that seeds the stream. */
    static long streamSeed(long seed, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        long h = mix(seed ^ GOLDEN_GAMMA);
        for (byte b : bytes) {
            h = mix(h ^ (b & 0xFFL));
            h += GOLDEN_GAMMA;
        }
        // Finish with the length: domain separation between keys of different lengths.
        return mix(h ^ bytes.length);
    }

    /** SplitMix64 finalizer (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
