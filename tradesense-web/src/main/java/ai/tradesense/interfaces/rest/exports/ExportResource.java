package ai.tradesense.interfaces.rest.exports;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import ai.tradesense.application.export.ExportCursor;
import ai.tradesense.application.export.ExportKind;
import ai.tradesense.application.export.ExportPage;
import ai.tradesense.application.export.ExportQuery;
import ai.tradesense.application.export.ExportService;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.TimeWindow;
import ai.tradesense.interfaces.rest.TimeFilter;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/**
 * {@code GET /exports/{kind}?from=&to=&plan=&format=csv|jsonl}: an export streamed page by page as it is
 * read, so its size never meets the node's memory. The first page is read before the answer starts, so a
 * refused request is still a problem document.
 */
@Path("exports/{kind}")
@Allow({Role.RISK, Role.ADMIN})
public class ExportResource {

    @Inject
    ExportService exports;

    @Inject
    CurrentCaller caller;

    @GET
    public Response export(@PathParam("kind") String kind, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("plan") String plan,
                           @QueryParam("format") String format, @Context HttpHeaders headers) {
        TimeWindow window = TimeFilter.of(from, to);
        ExportQuery query = new ExportQuery(kind(kind), window.from(), window.to(),
                plan == null || plan.isBlank() ? null : plan.strip());
        ExportFormat chosen = format(format, headers.getAcceptableMediaTypes().stream().map(Object::toString).toList());
        Caller signedIn = caller.get();
        ExportPage first = exports.page(signedIn, query, Optional.empty());
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            List<String> columns = query.kind().columns();
            chosen.header(out, columns);
            ExportPage page = first;
            while (true) {
                for (List<Object> row : page.rows()) {
                    chosen.row(out, columns, row);
                }
                Optional<ExportCursor> next = page.next();
                if (next.isEmpty()) {
                    break;
                }
                out.flush();
                page = exports.page(signedIn, query, next);
            }
            out.flush();
        };
        String file = query.kind().name().toLowerCase(Locale.ROOT) + (chosen == ExportFormat.CSV ? ".csv" : ".jsonl");
        return Response.ok(body, chosen.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private static ExportKind kind(String kind) {
        return Arrays.stream(ExportKind.values()).filter(k -> k.name().equalsIgnoreCase(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("no export " + kind));
    }

    /** The format parameter, else the first Accept type that names one, else CSV. */
    static ExportFormat format(String format, List<String> accepted) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> ExportFormat.CSV;
                case "jsonl", "ndjson" -> ExportFormat.JSONL;
                default -> throw InvalidInputException.of("format", Kind.VALUE, "must be csv or jsonl");
            };
        }
        for (String type : accepted) {
            for (ExportFormat candidate : ExportFormat.values()) {
                if (type.startsWith(candidate.mediaType())) {
                    return candidate;
                }
            }
        }
        return ExportFormat.CSV;
    }
}
