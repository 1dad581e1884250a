package ai.tradesense.interfaces.rest;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.domain.model.Page;

/** One page of a list, as every list endpoint answers it. */
public record PageDto<T>(List<T> items, int page, int size, long total) {

    public static <T> PageDto<T> of(Page<T> page) {
        return new PageDto<>(page.items(), page.page(), page.size(), page.total());
    }

    /** A page of JSON documents, written as every list endpoint answers: items, page, size, total. */
    public static String json(Page<JsonObject> page) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(items::add);
        return Json.createObjectBuilder().add("items", items).add("page", page.page()).add("size", page.size())
                .add("total", page.total()).build().toString();
    }
}
