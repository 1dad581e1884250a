package ai.tradesense.interfaces.rest.exports;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import ai.tradesense.application.export.RawJson;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.PlainNumber;

/**
 * How an export is written: CSV per RFC 4180 (a header row, CRLF line ends, a field quoted when it holds a
 * comma, quote or line break, quotes doubled, an absent value empty) or JSON lines (one object per line,
 * an absent value null). Money is a plain exact decimal, instants UTC ISO-8601 in both.
 */
enum ExportFormat {

    CSV("text/csv") {
        @Override
        void header(Writer out, List<String> columns) throws IOException {
            out.write(csvLine(columns.stream().map(c -> (Object) c).toList()));
        }

        @Override
        void row(Writer out, List<String> columns, List<Object> row) throws IOException {
            out.write(csvLine(row));
        }
    },
    JSONL("application/x-ndjson") {
        @Override
        void header(Writer out, List<String> columns) {
            // JSON lines name each value in its own line.
        }

        @Override
        void row(Writer out, List<String> columns, List<Object> row) throws IOException {
            JsonObjectBuilder line = Json.createObjectBuilder();
            for (int i = 0; i < columns.size(); i++) {
                line.add(columns.get(i), json(row.get(i)));
            }
            out.write(line.build().toString());
            out.write('\n');
        }
    };

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    abstract void header(Writer out, List<String> columns) throws IOException;

    abstract void row(Writer out, List<String> columns, List<Object> row) throws IOException;

    static String csvLine(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvField(text(values.get(i))));
        }
        return line.append("\r\n").toString();
    }

    static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** A value as CSV text: empty when absent, money plain without trailing zeros. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return plain(decimal).toPlainString();
        }
        if (value instanceof RawJson raw) {
            return raw.text();
        }
        return value instanceof Instant instant ? instant.toString() : value.toString();
    }

    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof BigDecimal decimal) {
            return PlainNumber.of(plain(decimal));
        }
        if (value instanceof Long number) {
            return Json.createValue(number);
        }
        if (value instanceof RawJson raw) {
            try (JsonReader reader = Json.createReader(new StringReader(raw.text()))) {
                return reader.readValue();
            }
        }
        return Json.createValue(text(value));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
