package ai.tradesense.application.outbound;

import java.time.Instant;

/**
 * An enforcement command as the platform reads it.
 *
 * @param until          the end of a suspension; null for a disable
 * @param acknowledgedAt null until the platform acknowledged it
 */
public record PlatformCommandView(long seq, String challengeId, CommandKind command, Instant until, String reason,
                                  String eventId, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy) { }
