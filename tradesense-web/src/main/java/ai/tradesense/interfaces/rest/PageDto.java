package ai.tradesense.interfaces.rest;

import java.util.List;

import ai.tradesense.domain.model.Page;

/** One page of a list, as every list endpoint answers it. */
public record PageDto<T>(List<T> items, int page, int size, long total) {

    public static <T> PageDto<T> of(Page<T> page) {
        return new PageDto<>(page.items(), page.page(), page.size(), page.total());
    }
}
