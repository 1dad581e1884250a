package ai.tradesense.domain.model;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items the entries of this page
 * @param page  zero-based page number
 * @param size  the page size asked for
 * @param total entries across all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
