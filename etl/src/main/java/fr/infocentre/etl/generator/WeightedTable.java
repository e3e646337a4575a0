package fr.infocentre.etl.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Immutable weighted sample over a list, drawn by binary search on cumulative weights. */
final class WeightedTable<T> {

    private final List<T> items;
    private final Object[] array;
    private final double[] cumulative;

    WeightedTable(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("weighted table needs one positive weight per item");
        }
        this.items = List.copyOf(items);
        this.array = items.toArray();
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weighted table has a zero total weight");
        }
    }

    @SuppressWarnings("unchecked")
    T draw(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (T) array[lo];
    }

    double totalWeight() {
        return cumulative[cumulative.length - 1];
    }

    List<T> items() {
        return items;
    }
}
