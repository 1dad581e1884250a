package ai.tradesense.infrastructure.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.tradesense.domain.rules.RuleSet;

/**
 * The plans shipped with TradeSense, one JSON document per preset under {@code plans/<code>.json}.
 * They are published at first start, so an operator can run challenges out of the box.
 */
public final class PlanCatalogue {

    private static final List<String> CODES = List.of(
            "two-step-100k", "one-step-100k", "futures-50k", "intraday-50k", "day-start-max-100k",
            "news-weekend-100k", "risk-stop-100k", "max-lots-100k",
            "ftmo-model-100k", "topstep-model-50k", "mff-model-50k");

    private PlanCatalogue() {
    }

    /** The codes of the presets, always in the same order. */
    public static List<String> codes() {
        return CODES;
    }

    /**
     * The plan document of a preset, as shipped.
     *
     * @throws IllegalArgumentException when {@code code} is not a preset
     */
    public static String document(String code) {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("no preset plan with code " + code + "; presets: " + CODES);
        }
        String resource = "plans/" + code + ".json";
        try (InputStream in = PlanCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                // A listed preset without its document is a packaging fault, not a caller's mistake.
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The rules of a preset, read and validated like any stored plan.
     *
     * @throws IllegalArgumentException when {@code code} is not a preset
     */
    public static RuleSet rules(String code) {
        return PlanDocument.read(StrictJson.parse(document(code)), true);
    }

    /** The rules of every preset, in the order of {@link #codes()}. */
    public static List<RuleSet> rules() {
        return CODES.stream().map(PlanCatalogue::rules).toList();
    }
}
