package ai.tradesense.domain.rules.surveillance;

/**
 * Thresholds of the detectors.
 *
 * @param copyWindowMs   two openings of one symbol and side this close (inclusive) are a match
 * @param copyMinMatches matches between two accounts in one day that make them copy trading
 * @param evidenceLimit  most trade pairs or sightings kept as evidence per finding (all are counted)
 */
public record SurveillanceSettings(long copyWindowMs, int copyMinMatches, int evidenceLimit) {

    public static final SurveillanceSettings DEFAULTS = new SurveillanceSettings(500, 5, 20);

    public SurveillanceSettings {
        if (copyWindowMs < 0) {
            throw new IllegalArgumentException("copyWindowMs must not be negative");
        }
        if (copyMinMatches < 1) {
            throw new IllegalArgumentException("copyMinMatches must be at least 1");
        }
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be at least 1");
        }
    }
}
