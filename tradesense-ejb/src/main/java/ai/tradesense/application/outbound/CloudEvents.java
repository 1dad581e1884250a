package ai.tradesense.application.outbound;

import java.time.Instant;

/** Writes outbound events as CloudEvents 1.0 structured JSON: the port to the JSON writer. */
public interface CloudEvents {

    /** The {@code data} of an outbound event, as stored in the outbox. */
    String data(Notice notice);

    /** The whole envelope: specversion, id, source, type, subject, time, datacontenttype and data. */
    String envelope(String id, String source, String type, String subject, Instant time, String data);
}
