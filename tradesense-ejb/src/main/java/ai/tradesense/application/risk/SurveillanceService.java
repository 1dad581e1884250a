package ai.tradesense.application.risk;

import java.util.List;

import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.Page;

/**
 * What risk staff (RISK and ADMIN) do with surveillance across accounts: read its findings (alerts of kinds
 * COPY_TRADING, CROSS_HEDGE and SHARED_IP; a finding is dismissed by acknowledging its alert with a note) and link
 * traders that belong together.
 */
public interface SurveillanceService {

    /** The alert kinds surveillance raises. */
    List<String> KINDS = List.of("COPY_TRADING", "CROSS_HEDGE", "SHARED_IP");

    /**
     * Newest first; filters may be null.
     *
     * @param status OPEN or ACKNOWLEDGED
     * @param kind   one of {@link #KINDS}
     */
    Page<AlertView> findings(Caller caller, String status, String kind, int page, int size);

    List<TraderLinkView> links(Caller caller);

    /**
     * Links two traders; linking a pair again answers the link it has.
     *
     * @param kind HOUSEHOLD, COMPANY or OTHER
     */
    TraderLinkView link(Caller caller, String traderA, String traderB, String kind, String note);

    /** @throws ai.tradesense.domain.model.surveillance.TraderLinkNotFoundException when there is no such link */
    void unlink(Caller caller, String id);
}
