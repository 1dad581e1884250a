package ai.tradesense.application.challenge;

/**
 * The shared channel live messages travel on between nodes (and between the API and worker WARs of one
 * node): each envelope carries the node it came from, so a node skips its own, and one change's
 * messages as they go to the watchers.
 */
public final class LiveChannel {

    /** The pub/sub channel. */
    public static final String NAME = "tradesense:live";

    private LiveChannel() {
    }
}
