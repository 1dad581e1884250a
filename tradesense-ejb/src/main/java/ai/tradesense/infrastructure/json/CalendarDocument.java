package ai.tradesense.infrastructure.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.rules.CalendarEntry;

/**
 * Economic calendar entries {@code {id, at, title, impact, symbols}} as JSON, and the CSV import format
 * (header {@code at,title,impact,symbols}, symbols separated by spaces or {@code |}); every problem named by
 * its path ({@code [2].impact}, {@code calendar[0].at}, {@code lines[3].at} for the fourth line).
 */
public final class CalendarDocument {

    private static final Set<String> FIELDS = Set.of("id", "at", "title", "impact", "symbols");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/-]{1,32}");
    private static final Pattern SEPARATORS = Pattern.compile("[ |]+");
    private static final int MAX_SYMBOLS = 50;

    private CalendarDocument() {
    }

    /** One entry; its id, if any, is ignored (the store gives ids). Null with violations when wrong. */
    public static CalendarEntry read(StrictJson json, JsonValue value, String path) {
        StrictJson.Obj o = json.object(value, path, FIELDS);
        if (o == null) {
            return null;
        }
        int before = json.violationCount();
        Instant at = instant(json, o.path("at"), o.string("at", true, null));
        String title = title(json, o.path("title"), o.string("title", true, null));
        CalendarEntry.Impact impact = o.enumValue("impact", CalendarEntry.Impact.class, null);
        if (!o.has("impact")) {
            json.violation(o.path("impact"), Kind.VALUE, "is required: LOW, MEDIUM or HIGH");
        }
        Set<String> symbols = new LinkedHashSet<>();
        JsonValue raw = o.raw("symbols");
        if (raw instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                String p = o.path("symbols") + "[" + i + "]";
                if (array.get(i) instanceof JsonString s) {
                    symbol(json, p, s.getString(), symbols);
                } else {
                    json.violation(p, Kind.TYPE, "must be a string");
                }
            }
            atLeastOne(json, o.path("symbols"), symbols);
        } else if (raw instanceof JsonString s) {
            symbols(json, o.path("symbols"), s.getString(), symbols);
        } else {
            json.violation(o.path("symbols"), raw == null ? Kind.VALUE : Kind.TYPE,
                    "is required: an array of symbols, e.g. [\"EURUSD\", \"US30\"]");
        }
        return json.violationCount() > before ? null
                : new CalendarEntry(o.has("id") ? o.string("id", false, null) : null, at, title, impact, symbols);
    }

    /** Entries of a JSON array at {@code path} (e.g. a simulation's {@code calendar}). */
    public static List<CalendarEntry> readAll(StrictJson json, JsonArray array, String path) {
        List<CalendarEntry> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            entries.add(read(json, array.get(i), path + "[" + i + "]"));
        }
        return entries;
    }

    /** One entry read from a request body, throwing every problem at once. */
    public static CalendarEntry read(String body) {
        StrictJson json = new StrictJson();
        CalendarEntry entry = read(json, StrictJson.parse(body), "");
        json.throwIfInvalid();
        return entry;
    }

    /**
     * The CSV import: a header {@code at,title,impact,symbols} then one entry a line; a title holding a comma is
     * quoted ("…", a quote doubled inside). {@code path} prefixes every problem ({@code lines[n]}, n from 0 for
     * the header).
     */
    public static List<CalendarEntry> readCsv(StrictJson json, String text, String path) {
        List<CalendarEntry> entries = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        String header = lines.length == 0 ? "" : lines[0].strip().replace("\uFEFF", "");
        if (!header.equalsIgnoreCase("at,title,impact,symbols")) {
            json.violation(path + "lines[0]", Kind.VALUE, "the header must be at,title,impact,symbols");
            return entries;
        }
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String p = path + "lines[" + n + "]";
            List<String> cells = cells(lines[n]);
            if (cells.size() != 4) {
                json.violation(p, Kind.VALUE, "needs 4 cells (at,title,impact,symbols), has " + cells.size());
                continue;
            }
            int before = json.violationCount();
            Instant at = instant(json, p + ".at", cells.get(0).strip());
            String title = title(json, p + ".title", cells.get(1).strip());
            CalendarEntry.Impact impact = null;
            try {
                impact = CalendarEntry.Impact.valueOf(cells.get(2).strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                json.violation(p + ".impact", Kind.VALUE, "must be one of [LOW, MEDIUM, HIGH]");
            }
            Set<String> symbols = new LinkedHashSet<>();
            symbols(json, p + ".symbols", cells.get(3), symbols);
            if (json.violationCount() == before) {
                entries.add(new CalendarEntry(null, at, title, impact, symbols));
            }
        }
        return entries;
    }

    /** The CSV import, throwing every problem at once. */
    public static List<CalendarEntry> readCsv(String text) {
        StrictJson json = new StrictJson();
        List<CalendarEntry> entries = readCsv(json, text, "");
        json.throwIfInvalid();
        return entries;
    }

    public static JsonObject write(CalendarEntry entry) {
        JsonArrayBuilder symbols = Json.createArrayBuilder();
        entry.symbols().stream().sorted().forEach(symbols::add);
        return Json.createObjectBuilder().add("id", entry.id() == null ? JsonValue.NULL : Json.createValue(entry.id()))
                .add("at", entry.at().toString()).add("title", entry.title()).add("impact", entry.impact().name())
                .add("symbols", symbols).build();
    }

    public static JsonArray write(List<CalendarEntry> entries) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        entries.forEach(e -> array.add(write(e)));
        return array.build();
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>(4);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Instant instant(StrictJson json, String path, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            json.violation(path, Kind.VALUE, "must be an ISO-8601 instant such as 2026-03-06T13:30:00Z");
            return null;
        }
    }

    private static String title(StrictJson json, String path, String title) {
        if (title != null && (title.isBlank() || title.length() > 200)) {
            json.violation(path, Kind.VALUE, "must be 1 to 200 characters");
        }
        return title;
    }

    private static void symbols(StrictJson json, String path, String text, Set<String> into) {
        for (String symbol : SEPARATORS.split(text.strip())) {
            if (!symbol.isEmpty()) {
                symbol(json, path, symbol, into);
            }
        }
        atLeastOne(json, path, into);
    }

    private static void symbol(StrictJson json, String path, String symbol, Set<String> into) {
        if (!SYMBOL.matcher(symbol).matches()) {
            json.violation(path, Kind.VALUE, "'" + symbol + "' is not a symbol (1 to 32 letters, digits, . _ / -)");
        } else if (into.size() == MAX_SYMBOLS) {
            json.violation(path, Kind.VALUE, "at most " + MAX_SYMBOLS + " symbols");
        } else {
            into.add(symbol);
        }
    }

    private static void atLeastOne(StrictJson json, String path, Set<String> symbols) {
        if (symbols.isEmpty()) {
            json.violation(path, Kind.VALUE, "needs at least one symbol: an entry moves the symbols it lists");
        }
    }
}
