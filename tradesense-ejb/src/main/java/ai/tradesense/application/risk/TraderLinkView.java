package ai.tradesense.application.risk;

import java.time.Instant;

import ai.tradesense.domain.model.surveillance.TraderLink;

/** Two traders staff linked, as the API shows them. */
public record TraderLinkView(String id, String traderA, String traderB, TraderLink.Kind kind, String note,
                             String linkedBy, Instant linkedAt) {

    public static TraderLinkView of(TraderLink link) {
        return new TraderLinkView(link.id(), link.traderA(), link.traderB(), link.kind(), link.note(),
                link.linkedBy(), link.linkedAt());
    }
}
