package fr.infocentre.etl.generator;

import java.util.SplittableRandom;

/** Small random-draw helpers over a {@link SplittableRandom}; no state of their own. */
final class Draw {

    private Draw() {
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** Uniform integer in [min, max], both included. */
    static int between(SplittableRandom rng, int min, int max) {
        return min + rng.nextInt(max - min + 1);
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller, one value per call: simple and deterministic.
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(rng));
    }

    /** Index drawn from unnormalised weights. */
    static int index(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <E> E pick(SplittableRandom rng, E[] values, double[] weights) {
        return values[index(rng, weights)];
    }

    /** Mixes a seed and an index into an independent 64-bit seed (SplitMix64 finaliser). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
