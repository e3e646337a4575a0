package fr.infocentre.warehouse.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent attacks run side by side: one thread per core unless the system property
 * {@code infocentre.audit.threads} says otherwise (each attack holds a rapport's public view, so
 * fewer threads need less memory). Results come in the order of the inputs, whatever the threads.
 */
final class Parallel {

    private Parallel() {
    }

    static int threads() {
        return Math.max(1, Integer.getInteger("infocentre.audit.threads", Runtime.getRuntime().availableProcessors()));
    }

    static <T, R> List<R> map(List<T> inputs, Function<T, R> task) {
        int threads = Math.min(threads(), inputs.size());
        if (threads <= 1) {
            return inputs.stream().map(task).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> task.apply(input)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
