package ai.tradesense.application.risk;

import java.time.Instant;

/** The worker's surveillance: the detectors over recent days, findings raised as alerts; no account changes. */
public interface SurveillanceScan {

    /** What one scan read and raised. */
    record Report(int days, int trades, int signIns, int findings, int raised) { }

    /** Scans the current and the previous surveillance day up to {@code now}. */
    Report scan(Instant now);

    /** Forgets sign-in addresses older than the retention time; returns how many. */
    int forgetAddresses(Instant now);
}
