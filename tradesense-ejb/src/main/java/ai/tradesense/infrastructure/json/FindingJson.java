package ai.tradesense.infrastructure.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.domain.rules.Side;
import ai.tradesense.domain.rules.surveillance.Finding;

/** A surveillance finding as stored in its alert's figures and shown to staff: kind, day, accounts, evidence. */
public final class FindingJson {

    private FindingJson() {
    }

    public static JsonObject write(Finding finding) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("finding", finding.kind().name())
                .add("day", finding.day().toString())
                .add("accounts", strings(finding.accounts()))
                .add("traders", strings(finding.traders()));
        if (finding instanceof Finding.CopyTrading copy) {
            json.add("matches", copy.matches()).add("pairs", pairings(copy.evidence()));
        } else if (finding instanceof Finding.CrossHedge hedge) {
            json.add("overlaps", hedge.overlaps()).add("pairs", pairings(hedge.evidence()));
        } else if (finding instanceof Finding.SharedAddress shared) {
            JsonArrayBuilder seen = Json.createArrayBuilder();
            for (Finding.Sighting s : shared.evidence()) {
                JsonObjectBuilder sighting = Json.createObjectBuilder().add("traderId", s.traderId());
                if (s.challengeId() != null) {
                    sighting.add("challengeId", s.challengeId()).add("tradeId", s.tradeId());
                }
                seen.add(sighting.add("at", s.at().toString()));
            }
            json.add("address", shared.address()).add("sightings", shared.sightings()).add("seen", seen);
        }
        return json.build();
    }

    public static Finding read(JsonObject json) {
        LocalDate day = LocalDate.parse(json.getString("day"));
        SortedSet<String> accounts = strings(json.getJsonArray("accounts"));
        SortedSet<String> traders = strings(json.getJsonArray("traders"));
        return switch (Finding.Kind.valueOf(json.getString("finding"))) {
            case COPY_TRADING -> new Finding.CopyTrading(day, accounts, traders, json.getInt("matches"),
                    pairings(json.getJsonArray("pairs")));
            case CROSS_HEDGE -> new Finding.CrossHedge(day, accounts, traders, json.getInt("overlaps"),
                    pairings(json.getJsonArray("pairs")));
            case SHARED_IP -> {
                List<Finding.Sighting> seen = new ArrayList<>();
                for (JsonValue value : json.getJsonArray("seen")) {
                    JsonObject s = value.asJsonObject();
                    seen.add(new Finding.Sighting(s.getString("traderId"), s.getString("challengeId", null),
                            s.getString("tradeId", null), Instant.parse(s.getString("at"))));
                }
                yield new Finding.SharedAddress(day, json.getString("address"), accounts, traders,
                        json.getInt("sightings"), List.copyOf(seen));
            }
        };
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static SortedSet<String> strings(JsonArray array) {
        SortedSet<String> values = new TreeSet<>();
        for (JsonValue value : array) {
            values.add(((JsonString) value).getString());
        }
        return values;
    }

    private static JsonArrayBuilder pairings(List<Finding.Pairing> pairings) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Finding.Pairing pairing : pairings) {
            array.add(Json.createArrayBuilder().add(trade(pairing.first())).add(trade(pairing.second())));
        }
        return array;
    }

    private static List<Finding.Pairing> pairings(JsonArray array) {
        List<Finding.Pairing> pairings = new ArrayList<>();
        for (JsonValue value : array) {
            JsonArray pair = value.asJsonArray();
            pairings.add(new Finding.Pairing(trade(pair.getJsonObject(0)), trade(pair.getJsonObject(1))));
        }
        return List.copyOf(pairings);
    }

    private static JsonObjectBuilder trade(Finding.TradeRef trade) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("challengeId", trade.challengeId())
                .add("traderId", trade.traderId())
                .add("tradeId", trade.tradeId())
                .add("symbol", trade.symbol())
                .add("side", trade.side().name())
                .add("openedAt", trade.openedAt().toString());
        if (trade.closedAt() != null) {
            json.add("closedAt", trade.closedAt().toString());
        }
        return json;
    }

    private static Finding.TradeRef trade(JsonObject json) {
        String closed = json.getString("closedAt", null);
        return new Finding.TradeRef(json.getString("challengeId"), json.getString("traderId"),
                json.getString("tradeId"), json.getString("symbol"), Side.valueOf(json.getString("side")),
                Instant.parse(json.getString("openedAt")), closed == null ? null : Instant.parse(closed));
    }
}
