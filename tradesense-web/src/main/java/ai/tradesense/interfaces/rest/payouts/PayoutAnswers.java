package ai.tradesense.interfaces.rest.payouts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.tradesense.application.payout.PayoutView;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.infrastructure.json.PayoutJson;
import ai.tradesense.infrastructure.json.StrictJson;

/** Reading payout requests' bodies and amounts, and answering the ledger as JSON or CSV. */
final class PayoutAnswers {

    static final String CSV = "text/csv";
    private static final Set<String> REQUEST_FIELDS = Set.of("amount");
    private static final String HEADER = "id,challengeId,traderId,planCode,planVersion,currency,amount,traderShare,"
            + "firmShare,status,requestedAt,requestedBy,firstApprovedAt,firstApprovedBy,decidedAt,decidedBy,reason,"
            + "paidAt";

    private PayoutAnswers() {
    }

    /** The amount of a request body {@code {"amount": 1500.00}}; no body or no amount: the whole withdrawable. */
    static BigDecimal amountOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", REQUEST_FIELDS);
        json.throwIfInvalid();
        BigDecimal amount = request.decimal("amount", false);
        json.throwIfInvalid();
        return positive(amount);
    }

    /** An amount given in a query, e.g. {@code ?amount=1500}. */
    static BigDecimal amountOfQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return positive(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("amount", Kind.TYPE, "must be a decimal number such as 1500.00");
        }
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount != null && (amount.signum() <= 0 || amount.scale() > 8
                || amount.compareTo(StrictJson.MAX_MAGNITUDE) > 0)) {
            throw InvalidInputException.of("amount", Kind.VALUE,
                    "must be greater than 0, at most 10^12 and have at most 8 decimals");
        }
        return amount;
    }

    /** CSV when asked for by {@code ?format=csv} or {@code Accept: text/csv}, else JSON. */
    static Response ledger(List<PayoutView> payouts, String format, HttpHeaders headers) {
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> CSV.equals(t.getType() + "/" + t.getSubtype())));
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw InvalidInputException.of("format", Kind.VALUE, "must be json or csv");
        }
        if (!csv) {
            return Response.ok(PayoutJson.list(payouts).toString(), MediaType.APPLICATION_JSON).build();
        }
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (PayoutView p : payouts) {
            text.append(String.join(",", p.id(), p.challengeId(), cell(p.traderId()), cell(p.planCode()),
                    Integer.toString(p.planVersion()), p.currency(), plain(p.amount()), plain(p.traderShare()),
                    plain(p.firmShare()), p.status().name(), String.valueOf(p.requestedAt()), cell(p.requestedBy()),
                    text(p.firstApprovedAt()), cell(p.firstApprovedBy()), text(p.decidedAt()), cell(p.decidedBy()),
                    cell(p.reason()), text(p.paidAt()))).append("\r\n");
        }
        return Response.ok(text.toString(), CSV + "; charset=UTF-8").build();
    }

    private static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting; a leading formula character is defused for spreadsheets. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

}
