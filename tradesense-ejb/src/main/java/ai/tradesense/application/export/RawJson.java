package ai.tradesense.application.export;

/** A value that is a JSON document as stored (an event, outcomes, audit content): text in CSV, nested in JSON lines. */
public record RawJson(String text) { }
