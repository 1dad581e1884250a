package ai.tradesense.application.security;

/** What a caller may do. */
public enum Role {
    /** Sees and starts only their own challenges. */
    TRADER,
    /** Reads everything, acknowledges alerts, pauses challenges. */
    RISK,
    /** Plans, users, API keys and manual actions. */
    ADMIN,
    /** The trading platform's bridge, by API key: reports trades and equity. */
    PLATFORM
}
