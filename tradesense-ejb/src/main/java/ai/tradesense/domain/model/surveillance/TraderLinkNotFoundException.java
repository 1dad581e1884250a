package ai.tradesense.domain.model.surveillance;

/** No trader link with this id. */
public class TraderLinkNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TraderLinkNotFoundException(String id) {
        super("no trader link with id '" + id + "'");
    }
}
