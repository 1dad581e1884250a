package ai.tradesense.application;

/** How the store the nodes share beside the database (Redis, or its in-process stand-in) stands. */
public interface SharedStoreHealth {

    /** True when this store is shared between nodes (Redis), false for the in-process stand-in. */
    boolean isShared();

    /** True when the store answers right now. */
    boolean isAvailable();

    /** Memory the store uses, in bytes (Redis INFO used_memory); 0 when unknown or unavailable. */
    long usedMemoryBytes();
}
